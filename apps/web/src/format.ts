/*
 * Formatting for people. Amounts arrive from the API as exact decimal strings ("600000.50") and are
 * only ever handled as strings or as whole øre in a bigint: never as floating-point numbers.
 */

const NBSP = '\u00a0';
const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** "600000.5" → "600 000,50 kr" (with no-break spaces, as Norwegian typography wants). */
export function formatNok(decimal: string | null | undefined): string {
  const amount = formatAmount(decimal);
  return amount === '–' ? amount : `${amount}${NBSP}kr`;
}

/** "600000.5" → "600 000,50", for tables whose column headers name the unit. */
export function formatAmount(decimal: string | null | undefined): string {
  if (decimal === null || decimal === undefined || decimal === '') return '–';
  const match = DECIMAL.exec(decimal.trim());
  if (!match) return decimal;
  const [, sign, whole, fraction = ''] = match;
  return `${sign ? '−' : ''}${groupThousands(whole.replace(/^0+(?=\d)/, ''))},${fraction.padEnd(2, '0')}`;
}

function groupThousands(digits: string): string {
  let grouped = '';
  for (let index = 0; index < digits.length; index++) {
    if (index > 0 && (digits.length - index) % 3 === 0) grouped += NBSP;
    grouped += digits[index];
  }
  return grouped;
}

/**
 * What a person types for an amount ("600 000", "600000,5", "1 234,50 kr") as the API's decimal
 * string ("600000", "600000.5", "1234.50"); undefined when it is not an amount at all.
 */
export function normaliseAmount(input: string): string | undefined {
  const compact = input.trim().replace(/\s*kr\.?$/i, '').replace(/[\s\u00a0\u202f]/g, '');
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return undefined;
  const whole = match[1].replace(/^0+(?=\d)/, '');
  return match[2] === undefined ? whole : `${whole}.${match[2]}`;
}

/** A whole count (people, applications) with Norwegian grouping: 12345 → "12 345". */
export function formatCount(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const text = String(value);
  const match = /^(-?)(\d+)$/.exec(text);
  return match ? `${match[1] ? '−' : ''}${groupThousands(match[2])}` : text;
}

/** A decimal figure that is not money (days, "12.5") with a decimal comma, digits kept as they came. */
export function formatDecimal(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  return `${match[1] ? '−' : ''}${groupThousands(match[2])}${match[3] === undefined ? '' : `,${match[3]}`}`;
}

/** The column kinds of the reporting jobs' documents. */
export type FigureKind = 'text' | 'nok' | 'count' | 'days';

/**
 * One cell of a report as people read it. Amounts come as exact decimal strings and stay strings
 * here; counts come as integers. Nothing is computed, only written out.
 */
export function formatFigure(kind: FigureKind, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  switch (kind) {
    case 'nok':
      return formatAmount(String(value));
    case 'count':
      return formatCount(value);
    case 'days':
      return formatDecimal(String(value));
    case 'text':
      return String(value);
  }
}

/** The API's decimal string as whole øre, exactly. */
export function toOre(decimal: string): bigint {
  const match = DECIMAL.exec(decimal.trim());
  if (!match) throw new Error(`not an amount: ${decimal}`);
  const [, sign, whole, fraction = ''] = match;
  const ore = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign ? -ore : ore;
}

/** Whole øre as the API's decimal string: 60000050n → "600000.50". */
export function fromOre(ore: bigint): string {
  const negative = ore < 0n;
  const magnitude = negative ? -ore : ore;
  const fraction = String(magnitude % 100n).padStart(2, '0');
  return `${negative ? '-' : ''}${magnitude / 100n}.${fraction}`;
}

const OSLO_DATE_TIME = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** An instant as Oslo local time: "16.11.2016, 13:05". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : OSLO_DATE_TIME.format(date);
}

/** A calendar date "2017-03-01" → "01.03.2017", without passing through a time zone. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '–';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : isoDate;
}

/** "974760673" → "974 760 673", as Brønnøysundregistrene prints it. */
export function formatOrganisationNumber(value: string): string {
  return /^\d{9}$/.test(value) ? `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}` : value;
}

