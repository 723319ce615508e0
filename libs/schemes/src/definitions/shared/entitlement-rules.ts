import { InvalidValueError } from '@imdi/kernel';
import type { ApplicantProfile, EligibilityProblem } from '../../domain/scheme-definition';
import type { MunicipalClaimForm } from './municipal-claim.form';

/** A municipality claims for itself only. */
export function ownMunicipalityOnly(applicant: ApplicantProfile, form: MunicipalClaimForm): EligibilityProblem[] {
  return applicant.municipalityNumber === form.municipalityNumber
    ? []
    : [{ field: 'municipalityNumber', rule: 'own-municipality', message: 'En kommune kan bare kreve tilskudd for seg selv.' }];
}

/** A count in a calculation basis: persons, hours. Money.times refuses fractions; this also refuses negatives. */
export function wholeCount(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidValueError(field, 'whole-count', `«${field}» må være et helt tall, 0 eller mer.`);
  }
  return value;
}
