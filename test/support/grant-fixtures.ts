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
