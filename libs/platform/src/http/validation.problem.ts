import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from './problem-details';
import { unsafeTextProblems } from './text-input.rule';

/** Thrown by the validation pipe: the body broke one or more class-validator rules. */
export class InputValidationException extends BadRequestException {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((problem) => problem.message).join('; '));
  }
}

export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknown-field' : rule,
      message: rule === 'whitelistValidation' ? `${field} is not a field of this request` : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * class-validator's rules, and before them one rule for every string of every route: no control
 * characters, lone surrogates or non-characters; line breaks only in a body's multi-line texts
 * (never in a path or query).
 */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const inBody = metadata.type === 'body';
    const raw = unsafeTextProblems(value, metadata.data ?? '', inBody);
    if (raw.length > 0) throw new InputValidationException(raw);
    const transformed: unknown = await super.transform(value, metadata);
    if (inBody) {
      const lines = unsafeTextProblems(transformed, metadata.data ?? '', true);
      if (lines.length > 0) throw new InputValidationException(lines);
    }
    return transformed;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InputValidationException(flattenValidationErrors(errors)),
  });
}
