import { Money, type BudgetPost } from '@imdi/kernel';
import { CaseworkError } from './casework.errors';

export type DecisionOutcome = 'granted' | 'partly_granted' | 'refused';

/** A grant equal to what was applied for is granted in full; less is in part; nothing is a refusal. */
export function outcomeOf(amount: Money, requested: Money | null): DecisionOutcome {
  if (amount.isZero()) return 'refused';
  if (amount.isNegative()) throw new CaseworkError('PROPOSAL_INVALID', 'Beløpet kan ikke være negativt.', {}, 'amountNok');
  if (requested && amount.greaterThan(requested)) {
    throw new CaseworkError(
      'PROPOSAL_INVALID',
      `Beløpet (${amount.formatNok()}) er større enn det som er søkt om (${requested.formatNok()}).`,
      {},
      'amountNok',
    );
  }
  return requested && amount.lessThan(requested) ? 'partly_granted' : 'granted';
}

/** Four-eyes: the approver is never the one who proposed. */
export function assertFourEyes(proposedBy: string, approverId: string): void {
  if (proposedBy === approverId) {
    throw new CaseworkError('FOUR_EYES', 'Vedtaket må godkjennes av en annen person enn den som foreslo det (fire øyne).', { proposedBy });
  }
}

export interface Delegation {
  readonly budgetPost: BudgetPost;
  readonly maxAmount: Money;
  readonly reference: string;
}

/** The approver's written delegation must cover the post and the amount. */
export function assertWithinDelegation(delegations: readonly Delegation[], budgetPost: BudgetPost, amount: Money): Delegation | undefined {
  const onPost = delegations.filter((delegation) => delegation.budgetPost.equals(budgetPost));
  if (onPost.length === 0) {
    throw new CaseworkError('NO_DELEGATION', `Du har ingen skriftlig delegert fullmakt på kap./post ${budgetPost.toString()}.`, {
      budgetPost: budgetPost.toString(),
    });
  }
  const covering = onPost.find((delegation) => !amount.greaterThan(delegation.maxAmount));
  if (!covering) {
    const largest = onPost.reduce((max, delegation) => (delegation.maxAmount.greaterThan(max) ? delegation.maxAmount : max), Money.zero());
    throw new CaseworkError(
      'BEYOND_DELEGATION',
      `Fullmakten din på kap./post ${budgetPost.toString()} går opp til ${largest.formatNok()} per vedtak; dette vedtaket er på ${amount.formatNok()}. En godkjenner med større fullmakt må godkjenne.`,
      {
        budgetPost: budgetPost.toString(),
        maxNok: largest.toDecimalString(),
        amountNok: amount.toDecimalString(),
      },
    );
  }
  return covering;
}

export interface CriterionScore {
  readonly criterion: string;
  readonly score: number;
  readonly comment: string;
}

/** Weighted score 0–500 (scores 0–5 × weights summing to 100). */
export function weightedScore(scores: readonly CriterionScore[], criteria: ReadonlyArray<{ code: string; weight: number }>): number {
  const missing = criteria.filter((criterion) => !scores.some((score) => score.criterion === criterion.code)).map((criterion) => criterion.code);
  const unknown = scores.filter((score) => !criteria.some((criterion) => criterion.code === score.criterion)).map((score) => score.criterion);
  if (missing.length > 0 || unknown.length > 0) {
    throw new CaseworkError(
      'ASSESSMENT_INVALID',
      `Gi poeng for hvert av ordningens kriterier én gang${missing.length ? `; mangler: ${missing.join(', ')}` : ''}${unknown.length ? `; ikke kriterier i ordningen: ${unknown.join(', ')}` : ''}.`,
      {},
      'scores',
    );
  }
  return scores.reduce((total, score) => total + score.score * criteria.find((criterion) => criterion.code === score.criterion)!.weight, 0);
}

/** The scale every criterion is scored on, and the highest weighted total (5 × weights summing to 100). */
export const ASSESSMENT_SCALE = { min: 0, max: 5 } as const;
export const MAX_WEIGHTED_SCORE = 500;
/** A weighted total under this (an average under 3 of 5, «tilfredsstillende») suggests a refusal. */
export const REFUSAL_BELOW_SCORE = 250;
const ROUND_TO_ORE = 100_000n;

/**
 * The amount the assessment suggests, for the caseworker to weigh (it decides nothing): nothing when
 * the weighted total is under 250 of 500; otherwise the amount applied for (the scheme's
 * `requestedAmount` of the form) scaled by total / 500, rounded down to whole thousand kroner and never
 * more than was applied for. Null when the application names no amount.
 */
export function suggestedAmount(requested: Money | null, totalScore: number): Money | null {
  if (!requested) return null;
  if (totalScore < REFUSAL_BELOW_SCORE) return Money.zero();
  const scaled = (BigInt(requested.toOreString()) * BigInt(Math.min(totalScore, MAX_WEIGHTED_SCORE))) / BigInt(MAX_WEIGHTED_SCORE);
  const rounded = (scaled / ROUND_TO_ORE) * ROUND_TO_ORE;
  return Money.ofOre(rounded);
}

/** The rule above in words, for the case page (bokmål, nynorsk). */
export const SUGGESTION_RULE = {
  nb: 'Forslaget er søkt beløp ganget med vektet poengsum delt på 500, rundet ned til hele tusen kroner. Under 250 poeng (snitt under 3 av 5) foreslås avslag.',
  nn: 'Framlegget er søkt beløp gonga med vekta poengsum delt på 500, runda ned til heile tusen kroner. Under 250 poeng (snitt under 3 av 5) blir avslag føreslått.',
} as const;
