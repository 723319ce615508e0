import { SetMetadata } from '@nestjs/common';
import type { QueueName } from './queue-name';

/** A job kind: its queue, its name and (as a type) its payload. */
export interface JobDefinition<Payload extends object> {
  readonly queue: QueueName;
  readonly name: string;
  /** Phantom field carrying the payload type; never set at run time. */
  readonly payload?: Payload;
}

/** Only describes the job; a context module contributes it with `jobDefinitions(...)` among its providers. */
export function defineJob<Payload extends object>(queue: QueueName, name: string): JobDefinition<Payload> {
  return { queue, name };
}

export function jobKey(queue: QueueName, name: string): string {
  return `${queue}/${name}`;
}

export interface JobContext {
  /** Deterministic job id (e.g. `outbox-<uuid>`): the key for once-only effects. */
  readonly jobId: string;
  readonly attempt: number;
  /** How many attempts the queue gives the job in all; the last one may give up for good. */
  readonly maxAttempts?: number;
  updateProgress(progress: number | object): Promise<void>;
}

export interface JobHandler<Payload extends object> {
  handle(payload: Payload, context: JobContext): Promise<void>;
}

export const JOB_HANDLER_METADATA = 'imdi:job-handler';

/** Marks a provider as the one handler of a job kind; the worker refuses to start with none or two. */
export const HandlesJob = (definition: JobDefinition<object>): ClassDecorator => SetMetadata(JOB_HANDLER_METADATA, definition);
