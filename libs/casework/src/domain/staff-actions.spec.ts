import { staffActions, type StaffActionFacts } from './staff-actions';

const facts = (overrides: Partial<StaffActionFacts>): StaffActionFacts => ({
  status: 'submitted',
  schemeKind: 'sokbar',
  roles: ['caseworker'],
  userId: 'saksbehandler',
  conflictOfInterest: false,
  hasAssessmentCriteria: false,
  decision: null,
  awaitsMinistryNotification: false,
  appealOpen: false,
  provisionalAnswerSent: false,
  ...overrides,
});
const codes = (overrides: Partial<StaffActionFacts>) => staffActions(facts(overrides)).map((action) => action.code);

describe(staffActions.name, () => {
  it('offers a caseworker formal rejection and a proposal on a submitted case', () => {
    expect(codes({})).toEqual(['assign', 'declareConflict', 'rejectFormally', 'propose', 'sendProvisionalAnswer']);
  });

  it('offers the provisional answer (fvl. § 11a) once, and only while the application is undecided', () => {
    expect(codes({ provisionalAnswerSent: true })).not.toContain('sendProvisionalAnswer');
    expect(codes({ status: 'letter_sent' })).not.toContain('sendProvisionalAnswer');
    expect(codes({ roles: ['approver'] })).not.toContain('sendProvisionalAnswer');
  });

  it('offers nothing that decides the case to someone who has declared a conflict of interest', () => {
    expect(codes({ conflictOfInterest: true })).toEqual(['assign']);
    expect(
      codes({ status: 'proposed', roles: ['approver'], conflictOfInterest: true, decision: { status: 'proposed', proposedBy: 'x', outcome: 'granted' } }),
    ).toEqual(['assign']);
  });

  it('offers approval only to an approver who did not propose', () => {
    const decision = { status: 'proposed' as const, proposedBy: 'saksbehandler', outcome: 'granted' };
    expect(codes({ status: 'proposed', roles: ['approver'], userId: 'godkjenner', decision })).toEqual([
      'assign',
      'declareConflict',
      'approve',
      'returnForAssessment',
    ]);
    expect(codes({ status: 'proposed', roles: ['caseworker', 'approver'], userId: 'saksbehandler', decision })).not.toContain('approve');
  });

  it('holds a søkbar grant letter until the ministry has been notified, and offers the notification', () => {
    const approved = {
      status: 'approved' as const,
      roles: ['caseworker' as const],
      decision: { status: 'approved' as const, proposedBy: 'x', outcome: 'granted' },
      awaitsMinistryNotification: true,
    };
    expect(codes(approved)).toEqual(['assign', 'declareConflict', 'gatherMinistryNotification']);
    expect(codes({ ...approved, schemeKind: 'rettighet', awaitsMinistryNotification: false })).toEqual([
      'assign',
      'declareConflict',
      'previewLetter',
      'sendLetter',
    ]);
    expect(codes({ ...approved, status: 'ministry_notified', awaitsMinistryNotification: false })).toEqual([
      'assign',
      'declareConflict',
      'previewLetter',
      'sendLetter',
    ]);
  });

  it('offers the appeal decisions while an appeal is open, and a reclaim notice once money is paid', () => {
    expect(codes({ status: 'appeal_received', appealOpen: true })).toEqual(['assign', 'declareConflict', 'propose', 'reverseAppeal', 'upholdAppeal']);
    expect(codes({ status: 'paid' })).toEqual(['assign', 'declareConflict', 'reclaimNotice']);
  });

  it('offers no assignment on a finished case, and the ministry nothing', () => {
    expect(codes({ status: 'closed' })).toEqual(['declareConflict']);
    expect(codes({ roles: ['ministry'] })).toEqual([]);
  });
});
