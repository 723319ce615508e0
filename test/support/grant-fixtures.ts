import { call } from './api-harness';

/** A valid Jobbsjansen application form asking for `requestedAmountNok`. */
export const jobbsjansenForm = (requestedAmountNok: string, projectTitle = 'Jobbsjansen for kvinner i Nordby') => ({
  projectTitle,
  description: 'Et toårig program for hjemmeværende innvandrerkvinner som står langt fra arbeidslivet.',
  periodStart: '2017-03-01',
  periodEnd: '2017-12-31',
  budget: [{ description: 'Programrådgivere', amountNok: requestedAmountNok }],
  requestedAmountNok,
  contactName: 'Kari Nordmann',
  contactEmail: 'kari@example.no',
  plannedParticipants: 15,
  expectedTransitionPercent: 60,
});

/** Scores on Jobbsjansen's three criteria (total 390). */
export const JOBBSJANSEN_SCORES = [
  { criterion: 'target-group', score: 4, comment: 'Tydelig målgruppe' },
  { criterion: 'transition', score: 3, comment: 'Realistisk mål' },
  { criterion: 'budget', score: 5, comment: 'Godt budsjett' },
];

export interface GrantActors {
  readonly caseworker: string;
  readonly approver: string;
}

/**
 * An organisation's Jobbsjansen A application submitted, assessed, proposed and approved over the
 * API (the approver needs a delegation for 496.62); returns the case id.
 */
export async function approvedJobbsjansenGrant(
  baseUrl: string,
  actors: GrantActors,
  who: { organisationNumber: string; token: string },
  amountNok: string,
): Promise<string> {
  const post = (path: string, token: string, json: object = {}) => call(baseUrl, path, { method: 'POST', token, json });
  const created = await post('/applications', who.token, {
    organisationNumber: who.organisationNumber,
    schemeCode: 'jobbsjansen-a',
    budgetYear: 2017,
    form: jobbsjansenForm(amountNok),
  });
  expect(created.status).toBe(201);
  const caseId = created.body.id as string;
  const submitted = await call(baseUrl, `/applications/${caseId}/submit`, {
    method: 'POST',
    token: who.token,
    headers: { 'idempotency-key': `grant-${caseId}` },
  });
  expect(submitted.status).toBe(201);
  expect((await post(`/casework/cases/${caseId}/assessment`, actors.caseworker, { scores: JOBBSJANSEN_SCORES, comment: 'Anbefales.' })).status).toBe(200);
  expect(
    (await post(`/casework/cases/${caseId}/proposal`, actors.caseworker, { amountNok, reasons: 'Søknaden er godt begrunnet og innenfor rammen.' })).status,
  ).toBe(201);
  expect((await post(`/casework/cases/${caseId}/approve`, actors.approver)).body).toMatchObject({ status: 'approved' });
  return caseId;
}
