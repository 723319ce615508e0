import { Injectable } from '@nestjs/common';
import { CaseLifecycle } from '@imdi/cases';
import { osloDate } from '@imdi/kernel';
import { letterRecipient } from '@imdi/letters';
import { AppConfig } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { PayeeDirectory } from './payee.directory';
import { DECISION_FILE_NAME, ReclaimDocuments, type ReclaimDocument } from '../application/reclaim-documents';
import { renderReclaimDecisionLetter } from '../application/reclaim-decision-letter';
import { ReclaimRepository } from './reclaim.repository';

@Injectable()
export class ReclaimDocumentsAdapter extends ReclaimDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ReclaimRepository,
    private readonly cases: CaseLifecycle,
    private readonly payees: PayeeDirectory,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async notice(noticeId: string): Promise<ReclaimDocument | undefined> {
    const pdf = await this.repository.letterOf(this.dataSource.manager, noticeId);
    return pdf ? { fileName: 'varsel-om-tilbakekreving.pdf', mediaType: 'application/pdf', content: pdf } : undefined;
  }

  /**
   * The letter as it was sent to the recipient (one rendering, one document number). A decision made before
   * letters were kept is rendered (PDF/A-2b, as the notice) from the decision as recorded.
   */
  async decision(reclaimId: string): Promise<ReclaimDocument | undefined> {
    const manager = this.dataSource.manager;
    const sent = await this.repository.decisionLetterOf(manager, reclaimId);
    if (sent) return { fileName: DECISION_FILE_NAME, mediaType: 'application/pdf', content: sent };
    const reclaim = await this.repository.reclaimView(manager, reclaimId);
    const file = reclaim && (await this.cases.find(manager, reclaim.caseId));
    if (!reclaim || !file) return undefined;
    const organisation = await this.payees.find(manager, file.organisationNumber);
    const letter = await renderReclaimDecisionLetter({
      writtenStandard: organisation?.writtenStandard ?? 'nb',
      agency: this.config.agencyLetterhead,
      recipient: organisation
        ? letterRecipient(organisation)
        : { name: file.organisationNumber, organisationNumber: file.organisationNumber, attention: null, postalAddress: null },
      ourReference: file.caseNumber,
      decidedOn: osloDate(reclaim.demandedAt),
      caseworker: null,
      amount: reclaim.amount,
      dueOn: reclaim.dueOn,
      reason: reclaim.reason,
      followsNotice: reclaim.noticeId !== null,
      appealDeadline: reclaim.enkeltvedtak ? reclaim.appealDeadline : null,
    });
    return { fileName: DECISION_FILE_NAME, mediaType: 'application/pdf', content: Buffer.from(letter) };
  }
}
