import type { Provider } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { contributionsOf } from '../discovery/contributions';
import { type JobDefinition, jobKey } from './job-definition';

/** The job kinds one context module contributes. */
export class ContributedJobs {
  constructor(readonly definitions: ReadonlyArray<JobDefinition<object>>) {}
}

/** A context module lists this among its providers so that its jobs may be enqueued and must be handled. */
export function jobDefinitions(...definitions: ReadonlyArray<JobDefinition<object>>): Provider {
  const names = definitions.map((definition) => jobKey(definition.queue, definition.name)).join(',');
  return { provide: `job-definitions:${names}`, useValue: new ContributedJobs(definitions) };
}

/** Every job kind the application's modules define; building it fails when two modules define the same one. */
export class JobCatalog {
  private readonly byKey = new Map<string, JobDefinition<object>>();

  constructor(definitions: ReadonlyArray<JobDefinition<object>>) {
    const twice: string[] = [];
    for (const definition of definitions) {
      const key = jobKey(definition.queue, definition.name);
      if (this.byKey.has(key)) twice.push(key);
      this.byKey.set(key, definition);
    }
    if (twice.length > 0) throw new Error(`jobs defined twice: ${twice.join(', ')}`);
  }

  keys(): string[] {
    return [...this.byKey.keys()].sort();
  }

  has(definition: Pick<JobDefinition<object>, 'queue' | 'name'>): boolean {
    return this.byKey.has(jobKey(definition.queue, definition.name));
  }

  /** A job no module defines would have no handler in the worker and sit in its queue forever. */
  assertDefined(definition: Pick<JobDefinition<object>, 'queue' | 'name'>): void {
    if (!this.has(definition)) {
      throw new Error(`job ${jobKey(definition.queue, definition.name)} is not defined by any module (add jobDefinitions(...) to its module's providers)`);
    }
  }
}

export const JOB_CATALOG_PROVIDER: Provider = {
  provide: JobCatalog,
  inject: [DiscoveryService],
  useFactory: (discovery: DiscoveryService) => new JobCatalog(contributionsOf(discovery, ContributedJobs).flatMap((contributed) => contributed.definitions)),
};
