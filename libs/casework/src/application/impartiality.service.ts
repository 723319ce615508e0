import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { assertImpartial, ConflictOfInterestRefusal, UserId, type Actor } from '../domain/decision';
import { CaseworkRepository } from '../infrastructure/casework.repository';

/**
 * fvl. § 6: a caseworker or approver who has declared a conflict of interest with the applicant
 * cannot assess, propose or decide (the rule is the domain's `assertImpartial`). The refusal itself
 * is recorded, in a transaction of its own, so it survives the rollback of the refused action.
 */
@Injectable()
export class Impartiality {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CaseworkRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** The signed-in person as the Decision aggregate sees them, with any declared conflict with this applicant. */
  async actor(manager: EntityManager, principal: Principal, organisationNumber: string): Promise<Actor> {
    return {
      id: UserId.of(principal.userId),
      name: principal.name,
      conflictOfInterest: await this.repository.hasConflict(manager, principal.userId, organisationNumber),
    };
  }

  async assertImpartial(manager: EntityManager, principal: Principal, organisationNumber: string, caseId: string, action: string): Promise<void> {
    const actor = await this.actor(manager, principal, organisationNumber);
    await this.recordingRefusal(principal, caseId, () => assertImpartial(actor, organisationNumber, action));
  }

  /** Runs a step that may refuse for a conflict of interest; such a refusal is put on record before it is thrown. */
  async recordingRefusal<T>(principal: Principal, caseId: string, step: () => T | Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof ConflictOfInterestRefusal) {
        await this.dataSource.transaction((separate) =>
          this.audit.record(separate, {
            actor: principal,
            action: 'case.refused-conflict-of-interest',
            entityType: 'case',
            entityId: caseId,
            after: { attempted: error.attempted, organisationNumber: error.organisationNumber },
          }),
        );
      }
      throw error;
    }
  }

  async declare(principal: Principal, organisationNumber: string, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.repository.declareConflict(manager, principal.userId, organisationNumber, reason);
      await this.audit.record(manager, {
        actor: principal,
        action: 'user.conflict-declared',
        entityType: 'user',
        entityId: principal.userId,
        after: { organisationNumber, reason },
      });
    });
  }
}
