/**
 * An expected refusal of the domain. `code` is SCREAMING_SNAKE and stable: clients and tests rely
 * on it; each bounded context maps its codes to HTTP statuses in one exhaustive switch.
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
