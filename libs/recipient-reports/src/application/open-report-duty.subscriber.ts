import { Injectable } from '@nestjs/common';
import { Money } from '@imdi/kernel';
import { GRANT_ACCEPTED, SubscribesTo, type DomainEvent, type DomainEventHandler, type GrantAcceptedV1 } from '@imdi/outbox';
import { schemeDefinition } from '@imdi/schemes';
import type { EntityManager } from 'typeorm';
import { RecipientReports } from './recipient-reports.service';

/** An accepted grant's reporting duty and its deadline are opened once, after the acceptance commits. */
@Injectable()
@SubscribesTo(GRANT_ACCEPTED, 'recipient-reports.open-duty')
export class OpenReportDutyOnGrantAccepted implements DomainEventHandler<GrantAcceptedV1> {
  constructor(private readonly reports: RecipientReports) {}

  async handle({ payload }: DomainEvent<GrantAcceptedV1>, manager: EntityManager): Promise<void> {
    const definition = schemeDefinition(payload.schemeCode);
    if (!definition) throw new Error(`Ordningen ${payload.schemeCode} finnes ikke; rapporteringsplikten kan ikke åpnes.`);
    await this.reports.openDuty(manager, {
      caseId: payload.caseId,
      decisionId: payload.decisionId,
      organisationNumber: payload.organisationNumber,
      schemeCode: payload.schemeCode,
      budgetYear: payload.budgetYear,
      granted: Money.ofOre(payload.amountOre),
      periodEnd: payload.periodEnd,
      duty: definition.reportingDuty,
    });
  }
}
