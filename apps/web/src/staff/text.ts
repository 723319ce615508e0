import { useLanguage } from '../i18n';

/** A staff page's text in the reader's written standard: bokmål first, nynorsk second, side by side where it is used. */
export function useText(): (nb: string, nn: string) => string {
  const { language } = useLanguage();
  return (nb, nn) => (language === 'nn' ? nn : nb);
}

const nok = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "120000.50" (the api's kroner) as "120 000,50 kr"; only for display, never for sums. */
export function formatNok(amount: string | null | undefined): string {
  if (amount === null || amount === undefined) return '–';
  return `${nok.format(Number(amount))} kr`;
}

const day = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' });
const moment = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant or an Oslo date (YYYY-MM-DD) as dd.mm.åååå. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('.');
  return day.format(new Date(value));
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? moment.format(new Date(value)) : '–';
}

const STATUS: Record<string, [string, string]> = {
  submitted: ['Mottatt', 'Motteken'],
  withdrawn: ['Trukket', 'Trekt'],
  rejected_formal: ['Avvist', 'Avvist'],
  in_assessment: ['Under vurdering', 'Under vurdering'],
  proposed: ['Forslag til vedtak', 'Forslag til vedtak'],
  approved: ['Vedtatt', 'Vedteke'],
  refused: ['Avslått', 'Avslått'],
  ministry_notified: ['Departementet orientert', 'Departementet orientert'],
  letter_sent: ['Brev sendt', 'Brev sendt'],
  accepted: ['Akseptert', 'Akseptert'],
  paid: ['Utbetalt', 'Utbetalt'],
  report_due: ['Rapport ventes', 'Rapport ventar'],
  report_approved: ['Rapport godkjent', 'Rapport godkjend'],
  closed: ['Avsluttet', 'Avslutta'],
  appeal_received: ['Klage mottatt', 'Klage motteken'],
  upheld: ['Klage sendt departementet', 'Klage send departementet'],
};

export function useStatusName(): (status: string) => string {
  const { language } = useLanguage();
  return (status) => STATUS[status]?.[language === 'nn' ? 1 : 0] ?? status;
}

export const CASE_STATUS_CODES = Object.keys(STATUS);

/**
 * The budget's words, the same on every page that shows a kap./post (budget status, the approver's
 * proposals, the reports, whose columns the server names the same way): one word for one figure.
 */
export const BUDGET_WORDS = {
  frame: ['Ramme', 'Ramme'],
  earmarked: ['Øremerket', 'Øyremerkt'],
  committed: ['Tilsagn (ikke utbetalt)', 'Tilsegn (ikkje utbetalt)'],
  paid: ['Utbetalt', 'Utbetalt'],
  reclaimed: ['Tilbakebetalt', 'Tilbakebetalt'],
  available: ['Disponibelt', 'Disponibelt'],
  exceeded: ['Overskridelse (overslagsbevilgning)', 'Overskriding (overslagsløyving)'],
  dueUnpaid: ['Forfalt, ikke utbetalt', 'Forfalle, ikkje utbetalt'],
  plannedRestOfYear: ['Planlagt resten av året', 'Planlagt resten av året'],
  perCapitaRestOfYear: ['Forventet per capita resten av året', 'Forventa per capita resten av året'],
  paidByYearEnd: ['Prognose utbetalt 31.12.', 'Prognose utbetalt 31.12.'],
  remainingAtYearEnd: ['Prognose mindreforbruk (+) / merforbruk (−)', 'Prognose mindreforbruk (+) / meirforbruk (−)'],
  heldBack: ['Holdt tilbake til rapport er godkjent', 'Halde tilbake til rapport er godkjend'],
} as const satisfies Record<string, readonly [string, string]>;
