import { flattenValidationErrors, unsafeTextProblems, type FieldProblem } from '@imdi/platform';
import type { SchemeDefinition } from '@imdi/schemes';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

/**
 * Checks a form against its scheme's DTO. A draft may be incomplete (missing fields pass), but what
 * is there must be right; a submission must be complete. Field names are prefixed `form.`.
 */
export async function validateSchemeForm(
  definition: SchemeDefinition,
  form: unknown,
  mode: 'draft' | 'submission',
): Promise<{ form: object; problems: FieldProblem[] }> {
  const instance = plainToInstance(definition.form, form ?? {}) as object;
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    skipMissingProperties: mode === 'draft',
    validationError: { target: false, value: false },
  });
  // A scheme's short answers (names, titles) stay on one line like every other single-line field.
  return { form: instance, problems: [...flattenValidationErrors(errors, 'form'), ...unsafeTextProblems(instance, 'form', true)] };
}
