import type { SchemeCalculation, SchemeDefinition } from '../../domain/scheme-definition';
import { refuseUnless } from '../shared/eligibility-rules';
import { wholeCount } from '../shared/entitlement-rules';
import { periodicPayout } from '../shared/payout-plans';
import { reportAfterPeriod } from '../shared/reporting-duties';
import { entitlementScheme } from '../shared/scheme-factories';
import { schemeModule } from '../shared/scheme-module';
import { NorskAsylmottakClaimForm } from './norsk-asylmottak.form';

/*
 * Paid per participant-hour rather than per participant who completes: the letter's only figure
 * is the 50-hour course (TB 2017 O3), and asylum seekers often move or leave before the end, so
 * paying for hours given does not punish the municipality for that. The 50 hours cap the claim.
 */
export const COURSE_HOURS_PER_PARTICIPANT = 50;
export const NORSK_ASYLMOTTAK_RATE_CODES = ['per-participant-hour'] as const;

export interface NorskAsylmottakBasis {
  readonly participants: number;
  readonly participantHours: number;
}

/** Hours that count: at most the 50-hour course per participant. */
export function billableParticipantHours(basis: NorskAsylmottakBasis): number {
  const cap = wholeCount(basis.participants, 'participants') * COURSE_HOURS_PER_PARTICIPANT;
  return Math.min(wholeCount(basis.participantHours, 'participantHours'), cap);
}

const calculation: SchemeCalculation<NorskAsylmottakBasis> = {
  describes: 'Tilskudd per deltakertime, høyst 50 timer per deltaker',
  calculate: (basis, rates) => rates.amount('per-participant-hour').times(billableParticipantHours(basis)),
};

export const norskAsylmottak: SchemeDefinition<NorskAsylmottakClaimForm, NorskAsylmottakBasis> = entitlementScheme({
  code: 'norsk-asylmottak',
  form: NorskAsylmottakClaimForm,
  calculation,
  rules: (_applicant, form) =>
    refuseUnless(
      form.participantHours <= form.participants * COURSE_HOURS_PER_PARTICIPANT,
      'participantHours',
      'course-hours',
      `Kurset er på ${COURSE_HOURS_PER_PARTICIPANT} timer; det kan ikke kreves flere timer enn ${COURSE_HOURS_PER_PARTICIPANT} per deltaker.`,
    ),
  payoutPlan: periodicPayout('once', {
    nb: 'Tilskuddet utbetales én gang per krav, etter at opplæringen er gitt.',
    nn: 'Tilskotet blir utbetalt éin gong per krav, etter at opplæringa er gitt.',
  }),
  reportingDuty: reportAfterPeriod(['participants'], { nb: 'Kravet oppgir selv deltakere og timer.', nn: 'Kravet oppgir sjølv deltakarar og timar.' }),
});

export const NorskAsylmottakSchemeModule = schemeModule(norskAsylmottak);