export const STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: 'Utkast',
  submitted: 'Sendt inn',
  withdrawn: 'Trukket',
  rejected_formal: 'Avvist av formelle grunner',
  in_assessment: 'Under behandling',
  proposed: 'Forslag til vedtak',
  approved: 'Vedtak fattet',
  refused: 'Avslått',
  ministry_notified: 'Departementet er orientert',
  letter_sent: 'Vedtaksbrev sendt',
  accepted: 'Tilskuddet er akseptert',
  paid: 'Utbetalt',
  // The case enters report_due when the recipient submits the report, and leaves it when it is approved.
  report_due: 'Rapport levert, til vurdering',
  report_approved: 'Rapport godkjent',
  closed: 'Avsluttet',
  appeal_received: 'Klage mottatt',
  upheld: 'Vedtaket er opprettholdt',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  applicant: 'søker',
  caseworker: 'saksbehandler',
  approver: 'godkjenner',
  finance: 'økonomi',
  ministry: 'departementet',
  admin: 'administrator',
};

export const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  granted: 'Innvilget',
  partly_granted: 'Delvis innvilget',
  refused: 'Avslått',
};

export const KIND_LABELS: Readonly<Record<string, string>> = {
  sokbar: 'Søkbar (konkurranse om rammen)',
  rettighet: 'Rettighetsbasert',
  navngitt: 'Navngitt mottaker',
};

export const APPLICANT_TYPE_LABELS: Readonly<Record<string, string>> = {
  kommune: 'Kommune',
  fylkeskommune: 'Fylkeskommune',
  organisasjon: 'Organisasjon',
  ks: 'KS',
};

/** What the case history calls each recorded action, in the words of the people involved. */
const HISTORY_LABELS: Readonly<Record<string, string>> = {
  'case.opened': 'Søknaden ble opprettet',
  'application.draft-saved': 'Utkastet ble lagret',
  'application.attachment-added': 'Vedlegg lagt til',
  'case.submit': 'Søknaden ble sendt inn',
  'case.withdraw': 'Søknaden ble trukket',
  'case.rejectFormally': 'Søknaden ble avvist av formelle grunner',
  'case.startAssessment': 'Behandlingen startet',
  'case.assigned': 'Saken ble tildelt en saksbehandler',
  'case.assessed': 'Søknaden ble vurdert',
  'case.propose': 'Forslag til vedtak',
  'case.returnForAssessment': 'Sendt tilbake til vurdering',
  'case.approve': 'Vedtak om tilskudd ble fattet',
  'case.refuse': 'Vedtak om avslag ble fattet',
  'case.notifyMinistry': 'Departementet ble orientert',
  'case.sendLetter': 'Vedtaksbrevet ble sendt',
  'case.accept': 'Tilskuddet ble akseptert',
  'case.recordPayment': 'Utbetaling',
  'case.requireReport': 'Saken ble satt til vurdering av rapporten',
  'case.approveReport': 'Saken fikk status «Rapport godkjent»',
  'case.report-submitted': 'Rapporten ble levert',
  'case.report-attachment-added': 'Vedlegg til rapporten lagt til',
  'case.report-more-requested': 'IMDi ba om mer i rapporten',
  'case.report-approved': 'Rapporten ble godkjent',
  'case.close': 'Saken ble avsluttet',
  'case.appeal': 'Klage eller anmodning om ny vurdering mottatt',
  'case.uphold': 'Vedtaket ble opprettholdt',
  'case.provisional-answer-sent': 'Foreløpig svar ble sendt',
  'case.refused-conflict-of-interest': 'Inhabil bruker ble stoppet',
  'case.reclaim-demanded': 'Krav om tilbakebetaling',
  'case.repayment-registered': 'Tilbakebetaling registrert',
  'appeal.reversal-opened': 'Vedtaket ble omgjort, ny behandling',
};

export function historyLabel(action: string): string {
  return HISTORY_LABELS[action] ?? action;
}

export function schemeKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}
