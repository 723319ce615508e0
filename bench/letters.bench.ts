import { renderDecisionLetter, type DecisionLetterContent } from '@imdi/letters';
import { loadavg } from 'node:os';

const LETTERS = Number(process.env.BENCH_LETTERS ?? 400);
// Recipients' and contact persons' names come in every script applicants write them in.
const NAMES = [
  'Ørsta kommune',
  'Tesfaye Gebremedhin ተስፋይ ገብረመድህን',
  'محمد عبدالله',
  'فاطمه رضایی',
  'Ásllat Sárá Niillas Ánde',
  'Čáhppes Ŋoađđi Šiellat',
  'Александра Æsøy-Å Forening',
  'Cabdullaahi Maxamed Xasan',
];

const content = (index: number): DecisionLetterContent => ({
  kind: 'grant',
  writtenStandard: index % 2 === 0 ? 'nb' : 'nn',
  frame: {
    agency: {
      name: 'Integrerings- og mangfoldsdirektoratet',
      shortName: 'IMDi',
      postalAddress: 'Postboks 8059 Dep, 0031 Oslo',
      organisationNumber: '988295388',
      email: 'postmottak@imdi.no',
      phone: '24 16 88 00',
      website: 'www.imdi.no',
    },
    recipient: {
      name: `${NAMES[index % NAMES.length]} ${index}`,
      organisationNumber: '974760673',
      attention: 'Kari Nordmann',
      postalAddress: { addressLine: 'Postboks 1', postalCode: '6151', postalPlace: 'Ørsta' },
    },
    ourReference: `2017/${String(index).padStart(5, '0')}-2`,
    yourReference: null,
    date: '15.03.2017',
    caseworker: { name: NAMES[(index + 3) % NAMES.length], title: 'saksbehandler' },
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
  const cpuStarted = process.cpuUsage();
  for (let index = 0; index < LETTERS; index++) bytes += (await renderDecisionLetter(content(index))).length;
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  // On a shared machine the wall clock also counts time other processes had the core; CPU time does not.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(
    `letters: ${LETTERS} grant letters (nb and nn, names in Latin, Sámi, Cyrillic, Arabic, Persian and Ethiopic script; embedded Noto subsets) in ${Math.round(elapsed)} ms = ${Math.round((LETTERS * 1000) / elapsed)} letters/s on one core ` +
      `(${Math.round((LETTERS * 1000) / cpuMs)} letters per CPU-second, load average ${loadavg()[0].toFixed(1)}); ` +
      `average ${Math.round(bytes / LETTERS / 1024)} KiB per letter (target >= 100/s per core)\n`,
  );
}
