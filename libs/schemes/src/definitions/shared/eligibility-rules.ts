import type { EligibilityProblem } from '../../domain/scheme-definition';

/** One rule: no problem when it holds, else the field, rule and message it broke. */
export function refuseUnless(holds: boolean, field: string, rule: string, message: string): EligibilityProblem[] {
  return holds ? [] : [{ field, rule, message }];
}
