import type { AllocationLetterDocument } from '@imdi/budget';
import { osloDate } from '@imdi/kernel';
import type { SchemeYearDocument } from '@imdi/schemes';

/**
 * The demonstration budget year `npm start` seeds on the embedded default, so a newcomer can walk
 * a journey today: the current year's frames copied from the 2017 allocation letter, and the 18
 * schemes with windows placed around today — most søkbar schemes open, two upcoming, two closed.
 * Everything is labelled as demonstration data; production start never seeds it.
 */
export const DEMONSTRATION_LABEL = 'DEMONSTRASJONSDATA – ikke et ekte tildelingsbrev';

const DAY_MS = 86_400_000;
const UPCOMING = new Set(['jobbsjansen-b', 'integreringsmottak']);
const CLOSED = new Set(['nasjonale-ressursmiljoer', 'etablerersentre']);

export function demonstrationYear(today: Date): number {
  return Number(osloDate(today).slice(0, 4));
}

/** The ministry IMDi answers to today: appeal body and recipient of pre-notifications in the demonstration year, not 2017's JD. */
export const CURRENT_MINISTRY = {
  name: 'Arbeids- og inkluderingsdepartementet',
  shortName: 'AID',
  postalAddress: 'Postboks 8019 Dep, 0030 Oslo',
  email: 'postmottak@aid.dep.no',
} as const;

export function demonstrationAllocationLetter(source: AllocationLetterDocument, today: Date): AllocationLetterDocument {
  return {
    ...source,
    budgetYear: demonstrationYear(today),
    source: `${DEMONSTRATION_LABEL}: rammene er kopiert fra ${source.source}`,
    ministry: CURRENT_MINISTRY,
  };
}

export function demonstrationSchemes(source: SchemeYearDocument, today: Date): SchemeYearDocument {
  const day = (offset: number, time: string): string => `${osloDate(new Date(today.getTime() + offset * DAY_MS))}T${time}`;
  return {
    ...source,
    budgetYear: demonstrationYear(today),
    source: `${DEMONSTRATION_LABEL}: ordningene for ${source.budgetYear} med søknadsvinduer lagt rundt datoen demoen ble laget`,
    schemes: source.schemes.map((scheme) => {
      if (scheme.window === null) return scheme;
      if (UPCOMING.has(scheme.code)) return { ...scheme, window: { opens: day(21, '00:00:00'), deadline: day(60, '12:00:00') } };
      if (CLOSED.has(scheme.code)) return { ...scheme, window: { opens: day(-60, '00:00:00'), deadline: day(-3, '12:00:00') } };
      return { ...scheme, window: { opens: day(-14, '00:00:00'), deadline: day(30, '12:00:00') } };
    }),
  };
}
