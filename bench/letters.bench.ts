import { renderDecisionLetter, type DecisionLetterContent } from '@imdi/letters';

const LETTERS = Number(process.env.BENCH_LETTERS ?? 400);

const content = (index: number): DecisionLetterContent => ({
  kind: 'grant',
  writtenStandard: index % 2 === 0 ? 'nb' : 'nn',
  frame: {
    agency: { name: 'Integrerings- og mangfoldsdirektoratet', shortName: 'IMDi', postalAddress: 'Postboks 8059 Dep, 0031 Oslo', organisationNumber: '988295388', email: 'postmottak@imdi.no', phone: '24 16 88 00', website: 'www.imdi.no' },
    recipient: {
      name: index % 3 === 0 ? 'Ørsta kommune' : 'Александра Æsøy-Å Forening',
      organisationNumber: '974760673',
      attention: 'Kari Nordmann',
      postalAddress: { addressLine: 'Postboks 1', postalCode: '6151', postalPlace: 'Ørsta' },
    },
    ourReference: `2017/${String(index).padStart(5, '0')}-2`,
    yourReference: null,
    date: '15.03.2017',
    caseworker: { name: 'Kari Saksbehandler', title: 'saksbehandler' },
    approver: { name: 'Per Godkjenner', title: 'godkjenner' },
    copyTo: [],
  },
  schemeName: 'Jobbsjansen del A',
  budgetYear: 2017,
  budgetPost: 'kap. 496, post 62',
  legalBasis: 'Regelverk for tilskudd til Jobbsjansen (rundskriv)',
  purpose: 'Jobbsjansen skal styrke mulighetene for arbeid eller utdanning for innvandrere som står langt fra arbeidsmarkedet.',
  grantedAmount: '600 000,00 kr',
  requestedAmount: '800 000,00 kr',
  grantPeriod: '01.03.2017–31.12.2017',
  lessThanApplied: true,
  activitiesAndBudget: 'Programrådgivere: 600 000,00 kr; kursmateriell: 200 000,00 kr',
  reasons: 'Søknaden er godt begrunnet, men rammen tillater ikke fullt beløp. '.repeat(4),
  conditions: 'Midlene skal brukes til programrådgivere.',
  payoutPlan: '50 % 01.03, 50 % 01.09',
  reportDeadline: '31.03.2018',
  reportingNote: null,
  reportIncludesAccounts: true,
  needsAuditedAccounts: true,
  acceptBy: '05.04.2017',
  appeal: { route: 'enkeltvedtak', body: 'Arbeids- og inkluderingsdepartementet' },
});

/** Grant letters rendered per second on one core (this process is single-threaded). */
export async function run(): Promise<void> {
  for (let index = 0; index < 20; index++) await renderDecisionLetter(content(index)); // warm-up: font parsing, JIT
  let bytes = 0;
  const started = performance.now();
  for (let index = 0; index < LETTERS; index++) bytes += (await renderDecisionLetter(content(index))).length;
  const elapsed = performance.now() - started;
  process.stdout.write(
    `letters: ${LETTERS} grant letters (nb and nn, embedded DejaVu subset) in ${Math.round(elapsed)} ms = ${Math.round((LETTERS * 1000) / elapsed)} letters/s on one core; ` +
      `average ${Math.round(bytes / LETTERS / 1024)} KiB per letter (target >= 100/s per core)\n`,
  );
}
