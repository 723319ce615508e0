import { AdjustableClock, Clock } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { mentorTraineeForm } from '../support/mentor-application';

/** The case page's assessment guide and suggested amount, the caseworker's provisional answer and internal notes. */
describe('Assessment suggestion, provisional answer and case notes', () => {
  let api: RunningApi;
  let clock: AdjustableClock;
  let dataSource: DataSource;
  let caseworker: string;
  let colleague: string;

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const overview = async (caseId: string, token = caseworker) => (await call(api.baseUrl, `/casework/cases/${caseId}`, { token })).body;
  const audited = async (caseId: string, action: string) =>
    (await dataSource.query(`SELECT actor_id, after FROM audit_entry WHERE entity_id = $1 AND action = $2`, [caseId, action])) as Array<{
      actor_id: string;
      after: Record<string, unknown>;
    }>;

  async function submittedCase(requested: string): Promise<string> {
    const organisationNumber = newOrganisationNumber();
    const applicant = await tokenFor({ sub: `vurdering-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const registered = await post('/organisations', applicant, {
      organisationNumber,
      name: `Vurderingslaget ${organisationNumber}`,
      kind: 'organisasjon',
      accountNumber: newAccountNumber(),
      writtenStandard: 'nb',
      contactName: 'Ola',
      contactEmail: 'ola@example.no',
    });
    expect(registered.status).toBe(201);
    const created = await post('/applications', applicant, {
      organisationNumber,
      schemeCode: 'mentor-trainee',
      budgetYear: 2017,
      form: await mentorTraineeForm(api.baseUrl, requested),
    });
    expect([created.status, created.body.errors]).toEqual([201, undefined]);
    const submitted = await call(api.baseUrl, `/applications/${created.body.id}/submit`, {
      method: 'POST',
      token: applicant,
      headers: { 'idempotency-key': `vurdering-${created.body.id}` },
    });
    expect(submitted.status).toBe(201);
    return created.body.id;
  }

  beforeAll(async () => {
    api = await startApi();
    dataSource = api.app.get(DataSource);
    clock = api.app.get(Clock) as AdjustableClock;
    const window = (await call(api.baseUrl, '/schemes/mentor-trainee?year=2017')).body.window;
    clock.set(new Date(new Date(window.opensAt).getTime() + 86_400_000));
    caseworker = await tokenFor({ sub: 'vurdering-saksbehandler', name: 'Vera Vurderer', roles: ['caseworker'] });
    colleague = await tokenFor({ sub: 'vurdering-godkjenner', name: 'Geir Godkjenner', roles: ['approver'] });
  });
  afterAll(async () => {
    clock?.set(undefined);
    await api?.close();
  });

  describe('the assessment', () => {
    it("offers the scheme's criteria, weights and scale, and suggests an amount only once assessed", async () => {
      const caseId = await submittedCase('100000');
      expect((await overview(caseId)).assessmentGuide).toEqual({
        scale: { min: 0, max: 5 },
        maxTotalScore: 500,
        criteria: [
          { code: 'transition', label: expect.objectContaining({ nb: 'Forventet overgang til arbeid eller utdanning' }), weight: 40 },
          { code: 'target-group', label: expect.objectContaining({ nb: 'Målgruppe og rekruttering' }), weight: 20 },
          { code: 'follow-up', label: expect.objectContaining({ nb: 'Oppfølging av mentorer og deltakere' }), weight: 20 },
          { code: 'budget', label: expect.objectContaining({ nb: 'Realistisk budsjett' }), weight: 20 },
        ],
        requestedNok: '100000.00',
        suggestedNok: null,
        suggestionRule: { nb: expect.stringContaining('delt på 500'), nn: expect.stringContaining('delt på 500') },
      });
    });

    it('weighs the scores, suggests the amount applied for scaled by the score, and audits both', async () => {
      const caseId = await submittedCase('100000');
      const scores = { transition: 4, 'target-group': 4, 'follow-up': 3, budget: 4 };
      const assessed = await post(`/casework/cases/${caseId}/assessment`, caseworker, {
        scores: Object.entries(scores).map(([criterion, score]) => ({ criterion, score, comment: '' })),
        comment: 'God plan for overgang.',
      });
      expect([assessed.status, assessed.body]).toEqual([200, { totalScore: 380, suggestedNok: '76000.00' }]);
      expect(await overview(caseId)).toMatchObject({
        status: 'in_assessment',
        assessment: { totalScore: 380, comment: 'God plan for overgang.' },
        assessmentGuide: { suggestedNok: '76000.00' },
      });
      expect(await audited(caseId, 'case.assessed')).toEqual([
        { actor_id: 'vurdering-saksbehandler', after: expect.objectContaining({ totalScore: 380, suggestedNok: '76000.00' }) },
      ]);
    });

    it('suggests a refusal under half the points', async () => {
      const caseId = await submittedCase('100000');
      const assessed = await post(`/casework/cases/${caseId}/assessment`, caseworker, {
        scores: ['transition', 'target-group', 'follow-up', 'budget'].map((criterion) => ({ criterion, score: 2, comment: '' })),
        comment: 'Svak søknad.',
      });
      expect(assessed.body).toEqual({ totalScore: 200, suggestedNok: '0.00' });
    });

    it('refuses a score off the scale, naming the field', async () => {
      const caseId = await submittedCase('100000');
      const refused = await post(`/casework/cases/${caseId}/assessment`, caseworker, {
        scores: ['transition', 'target-group', 'follow-up', 'budget'].map((criterion) => ({ criterion, score: 6, comment: '' })),
        comment: 'For mange poeng.',
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(/^scores/), rule: 'max' })]));
      expect((await overview(caseId)).assessment).toBeNull();
    });
  });

  describe('the provisional answer (fvl. § 11a)', () => {
    it('is sent once on request, with the expected decision date, audited as the caseworker', async () => {
      const caseId = await submittedCase('100000');
      expect((await overview(caseId)).actions.map((action: { code: string }) => action.code)).toContain('sendProvisionalAnswer');
      const sent = await post(`/casework/cases/${caseId}/provisional-answer`, caseworker, { expectedDecisionDate: '2030-06-30' });
      expect([sent.status, sent.body]).toEqual([201, { expectedDecisionDate: '2030-06-30' }]);
      const after = await overview(caseId);
      expect(after.provisionalAnswer).toEqual({ sentAt: expect.any(String), expectedDecisionDate: '2030-06-30' });
      expect(after.actions.map((action: { code: string }) => action.code)).not.toContain('sendProvisionalAnswer');
      expect(await audited(caseId, 'case.provisional-answer-sent')).toEqual([
        { actor_id: 'vurdering-saksbehandler', after: { expectedDecisionDate: '2030-06-30' } },
      ]);
      const [{ pdf }] = await dataSource.query('SELECT pdf FROM provisional_answer WHERE case_id = $1', [caseId]);
      expect((pdf as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

      const again = await post(`/casework/cases/${caseId}/provisional-answer`, caseworker, {});
      expect([again.status, again.body.code]).toEqual([409, 'PROVISIONAL_ANSWER_EXISTS']);
    });

    it('refuses a date that is not after today, or not a date, naming the field', async () => {
      const caseId = await submittedCase('100000');
      const past = await post(`/casework/cases/${caseId}/provisional-answer`, caseworker, { expectedDecisionDate: '2000-01-01' });
      expect([past.status, past.body.code, past.body.errors[0].field]).toEqual([422, 'PROVISIONAL_ANSWER_INVALID', 'expectedDecisionDate']);
      const garbage = await post(`/casework/cases/${caseId}/provisional-answer`, caseworker, { expectedDecisionDate: '31.12.2030' });
      expect([garbage.status, garbage.body.errors[0].field]).toEqual([400, 'expectedDecisionDate']);
      expect((await overview(caseId)).provisionalAnswer).toBeNull();
    });

    it('is not sent once the case is decided, and not by an approver', async () => {
      const caseId = await submittedCase('100000');
      expect((await post(`/casework/cases/${caseId}/provisional-answer`, colleague, {})).status).toBe(403);
      const rejected = await post(`/applications/${caseId}/reject-formally`, caseworker, {
        reason: 'Søknaden mangler budsjett og kan ikke behandles.',
        legalBasis: 'Forskrift om tilskudd § 5',
      });
      expect(rejected.status).toBeLessThan(300);
      const late = await post(`/casework/cases/${caseId}/provisional-answer`, caseworker, {});
      expect([late.status, late.body.code]).toEqual([422, 'PROVISIONAL_ANSWER_INVALID']);
    });
  });

  describe('case notes', () => {
    it('keeps notes newest first with their author, audited, for staff only', async () => {
      const caseId = await submittedCase('100000');
      expect((await call(api.baseUrl, `/casework/cases/${caseId}/notes`, { token: caseworker })).body).toEqual([]);
      const first = await post(`/casework/cases/${caseId}/notes`, caseworker, { text: 'Ringte kontaktpersonen.' });
      expect([first.status, first.body]).toEqual([
        201,
        {
          id: expect.any(String),
          text: 'Ringte kontaktpersonen.',
          writtenBy: 'vurdering-saksbehandler',
          writtenByName: 'Vera Vurderer',
          writtenAt: expect.any(String),
        },
      ]);
      clock.set(new Date(clock.now().getTime() + 60_000));
      const second = await post(`/casework/cases/${caseId}/notes`, colleague, { text: 'Budsjettet er sjekket.' });
      expect(second.status).toBe(201);
      const listed = (await call(api.baseUrl, `/casework/cases/${caseId}/notes`, { token: caseworker })).body as Array<{ text: string }>;
      expect(listed.map((note) => note.text)).toEqual(['Budsjettet er sjekket.', 'Ringte kontaktpersonen.']);
      expect(await audited(caseId, 'case.note-added')).toHaveLength(2);
      expect((await overview(caseId)).canWriteNotes).toBe(true);

      const applicant = await tokenFor({ sub: 'notat-soker', roles: ['applicant'], organisationNumbers: [newOrganisationNumber()] });
      expect((await call(api.baseUrl, `/casework/cases/${caseId}/notes`, { token: applicant })).status).toBe(403);
      expect((await post(`/casework/cases/${caseId}/notes`, applicant, { text: 'Hei' })).status).toBe(403);
    });

    it('refuses an empty note naming the field, and a note on a case that does not exist', async () => {
      const caseId = await submittedCase('100000');
      const empty = await post(`/casework/cases/${caseId}/notes`, caseworker, { text: '   ' });
      expect([empty.status, empty.body.errors[0].field]).toEqual([400, 'text']);
      const missing = await post('/casework/cases/00000000-0000-4000-8000-000000000000/notes', caseworker, { text: 'Hei' });
      expect(missing.status).toBe(404);
      expect((await call(api.baseUrl, `/casework/cases/${caseId}/notes`, { token: caseworker })).body).toEqual([]);
    });
  });
});
