import { Injectable } from '@nestjs/common';
import { Messages } from '@imdi/messaging';
import { HandlesJob, type JobHandler } from '@imdi/platform';
import { SchemeCatalogueQuery } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { OrganisationRepository } from '../infrastructure/organisation.repository';
import { ApplicationQuery } from './application.query';
import { ISSUE_RECEIPT } from './intake.jobs';
import { receiptMail } from './receipt-mail';

const OSLO_TIMESTAMP = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' });

/**
 * Renders and stores the receipt right after submission, and mails the organisation's contact that
 * it arrived, in the organisation's målform. Idempotent: the first stored receipt wins, and the
 * mail's dedupe key makes a repeated job one mail.
 */
@Injectable()
@HandlesJob(ISSUE_RECEIPT)
export class IssueReceiptHandler implements JobHandler<{ applicationId: string }> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly query: ApplicationQuery,
    private readonly applications: ApplicationRepository,
    private readonly organisations: OrganisationRepository,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly messages: Messages,
  ) {}

  async handle(payload: { applicationId: string }): Promise<void> {
    const { caseNumber } = await this.query.receipt(payload.applicationId, null);
    await this.dataSource.transaction(async (manager) => {
      const application = (await this.applications.find(manager, payload.applicationId, null))!;
      const organisation = (await this.organisations.findById(manager, application.organisationId))!;
      const version = await this.catalogue.version(application.schemeCode, application.budgetYear, manager);
      await this.messages.send(manager, {
        dedupeKey: `receipt:${application.id}`,
        kind: 'receipt',
        recipient: organisation.contactEmail,
        language: organisation.writtenStandard,
        texts: receiptMail({
          organisationName: organisation.name,
          schemeName: version.name,
          budgetYear: application.budgetYear,
          caseNumber,
          receivedAt: OSLO_TIMESTAMP.format(application.submittedAt!),
        }),
        caseId: application.id,
      });
    });
  }
}
