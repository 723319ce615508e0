import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseworkError } from '../domain/casework.errors';
import { CaseworkRepository } from '../infrastructure/casework.repository';

/**
 * fvl. § 6: a caseworker or approver who has declared a conflict of interest with the applicant
 * cannot assess, propose or decide. The refusal itself is recorded, in a transaction of its own,
 * so it survives the rollback of the refused action.
 */
@Injectable()
export class Impartiality {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CaseworkRepository,
    private readonly audit: AuditTrail,
  ) {}

  async assertImpartial(manager: EntityManager, principal: Principal, organisationNumber: string, caseId: string, action: string): Promise<void> {
    if (!(await this.repository.hasConflict(manager, principal.userId, organisationNumber))) return;
    await this.dataSource.transaction((separate) =>
      this.audit.record(separate, {
        actor: principal,
        action: 'case.refused-conflict-of-interest',
        entityType: 'case',
        entityId: caseId,
        after: { attempted: action, organisationNumber },
      }),
    );
    throw new CaseworkError(
      'CONFLICT_OF_INTEREST',
      `Du har meldt deg inhabil overfor organisasjonsnummer ${organisationNumber} og kan ikke behandle saken («${action}»), jf. forvaltningsloven § 6. En annen saksbehandler må ta den.`,
      { organisationNumber },
    );
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
