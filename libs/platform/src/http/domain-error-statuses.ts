import type { Provider } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { DomainError, RefusalStatus } from '@imdi/kernel';
import { contributionsOf } from '../discovery/contributions';

type DomainErrorType<Code extends string> = abstract new (...args: never[]) => DomainError<Code>;

/** One context's error codes as data, each with its HTTP status. */
export class DomainErrorStatusTable<Code extends string = string> {
  constructor(
    readonly errorType: DomainErrorType<Code>,
    readonly statuses: Readonly<Record<Code, RefusalStatus>>,
  ) {}
}

/**
 * A context module lists this among its providers to contribute its table; `Record<Code, …>` makes
 * the compiler insist on every code, and the registry checks the data again when the app starts.
 */
export function domainErrorStatuses<Code extends string>(errorType: DomainErrorType<Code>, statuses: Readonly<Record<Code, RefusalStatus>>): Provider {
  return { provide: `domain-error-statuses:${errorType.name}`, useValue: new DomainErrorStatusTable(errorType, statuses) };
}

/** Every contributed table; building it fails, naming the code, when a declared code has no refusal status. */
export class DomainErrorStatuses {
  private readonly tables: readonly DomainErrorStatusTable[];

  constructor(tables: readonly DomainErrorStatusTable[]) {
    const problems: string[] = [];
    const seen = new Set<DomainErrorType<string>>();
    for (const table of tables) {
      if (seen.has(table.errorType)) problems.push(`${table.errorType.name} has more than one status table`);
      seen.add(table.errorType);
      for (const [code, status] of Object.entries<unknown>(table.statuses)) {
        if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 499) {
          problems.push(`${table.errorType.name} code ${code} has no HTTP status (got ${String(status)})`);
        }
      }
    }
    if (problems.length > 0) throw new Error(`domain error statuses misconfigured:\n  ${problems.join('\n  ')}`);
    this.tables = tables;
  }

  statusOf(error: DomainError): number | undefined {
    const table = this.tables.find((candidate) => error instanceof candidate.errorType);
    return table && Object.hasOwn(table.statuses, error.code) ? (table.statuses as Record<string, number>)[error.code] : undefined;
  }

  errorTypes(): ReadonlyArray<DomainErrorType<string>> {
    return this.tables.map((table) => table.errorType);
  }
}

/** The api's registry, built from the tables every imported context module contributes. */
export const DOMAIN_ERROR_STATUSES_PROVIDER: Provider = {
  provide: DomainErrorStatuses,
  inject: [DiscoveryService],
  useFactory: (discovery: DiscoveryService) => new DomainErrorStatuses(contributionsOf(discovery, DomainErrorStatusTable)),
};
