import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { BudgetStatusQuery } from '@imdi/budget';
import { CaseLifecycle } from '@imdi/cases';
import { Money } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { CaseworkRepository, type DelegationRecord } from '../infrastructure/casework.repository';
import type { DelegationView } from './delegations.service';

export interface MyDelegationView extends DelegationView {
  /** Unrevoked and given by someone else: an approval may rest on it. */
  readonly active: boolean;
}

export interface ProposalAwaitingApproval {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly organisationNumber: string;
  readonly organisationName: string;
  readonly decisionId: string;
  readonly outcome: string;
  readonly amountNok: string;
  readonly requestedNok: string | null;
  readonly budgetPost: string;
  readonly earmarkCode: string | null;
  readonly proposedBy: string;
  readonly proposedByName: string | null;
  readonly proposedAt: string;
  /** The budget room the approval would use: what is available on the earmark (or the post) now and after. */
  readonly budget: { readonly availableNok: string; readonly afterApprovalNok: string; readonly sufficient: boolean };
  /** Whether the caller may approve it, and if not why (in bokmål). */
  readonly approvable: boolean;
  readonly blockedReason: string | null;
}

/** The approver's desk: the delegations they hold and the proposals waiting for someone like them. */
@Injectable()
export class ApproverDesk {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CaseworkRepository,
    private readonly cases: CaseLifecycle,
    private readonly budget: BudgetStatusQuery,
  ) {}

  async myDelegations(principal: Principal): Promise<MyDelegationView[]> {
    const records = await this.repository.delegationsHeldBy(this.dataSource.manager, principal.userId);
    return records.map((record) => ({
      id: record.id,
      approverId: record.approverId,
      budgetPost: record.budgetPost.toString(),
      maxAmountNok: record.maxAmount.toDecimalString(),
      reference: record.reference,
      grantedBy: record.grantedBy,
      grantedAt: record.grantedAt.toISOString(),
      revokedAt: record.revokedAt?.toISOString() ?? null,
      revokedBy: record.revokedBy,
      revocationReason: record.revocationReason,
      active: isActive(record),
    }));
  }

  async proposals(principal: Principal): Promise<ProposalAwaitingApproval[]> {
    const manager = this.dataSource.manager;
    const proposals = await this.repository.proposalsAwaitingApproval(manager, 200);
    if (proposals.length === 0) return [];
    const [files, delegations, conflicts] = await Promise.all([
      this.cases.findMany(
        manager,
        proposals.map((proposal) => proposal.caseId),
      ),
      this.repository.delegationsHeldBy(manager, principal.userId),
      this.repository.hasConflictWithAny(manager, principal.userId),
    ]);
    const years = [...new Set(proposals.map((proposal) => proposal.budgetYear))];
    const statuses = new Map(await Promise.all(years.map(async (year) => [year, await this.budget.forYear(year)] as const)));
    return proposals.map((proposal) => {
      const file = files.find((candidate) => candidate.id === proposal.caseId);
      const post = statuses.get(proposal.budgetYear)?.posts.find((entry) => entry.budgetPost === proposal.budgetPost.toString());
      const position = (proposal.earmarkCode ? post?.earmarks.find((earmark) => earmark.code === proposal.earmarkCode) : undefined) ?? post?.unearmarked;
      const available = Money.parseNok(position?.availableNok ?? '0');
      const uses = proposal.outcome === 'refused' ? Money.zero() : proposal.amount;
      const after = available.minus(uses);
      const onPost = delegations.filter((delegation) => isActive(delegation) && delegation.budgetPost.equals(proposal.budgetPost));
      const covering = onPost.some((delegation) => !proposal.amount.greaterThan(delegation.maxAmount));
      const blockedReason =
        proposal.proposedBy === principal.userId
          ? 'Du foreslo vedtaket selv; en annen må godkjenne det (fire øyne).'
          : conflicts.has(proposal.organisationNumber)
            ? 'Du har meldt deg inhabil overfor søkeren.'
            : onPost.length === 0
              ? `Du har ingen fullmakt på kap./post ${proposal.budgetPost.toString()}.`
              : !covering
                ? `Beløpet er større enn fullmakten din på kap./post ${proposal.budgetPost.toString()}.`
                : uses.greaterThan(available)
                  ? 'Det er ikke nok ledige midler på posten eller øremerkingen.'
                  : null;
      return {
        caseId: proposal.caseId,
        caseNumber: file?.caseNumber ?? null,
        schemeCode: file?.schemeCode ?? '',
        budgetYear: proposal.budgetYear,
        organisationNumber: proposal.organisationNumber,
        organisationName: proposal.organisationName,
        decisionId: proposal.id,
        outcome: proposal.outcome,
        amountNok: proposal.amount.toDecimalString(),
        requestedNok: proposal.requested?.toDecimalString() ?? null,
        budgetPost: proposal.budgetPost.toString(),
        earmarkCode: proposal.earmarkCode,
        proposedBy: proposal.proposedBy,
        proposedByName: proposal.proposedByName,
        proposedAt: proposal.proposedAt.toISOString(),
        budget: { availableNok: available.toDecimalString(), afterApprovalNok: after.toDecimalString(), sufficient: !uses.greaterThan(available) },
        approvable: blockedReason === null,
        blockedReason,
      };
    });
  }
}

/** A delegation an approval may rest on: unrevoked, and not given by the holder to themself. */
function isActive(delegation: DelegationRecord): boolean {
  return delegation.revokedAt === null && delegation.grantedBy !== delegation.approverId;
}
