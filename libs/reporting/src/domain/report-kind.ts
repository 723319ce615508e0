/** The reports the reporting jobs produce (SPEC §6). */
export const REPORT_KINDS = ['accounting-status', 'scheme-statistics', 'person-statistics', 'half-year-pack', 'annual-pack'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * The date a report is taken at. Tildelingsbrevet asks for reporting per 30 June and per
 * 31 December; the other reports are taken at the date asked for, or today, never after the
 * year's end.
 */
export function cutOffDate(kind: ReportKind, budgetYear: number, requested: string | undefined, today: string): string {
  if (kind === 'half-year-pack') return `${budgetYear}-06-30`;
  if (kind === 'annual-pack') return `${budgetYear}-12-31`;
  const yearEnd = `${budgetYear}-12-31`;
  const date = requested ?? today;
  return date > yearEnd ? yearEnd : date;
}

export const REPORT_TITLES: Record<ReportKind, string> = {
  'accounting-status': 'Regnskapsstatus og prognose per kap./post',
  'scheme-statistics': 'Statistikk per tilskuddsordning',
  'person-statistics': 'Personstatistikk etter kjønn',
  'half-year-pack': 'Halvårsrapportering per 30. juni',
  'annual-pack': 'Årsrapportering per 31. desember',
};
