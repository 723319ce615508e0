import { InvalidValueError, type BudgetPost, type Money } from '@imdi/kernel';
import { CaseworkError } from './casework.errors';
import { assertFourEyes, assertWithinDelegation, outcomeOf, type Delegation, type DecisionOutcome } from './decision-rules';

/** A staff user's id (the identity provider's subject), never empty. */
export type UserId = string & { readonly __userId: unique symbol };

export const UserId = {
  of(value: string, field = 'userId'): UserId {
    if (value.trim() === '') throw new InvalidValueError(field, 'user-id-not-empty', `«${field}» må være en bruker-id.`);
    return value as UserId;
  },
};

/** Who acts on a decision, and whether they have declared a conflict of interest with the applicant (fvl. § 6). */
export interface Actor {
  readonly id: UserId;
  readonly name: string;
  readonly conflictOfInterest: boolean;
}

export type DecisionStatus = 'proposed' | 'approved' | 'superseded';

export interface DecisionState {
  /** Null until the decision is first saved. */
  readonly id: string | null;
  readonly caseId: string;
  readonly outcome: DecisionOutcome;
  readonly amount: Money;
  readonly requested: Money | null;
  readonly reasons: string;
  readonly conditions: string;
  readonly legalBasis: string;
  readonly budgetYear: number;
  readonly budgetPost: BudgetPost;
  readonly earmarkCode: string | null;
  readonly schemeVersionId: string;
  readonly status: DecisionStatus;
  readonly proposedBy: UserId;
  /** The proposer's name as signed in when proposing; null on decisions from before names were kept. */
  readonly proposedByName: string | null;
  readonly approvedBy: UserId | null;
  readonly approvedByName: string | null;
  readonly approvedAt: Date | null;
}

/** A decision as stored: its state with the id it was saved under. */
export type SavedDecisionState = DecisionState & { readonly id: string };

export interface ProposalTerms {
  readonly caseId: string;
  readonly organisationNumber: string;
  readonly schemeCode: string;
  readonly schemeVersionId: string;
  readonly legalBasis: string;
  readonly budgetYear: number;
  readonly budgetPost: BudgetPost;
  /** The earmarks the scheme version uses; the first is the default. */
  readonly schemeEarmarks: readonly string[];
  readonly requested: Money | null;
  readonly amount: Money;
  readonly reasons: string;
  readonly conditions: string;
  readonly earmarkCode?: string;
}

/**
 * fvl. § 6: someone who has declared a conflict of interest with the applicant does not assess,
 * propose or decide. `action` names the attempt in the refusal.
 */
export function assertImpartial(actor: Actor, organisationNumber: string, action: string): void {
  if (actor.conflictOfInterest) throw new ConflictOfInterestRefusal(organisationNumber, action);
}

/** The refusal fvl. § 6 gives; it names the attempt, so the refusal itself can be put on record. */
export class ConflictOfInterestRefusal extends CaseworkError {
  constructor(
    readonly organisationNumber: string,
    readonly attempted: string,
  ) {
    super(
      'CONFLICT_OF_INTEREST',
      `Du har meldt deg inhabil overfor organisasjonsnummer ${organisationNumber} og kan ikke behandle saken («${attempted}»), jf. forvaltningsloven § 6. En annen saksbehandler må ta den.`,
      { organisationNumber },
    );
  }
}

/**
 * A decision on one case, from proposal to approval: holds the rules the caseworker and approver
 * meet (amount within what was applied for, the scheme's earmarks, four eyes, written delegation,
 * impartiality, the ministry's pre-notification before a søkbar grant letter). Services load it
 * through DecisionRepository, call it and save it.
 */
export class Decision {
  private constructor(private state: DecisionState) {}

  static restore(state: DecisionState): Decision {
    return new Decision(state);
  }

  /** A caseworker proposes: in full, in part, or a refusal (an amount of zero). */
  static propose(terms: ProposalTerms, proposer: Actor): Decision {
    assertImpartial(proposer, terms.organisationNumber, 'propose a decision in');
    const outcome = outcomeOf(terms.amount, terms.requested);
    const earmarkCode = terms.earmarkCode ?? terms.schemeEarmarks[0] ?? null;
    if (earmarkCode && !terms.schemeEarmarks.includes(earmarkCode)) {
      throw new CaseworkError(
        'PROPOSAL_INVALID',
        `Ordningen ${terms.schemeCode} bruker ${terms.schemeEarmarks.length > 0 ? `øremerkingen ${terms.schemeEarmarks.join(', ')}` : 'ingen øremerking'}, ikke «${earmarkCode}». Velg en av dem.`,
        {},
        'earmarkCode',
      );
    }
    return new Decision({
      id: null,
      caseId: terms.caseId,
      outcome,
      amount: terms.amount,
      requested: terms.requested,
      reasons: terms.reasons,
      conditions: terms.conditions,
      legalBasis: terms.legalBasis,
      budgetYear: terms.budgetYear,
      budgetPost: terms.budgetPost,
      earmarkCode: outcome === 'refused' ? null : earmarkCode,
      schemeVersionId: terms.schemeVersionId,
      status: 'proposed',
      proposedBy: proposer.id,
      proposedByName: proposer.name,
      approvedBy: null,
      approvedByName: null,
      approvedAt: null,
    });
  }

