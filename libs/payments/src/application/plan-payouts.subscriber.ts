import { Injectable } from '@nestjs/common';
import { Money } from '@imdi/kernel';
import { GRANT_ACCEPTED, SubscribesTo, type DomainEvent, type DomainEventHandler, type GrantAcceptedV1 } from '@imdi/outbox';
import { schemeDefinition } from '@imdi/schemes';
import type { EntityManager } from 'typeorm';
import { PlanPayouts } from './plan-payouts.service';

/** An accepted grant's instalments are planned once, after the acceptance commits. */
@Injectable()
@SubscribesTo(GRANT_ACCEPTED, 'payments.plan-instalments')
export class PlanInstalmentsOnGrantAccepted implements DomainEventHandler<GrantAcceptedV1> {
  constructor(private readonly payouts: PlanPayouts) {}

  async handle({ payload }: DomainEvent<GrantAcceptedV1>, manager: EntityManager): Promise<void> {
    const definition = schemeDefinition(payload.schemeCode);
    if (!definition) throw new Error(`Ordningen ${payload.schemeCode} finnes ikke; utbetalingsplanen kan ikke lages.`);
    await this.payouts.forAcceptedGrant(manager, {
      caseId: payload.caseId,
      decisionId: payload.decisionId,
      amount: Money.ofOre(payload.amountOre),
      payoutPlan: definition.payoutPlan,
      acceptedOn: payload.acceptedOn,
      budgetYear: payload.budgetYear,
      budgetPost: payload.budgetPost,
      earmarkCode: payload.earmarkCode,
      schemeCode: payload.schemeCode,
      caseNumber: payload.caseNumber,
      organisationNumber: payload.organisationNumber,
      accountNumber: payload.accountNumber,
    });
  }
}
