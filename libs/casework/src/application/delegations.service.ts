import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { BudgetPost, type Money } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { CaseworkRepository } from '../infrastructure/casework.repository';

/** An admin records an approver's written delegation: which post, up to which amount per decision. */
@Injectable()
export class Delegations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CaseworkRepository,
    private readonly audit: AuditTrail,
  ) {}

  async grant(approverId: string, budgetPost: BudgetPost, maxAmount: Money, reference: string, principal: Principal): Promise<{ id: string }> {
    return this.dataSource.transaction(async (manager) => {
      const id = await this.repository.grantDelegation(manager, approverId, budgetPost.toString(), maxAmount, reference, principal.userId);
      await this.audit.record(manager, { actor: principal, action: 'delegation.granted', entityType: 'approver_delegation', entityId: id, after: { approverId, budgetPost: budgetPost.toString(), maxNok: maxAmount.toDecimalString(), reference } });
      return { id };
    });
  }
}
