import type { PayoutPlan } from '../../domain/scheme-definition';

/** The default for søkbar and navngitt grants: everything once the recipient accepts. */
export const PAY_ALL_ON_ACCEPTANCE: PayoutPlan = { type: 'instalments', instalments: [{ sharePercent: 100, trigger: { on: 'acceptance' } }] };

/** For larger project grants: the last quarter waits until the final report is approved. */
export const PAY_REST_AFTER_REPORT: PayoutPlan = {
  type: 'instalments',
  instalments: [
    { sharePercent: 75, trigger: { on: 'acceptance' } },
    { sharePercent: 25, trigger: { on: 'report-approved' } },
  ],
};

/** Jobbsjansen pays twice a year, spring and autumn (SPEC §2), in equal halves. */
export const PAY_SPRING_AND_AUTUMN: PayoutPlan = {
  type: 'instalments',
  instalments: [3, 9].map((month) => ({ sharePercent: 50, trigger: { on: 'date', month, day: 1 } })),
};

/** rettighet schemes: amounts are computed per period from records and rates. The note is the letter's sentence, in bokmål and nynorsk. */
export function periodicPayout(period: 'once' | 'quarterly' | 'half-yearly' | 'yearly', note: { readonly nb: string; readonly nn: string }): PayoutPlan {
  return { type: 'periodic', period, note };
}
