import { Injectable } from '@nestjs/common';
import { AuditTrail, SYSTEM_ACTOR } from '@imdi/audit';
import { REPORT_APPROVED, SubscribesTo, type DomainEvent, type DomainEventHandler, type ReportApprovedV1 } from '@imdi/outbox';
import type { EntityManager } from 'typeorm';
import { PlanPayouts } from './plan-payouts.service';

/**
 * The share held back until the recipient's report is approved falls due on the approval date. Every
 * accepted grant has at least one instalment; none yet means GrantAccepted has not reached payments,
 * so the delivery fails and is tried again rather than releasing nothing.
 */
@Injectable()
@SubscribesTo(REPORT_APPROVED, 'payments.release-held-back')
export class ReleaseHeldBackOnReportApproved implements DomainEventHandler<ReportApprovedV1> {
  constructor(
    private readonly payouts: PlanPayouts,
    private readonly audit: AuditTrail,
  ) {}

  async handle(event: DomainEvent<ReportApprovedV1>, manager: EntityManager): Promise<void> {
    const { payload } = event;
    const { released, planned } = await this.payouts.releaseHeldBack(manager, payload.caseId, payload.approvedOn);
    if (planned === 0) throw new Error(`Sak ${payload.caseNumber} har ingen planlagte utbetalinger ennå; tilbakeholdt del frigis når de er planlagt.`);
    await this.audit.record(manager, {
      actor: SYSTEM_ACTOR,
      action: 'case.held-back-released',
      entityType: 'case',
      entityId: payload.caseId,
      after: { heldBackInstalmentsReleased: released, reportApprovedOn: payload.approvedOn, eventId: event.id },
    });
  }
}
