/**
 * An expected refusal of the domain. `code` is SCREAMING_SNAKE and stable: clients and tests rely
 * on it; each bounded context maps its codes to HTTP statuses in one exhaustive table.
 */
export abstract class DomainError<Code extends string = string> extends Error {
  abstract readonly code: Code;

  protected constructor(
    message: string,
    /** The input field the refusal is about, when there is one (named in problem+json errors[]). */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A value object refused its input: the field and the rule it broke. */
export class InvalidValueError extends DomainError<'INVALID_VALUE'> {
  readonly code = 'INVALID_VALUE' as const;

  constructor(
    field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message, field);
  }
}

export interface ValueProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/**
 * Creates a value object, or records why it could not be created and returns undefined: for
 * checks that report every bad value of a document rather than stopping at the first.
 */
export function collectInvalidValue<T>(problems: ValueProblem[], create: () => T): T | undefined {
  try {
    return create();
  } catch (error) {
    if (error instanceof InvalidValueError) {
      problems.push({ field: error.field ?? 'unknown', rule: error.rule, message: error.message });
      return undefined;
    }
    throw error;
  }
}

/** The HTTP statuses a context may give its refusals: a refusal is the client's to act on, never a 5xx. */
export type RefusalStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 412 | 413 | 415 | 422 | 423 | 428 | 429;
