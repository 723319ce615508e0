import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { BudgetPost, Clock, type Money } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { CaseworkError } from '../domain/casework.errors';
import { CaseworkRepository, type DelegationRecord } from '../infrastructure/casework.repository';

export interface DelegationView {
  readonly id: string;
  readonly approverId: string;
  readonly budgetPost: string;
  readonly maxAmountNok: string;
  readonly reference: string;
  readonly grantedBy: string;
  readonly grantedAt: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  readonly revocationReason: string | null;
}

/**
 * An admin records an approver's written delegation (which post, up to which amount per decision)
 * and revokes it. Nobody delegates to themselves: budget authority comes from someone else.
 */
@Injectable()
export class Delegations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CaseworkRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async grant(approverId: string, budgetPost: BudgetPost, maxAmount: Money, reference: string, principal: Principal): Promise<DelegationView> {
    if (approverId === principal.userId) {
      throw new CaseworkError(
        'SELF_DELEGATION',
        'Du kan ikke gi deg selv fullmakt. En annen administrator må skrive delegeringen.',
        { approverId },
        'approverId',
      );
    }
    if (!maxAmount.isPositive()) {
      throw new CaseworkError(
        'DELEGATION_LIMIT_NOT_POSITIVE',
        'Beløpsgrensen må være større enn 0 kr, i hele øre.',
        { maxAmountNok: maxAmount.toDecimalString() },
        'maxAmountNok',
      );
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const created = await this.repository.grantDelegation(manager, approverId, budgetPost, maxAmount, reference, principal.userId);
      await this.audit.record(manager, {
        actor: principal,
        action: 'delegation.granted',
        entityType: 'approver_delegation',
        entityId: created,
        after: { approverId, budgetPost: budgetPost.toString(), maxNok: maxAmount.toDecimalString(), reference },
      });
      return created;
    });
    return view((await this.repository.findDelegation(this.dataSource.manager, id, false))!);
  }

  /** Takes effect for every approval that has not yet read the delegation (approval reads it FOR SHARE). */
  async revoke(id: string, reason: string, principal: Principal): Promise<DelegationView> {
    await this.dataSource.transaction(async (manager) => {
      const delegation = await this.repository.findDelegation(manager, id, true);
      if (!delegation) throw new CaseworkError('DELEGATION_NOT_FOUND', `Fant ingen delegering ${id}.`, { id }, 'id');
      if (delegation.revokedAt) {
        throw new CaseworkError('DELEGATION_REVOKED', 'Delegeringen er allerede trukket tilbake.', {
          revokedAt: delegation.revokedAt.toISOString(),
          revokedBy: delegation.revokedBy,
        });
      }
      await this.repository.revokeDelegation(manager, id, principal.userId, reason, this.clock.now());
      await this.audit.record(manager, {
        actor: principal,
        action: 'delegation.revoked',
        entityType: 'approver_delegation',
        entityId: id,
        before: {
          approverId: delegation.approverId,
          budgetPost: delegation.budgetPost.toString(),
          maxNok: delegation.maxAmount.toDecimalString(),
          reference: delegation.reference,
        },
        after: { revoked: true, reason },
      });
    });
    return view((await this.repository.findDelegation(this.dataSource.manager, id, false))!);
  }

  async list(): Promise<DelegationView[]> {
    return (await this.repository.listDelegations(this.dataSource.manager)).map(view);
  }
}

function view(delegation: DelegationRecord): DelegationView {
  return {
    id: delegation.id,
    approverId: delegation.approverId,
    budgetPost: delegation.budgetPost.toString(),
    maxAmountNok: delegation.maxAmount.toDecimalString(),
    reference: delegation.reference,
    grantedBy: delegation.grantedBy,
    grantedAt: delegation.grantedAt.toISOString(),
    revokedAt: delegation.revokedAt?.toISOString() ?? null,
    revokedBy: delegation.revokedBy,
    revocationReason: delegation.revocationReason,
  };
}
