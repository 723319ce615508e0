import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle, type CaseStatus } from '@imdi/cases';
import { Clock } from '@imdi/kernel';
import { CASE_CLOSED, caseFactsOf, DomainEvents } from '@imdi/outbox';
import { DataSource } from 'typeorm';

/**
 * The caseworker closes a case that has come to its end (the state machine's `close`: from a final
 * state only); CaseClosed lets the journal end the case file. An appeal may still reopen it.
 */
@Injectable()
export class CloseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseLifecycle,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async execute(caseId: string, principal: Principal): Promise<{ status: CaseStatus }> {
    return this.dataSource.transaction(async (manager) => {
      const closed = await this.cases.transition(manager, caseId, 'close', principal);
      await this.events.publish(manager, CASE_CLOSED, { ...caseFactsOf(closed), closedAt: this.clock.now().toISOString() });
      return { status: closed.status };
    });
  }
}
