import { BudgetPost, Money } from '@imdi/kernel';
import { CaseworkError } from './casework.errors';
import { Decision, UserId, type Actor, type ProposalTerms } from './decision';

const POST = BudgetPost.parse('496.62');
const AT = new Date('2026-03-02T10:00:00Z');

const kari: Actor = { id: UserId.of('kari'), name: 'Kari Saksbehandler', conflictOfInterest: false };
const per: Actor = { id: UserId.of('per'), name: 'Per Godkjenner', conflictOfInterest: false };
const conflicted = (actor: Actor): Actor => ({ ...actor, conflictOfInterest: true });

const terms = (overrides: Partial<ProposalTerms> = {}): ProposalTerms => ({
  caseId: 'case-1',
  organisationNumber: '974760673',
  schemeCode: 'ORG',
  schemeVersionId: 'version-1',
  legalBasis: 'Prop. 1 S',
  budgetYear: 2026,
  budgetPost: POST,
  schemeEarmarks: [],
  requested: Money.ofKroner(100_000),
  amount: Money.ofKroner(80_000),
  reasons: 'Godt prosjekt.',
  conditions: '',
  ...overrides,
});

const delegation = (maxKroner: number, post = POST) => ({ budgetPost: post, maxAmount: Money.ofKroner(maxKroner), reference: 'D-1' });

/** A saved proposal, as the repository would restore it. */
function proposal(overrides: Partial<ProposalTerms> = {}, proposer: Actor = kari): Decision {
  const decision = Decision.propose(terms(overrides), proposer);
  decision.withId('decision-1');
  return decision;
}

function refusalCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof CaseworkError) return error.code;
    throw error;
  }
  return undefined;
}

describe('Decision: the proposal', () => {
  it('tells full, partial and refused apart', () => {
    expect(proposal({ amount: Money.ofKroner(100_000) }).outcome).toBe('granted');
    expect(proposal().outcome).toBe('partly_granted');
    expect(proposal({ amount: Money.zero() }).outcome).toBe('refused');
  });

  it('refuses more than was applied for', () => {
    expect(refusalCode(() => Decision.propose(terms({ amount: Money.ofKroner(100_001) }), kari))).toBe('PROPOSAL_INVALID');
  });

  it('takes only an earmark the scheme uses, the first by default, and none on a refusal', () => {
    expect(refusalCode(() => Decision.propose(terms({ schemeEarmarks: ['A'], earmarkCode: 'B' }), kari))).toBe('PROPOSAL_INVALID');
    expect(refusalCode(() => Decision.propose(terms({ earmarkCode: 'B' }), kari))).toBe('PROPOSAL_INVALID');
    expect(proposal({ schemeEarmarks: ['A', 'B'] }).earmarkCode).toBe('A');
    expect(proposal({ schemeEarmarks: ['A'], amount: Money.zero() }).earmarkCode).toBeNull();
  });

  it('keeps the post and the proposer as value objects', () => {
    const decision = proposal();
    expect(decision.budgetPost.equals(POST)).toBe(true);
    expect(decision.proposedBy).toBe('kari');
    expect(decision.status).toBe('proposed');
  });
});

describe('Decision: four eyes', () => {
  it('refuses approval by the proposer, and lets another approve', () => {
    expect(refusalCode(() => proposal().approve(kari, '974760673', [delegation(500_000)], AT))).toBe('FOUR_EYES');
    const decision = proposal();
    decision.approve(per, '974760673', [delegation(500_000)], AT);
    expect(decision.saved()).toMatchObject({ status: 'approved', approvedBy: 'per', approvedByName: 'Per Godkjenner', approvedAt: AT });
  });

  it('refuses the proposer sending their own proposal back', () => {
    expect(refusalCode(() => proposal().returnToCaseworker(kari, '974760673'))).toBe('FOUR_EYES');
    const decision = proposal();
    decision.returnToCaseworker(per, '974760673');
    expect(decision.status).toBe('superseded');
  });
});

describe('Decision: delegation limits', () => {
  it('approves up to the limit on the delegated post and names the delegation', () => {
    expect(proposal().approve(per, '974760673', [delegation(80_000)], AT)?.reference).toBe('D-1');
  });

  it('refuses an amount above the limit', () => {
    const decision = proposal();
    expect(refusalCode(() => decision.approve(per, '974760673', [delegation(79_999)], AT))).toBe('BEYOND_DELEGATION');
    expect(decision.status).toBe('proposed');
  });

  it('refuses an approver with a delegation only on another post', () => {
    expect(refusalCode(() => proposal().approve(per, '974760673', [delegation(500_000, BudgetPost.parse('496.71'))], AT))).toBe('NO_DELEGATION');
  });
});

describe('Decision: impartiality (fvl. § 6)', () => {
  it('refuses a proposal by someone with a declared conflict of interest', () => {
    expect(refusalCode(() => Decision.propose(terms(), conflicted(kari)))).toBe('CONFLICT_OF_INTEREST');
  });

  it('refuses approval and return by an approver with a declared conflict of interest', () => {
    expect(refusalCode(() => proposal().approve(conflicted(per), '974760673', [delegation(500_000)], AT))).toBe('CONFLICT_OF_INTEREST');
    expect(refusalCode(() => proposal().returnToCaseworker(conflicted(per), '974760673'))).toBe('CONFLICT_OF_INTEREST');
  });
});

describe('Decision: only a proposal is decided', () => {
  it('refuses approving twice, and an absent proposal', () => {
    const decision = proposal();
    decision.approve(per, '974760673', [delegation(500_000)], AT);
    expect(refusalCode(() => decision.approve(per, '974760673', [delegation(500_000)], AT))).toBe('NO_PROPOSAL');
    expect(refusalCode(() => Decision.openProposal(undefined, 'in_assessment', 'godkjennes'))).toBe('NO_PROPOSAL');
    expect(refusalCode(() => Decision.openProposal(proposal(), 'in_assessment', 'godkjennes'))).toBe('NO_PROPOSAL');
    expect(Decision.openProposal(proposal(), 'proposed', 'godkjennes').status).toBe('proposed');
  });
});

describe('Decision: the ministry gate (Instruks 6.1)', () => {
  const approved = (amount = Money.ofKroner(80_000)): Decision => {
    const decision = proposal({ amount });
    decision.approve(per, '974760673', [delegation(500_000)], AT);
    return decision;
  };

  it('gives no søkbar grant letter before the pre-notification is delivered', () => {
    expect(refusalCode(() => Decision.letterKind(approved(), 'approved', { required: true, delivered: false }))).toBe('NOTIFICATION_NOT_DELIVERED');
    expect(Decision.letterKind(approved(), 'approved', { required: true, delivered: true }).kind).toBe('grant');
  });

  it('lets a refusal, and a grant under a scheme without the duty, through', () => {
    expect(Decision.letterKind(approved(Money.zero()), 'refused', { required: true, delivered: false }).kind).toBe('refusal');
    expect(Decision.letterKind(approved(), 'approved', { required: false, delivered: false }).kind).toBe('grant');
  });

  it('gives no letter before the decision is approved', () => {
    expect(refusalCode(() => Decision.letterKind(proposal(), 'proposed', { required: false, delivered: false }))).toBe('NO_PROPOSAL');
    expect(refusalCode(() => Decision.letterKind(undefined, 'in_assessment', { required: false, delivered: false }))).toBe('NO_PROPOSAL');
  });
});
