import type { DomainError } from '@imdi/kernel';

/**
 * Each bounded context maps its own error codes to HTTP statuses with one exhaustive switch and
 * registers that mapper here; the problem filter asks every mapper in turn.
 */
export type DomainErrorStatusMapper = (error: DomainError) => number | undefined;

const mappers: DomainErrorStatusMapper[] = [];

export function registerDomainErrorStatuses(mapper: DomainErrorStatusMapper): void {
  if (!mappers.includes(mapper)) mappers.push(mapper);
}

export function statusOfDomainError(error: DomainError): number | undefined {
  for (const mapper of mappers) {
    const status = mapper(error);
    if (status !== undefined) return status;
  }
  return undefined;
}
