import { CASE_STATUSES } from './case-status';
import { availableTransitions, CASE_TRANSITIONS, movesOf, nextStatus, SCHEME_KINDS_OF_CASES } from './case.state-machine';
import { CaseError } from './case.errors';

describe(nextStatus.name, () => {
  it('follows the søkbar path through the ministry notification to the letter', () => {
    let status = nextStatus({ status: 'draft', schemeKind: 'sokbar' }, 'submit');
    for (const transition of ['startAssessment', 'propose', 'approve', 'notifyMinistry', 'sendLetter', 'accept'] as const) {
      status = nextStatus({ status, schemeKind: 'sokbar' }, transition);
    }
    expect(status).toBe('accepted');
  });

  it('refuses a søkbar grant letter before the ministry is notified', () => {
    expect(() => nextStatus({ status: 'approved', schemeKind: 'sokbar' }, 'sendLetter')).toThrow(/ministry must be notified/);
  });

  it('lets rettighet and navngitt decisions go straight from approval to the letter', () => {
    expect(nextStatus({ status: 'approved', schemeKind: 'rettighet' }, 'sendLetter')).toBe('letter_sent');
    expect(nextStatus({ status: 'approved', schemeKind: 'navngitt' }, 'sendLetter')).toBe('letter_sent');
    expect(() => nextStatus({ status: 'approved', schemeKind: 'navngitt' }, 'notifyMinistry')).toThrow(/only søkbar/);
  });

  it('sends an upheld appeal the ministry reverses back to assessment, and nothing else', () => {
    let status = nextStatus({ status: 'appeal_received', schemeKind: 'navngitt' }, 'uphold');
    status = nextStatus({ status, schemeKind: 'navngitt' }, 'ministryReverse');
    expect(status).toBe('in_assessment');
    expect(() => nextStatus({ status: 'appeal_received', schemeKind: 'navngitt' }, 'ministryReverse')).toThrow(CaseError);
    expect(() => nextStatus({ status: 'refused', schemeKind: 'navngitt' }, 'ministryReverse')).toThrow(CaseError);
  });

  it('reopens a closed case by an appeal, and by the ministry reversing an upheld decision closed meanwhile (SPEC §4)', () => {
    expect(nextStatus({ status: 'closed', schemeKind: 'sokbar' }, 'appeal')).toBe('appeal_received');
    let status = nextStatus({ status: 'appeal_received', schemeKind: 'sokbar' }, 'uphold');
    status = nextStatus({ status, schemeKind: 'sokbar' }, 'close');
    expect(nextStatus({ status, schemeKind: 'sokbar' }, 'ministryReverse')).toBe('in_assessment');
  });

  it('names the current state when a transition is illegal', () => {
    try {
      nextStatus({ status: 'draft', schemeKind: 'sokbar' }, 'approve');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(CaseError);
      expect((error as CaseError).code).toBe('ILLEGAL_TRANSITION');
      expect((error as CaseError).details).toMatchObject({ currentStatus: 'draft' });
    }
  });

  it('leaves draft only by submit, which numbers the case (the database requires a number after draft)', () => {
    const fromDraft = Object.entries(CASE_TRANSITIONS).filter(([, transition]) => (transition.from as readonly string[]).includes('draft'));
    expect(fromDraft.map(([name]) => name)).toEqual(['submit']);
    expect(() => nextStatus({ status: 'draft', schemeKind: 'sokbar' }, 'withdraw')).toThrow(CaseError);
  });

  it('refuses to submit twice and to withdraw after a decision', () => {
    expect(() => nextStatus({ status: 'submitted', schemeKind: 'sokbar' }, 'submit')).toThrow(CaseError);
    expect(() => nextStatus({ status: 'approved', schemeKind: 'sokbar' }, 'withdraw')).toThrow(CaseError);
  });
});

describe(availableTransitions.name, () => {
  it('offers only what the state and the scheme kind allow', () => {
    expect(availableTransitions({ status: 'approved', schemeKind: 'sokbar' })).toEqual(['notifyMinistry']);
    expect(availableTransitions({ status: 'approved', schemeKind: 'rettighet' })).toEqual(['sendLetter']);
  });
});

describe(movesOf.name, () => {
  it('lets a case be submitted only from draft, for every kind of scheme', () => {
    expect(movesOf('submit')).toEqual(SCHEME_KINDS_OF_CASES.map((schemeKind) => ({ fromStatus: 'draft', schemeKind, toStatus: 'submitted' })));
  });

  it('carries the guards: a søkbar approval cannot move to letter_sent, the others can', () => {
    const fromApproved = movesOf('sendLetter').filter((move) => move.fromStatus === 'approved');
    expect(fromApproved.map((move) => move.schemeKind).sort()).toEqual(['navngitt', 'rettighet']);
  });

  it('agrees with nextStatus for every status, scheme kind and transition', () => {
    for (const transition of ['submit', 'withdraw', 'sendLetter', 'notifyMinistry', 'close'] as const) {
      const moves = movesOf(transition);
      for (const status of CASE_STATUSES) {
        for (const schemeKind of SCHEME_KINDS_OF_CASES) {
          const move = moves.find((candidate) => candidate.fromStatus === status && candidate.schemeKind === schemeKind);
          let expected: string | undefined;
          try {
            expected = nextStatus({ status, schemeKind }, transition);
          } catch {
            expected = undefined;
          }
          expect(move?.toStatus).toBe(expected);
        }
      }
    }
  });
});