  /** The proposal an approver acts on, or a refusal naming the case status; `verb` says what was attempted. */
  static openProposal(decision: Decision | undefined, caseStatus: string, verb: string): Decision {
    if (!decision || decision.status !== 'proposed' || caseStatus !== 'proposed') {
      throw new CaseworkError('NO_PROPOSAL', `Saken har status «${caseStatus}» og har ikke noe forslag til vedtak som kan ${verb}.`, {
        currentStatus: caseStatus,
      });
    }
    return decision;
  }

  /**
   * The approver decides the proposal: never their own, never with a conflict of interest, and only
   * within a written delegation covering the post and the amount. Returns the delegation relied on.
   */
  approve(approver: Actor, organisationNumber: string, delegations: readonly Delegation[], at: Date): Delegation | undefined {
    this.assertProposed();
    assertFourEyes(this.state.proposedBy, approver.id);
    assertImpartial(approver, organisationNumber, 'approve a decision in');
    const delegation = assertWithinDelegation(delegations, this.state.budgetPost, this.state.amount);
    this.state = { ...this.state, status: 'approved', approvedBy: approver.id, approvedByName: approver.name, approvedAt: at };
    return delegation;
  }

  /** The approver sends the proposal back to the caseworker; it lapses. The same four eyes and impartiality apply. */
  returnToCaseworker(approver: Actor, organisationNumber: string): void {
    this.assertProposed();
    assertFourEyes(this.state.proposedBy, approver.id);
    assertImpartial(approver, organisationNumber, 'return a proposal in');
    this.state = { ...this.state, status: 'superseded' };
  }

  /** An appeal is upheld in IMDi's own reversal: the decision is set aside and a new proposal follows. */
  setAside(): void {
    this.state = { ...this.state, status: 'superseded' };
  }

  /**
   * Which letter the case's decision gets, if one may be produced now: the decision is approved, and
   * a søkbar grant only once the ministry has received the pre-notification (Instruks 6.1).
   * `caseStatus` goes into the refusal.
   */
  static letterKind(
    decision: Decision | undefined,
    caseStatus: string,
    preNotification: { readonly required: boolean; readonly delivered: boolean },
  ): { readonly decision: Decision; readonly kind: 'grant' | 'refusal' } {
    if (!decision || decision.status !== 'approved') {
      throw new CaseworkError(
        'NO_PROPOSAL',
        `Saken har status «${caseStatus}» og har ikke noe godkjent vedtak å skrive brev om. Vedtaket må godkjennes først.`,
        { currentStatus: caseStatus },
      );
    }
    const kind = decision.outcome === 'refused' ? 'refusal' : 'grant';
    if (kind === 'grant' && preNotification.required && !preNotification.delivered) {
      throw new CaseworkError(
        'NOTIFICATION_NOT_DELIVERED',
        'Departementet må ha mottatt forhåndsorienteringen om dette vedtaket før tilskuddsbrevet kan lages eller sendes (instruksen punkt 6.1).',
        { currentStatus: caseStatus },
      );
    }
    return { decision, kind };
  }

  /** The id once saved; the repository sets it on first save. */
  withId(id: string): void {
    this.state = { ...this.state, id };
  }

  get id(): string {
    if (this.state.id === null) throw new Error('The decision has not been saved yet.');
    return this.state.id;
  }

  get isNew(): boolean {
    return this.state.id === null;
  }

  get status(): DecisionStatus {
    return this.state.status;
  }

  get outcome(): DecisionOutcome {
    return this.state.outcome;
  }

  get amount(): Money {
    return this.state.amount;
  }

  get budgetYear(): number {
    return this.state.budgetYear;
  }

  get budgetPost(): BudgetPost {
    return this.state.budgetPost;
  }

  get earmarkCode(): string | null {
    return this.state.earmarkCode;
  }

  get proposedBy(): UserId {
    return this.state.proposedBy;
  }

  snapshot(): DecisionState {
    return this.state;
  }

  /** The state of a saved decision, for letters, views and events. */
  saved(): SavedDecisionState {
    return { ...this.state, id: this.id };
  }

  private assertProposed(): void {
    if (this.state.status !== 'proposed') {
      throw new CaseworkError('NO_PROPOSAL', `Vedtaket har status «${this.state.status}» og er ikke et forslag.`, { decisionStatus: this.state.status });
    }
  }
}
