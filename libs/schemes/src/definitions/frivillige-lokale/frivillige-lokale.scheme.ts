import type { SchemeCalculation, SchemeDefinition } from '../../domain/scheme-definition';
import { refuseUnless } from '../shared/eligibility-rules';
import { wholeCount } from '../shared/entitlement-rules';
import { periodicPayout } from '../shared/payout-plans';
import { reportAfterPeriod } from '../shared/reporting-duties';
import { entitlementScheme } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { FrivilligeLokaleClaimForm } from './frivillige-lokale.form';

export const FRIVILLIGE_LOKALE_RATE_CODES = ['base-per-municipality', 'per-settled-person'] as const;

export interface FrivilligeLokaleBasis {
  /** Refugees settled in the municipality in the five years before the budget year. */
  readonly settledLastFiveYears: number;
}

const calculation: SchemeCalculation<FrivilligeLokaleBasis> = {
  describes: 'Ramme per kommune: grunnbeløp og et beløp per person bosatt de siste fem årene',
  calculate: (basis, rates) =>
    rates.amount('base-per-municipality').plus(rates.amount('per-settled-person').times(wholeCount(basis.settledLastFiveYears, 'settledLastFiveYears'))),
};

// INS 6.4: a municipality that administers a scheme for IMDi gets an oppdragsbrev; its own grants to
// organisations are its decisions, and it returns what it does not grant.
export const frivilligeLokale: SchemeDefinition<FrivilligeLokaleClaimForm, FrivilligeLokaleBasis> = entitlementScheme({
  code: 'frivillige-lokale',
  form: FrivilligeLokaleClaimForm,
  calculation,
  rules: (_applicant, form) => refuseUnless(form.acceptsAssignmentLetter, 'acceptsAssignmentLetter', 'assignment-letter', 'Kommunen må godta oppdragsbrevet.'),
  payoutPlan: periodicPayout('yearly', {
    nb: 'Rammen utbetales én gang i året når kommunen har akseptert oppdragsbrevet.',
    nn: 'Ramma blir utbetalt éin gong i året når kommunen har akseptert oppdragsbrevet.',
  }),
  reportingDuty: reportAfterPeriod(['use-of-funds', 'results', 'accounts'], {
    nb: 'Kommunen rapporterer hvilke organisasjoner som fikk hva, og til hvilke aktiviteter.',
    nn: 'Kommunen rapporterer kva organisasjonar som fekk kva, og til kva aktivitetar.',
  }),
  returnUnusedFunds: true,
});

export const FrivilligeLokaleSchemeModule = schemeModule(frivilligeLokale);
