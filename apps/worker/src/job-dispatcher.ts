import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  AppConfig,
  ALL_QUEUES,
  JobCatalog,
  JOB_HANDLER_METADATA,
  jobKey,
  redisConnectionOptions,
  REQUEST_ID_KEY,
  runWithLogger,
  type JobDefinition,
  type JobHandler,
  type QueueName,
} from '@imdi/platform';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';

/**
 * One BullMQ worker per queue, dispatching by job name to the single provider marked @HandlesJob.
 * Start-up fails when a defined job has no handler or two: a job nobody handles would sit forever.
 */
@Injectable()
export class JobDispatcher implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobDispatcher.name);
  private readonly workers: Worker[] = [];
  private handlers = new Map<string, JobHandler<object>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
    private readonly jobs: JobCatalog,
    private readonly pino: PinoLogger,
  ) {}

  // Checked before any bootstrap hook starts a schedule or a relay, so a refused start leaves nothing running.
  onModuleInit(): void {
    this.handlers = collectHandlers(this.discovery, this.jobs);
  }

  onApplicationBootstrap(): void {
    for (const queue of ALL_QUEUES) {
      const worker = new Worker(queue, (job) => this.dispatch(queue, job), {
        connection: redisConnectionOptions(this.config.REDIS_URL),
        prefix: this.config.QUEUE_PREFIX,
        concurrency: 4,
        lockDuration: this.config.WORKER_LOCK_MS,
        stalledInterval: this.config.WORKER_LOCK_MS,
      });
      worker.on('failed', (job, error) => this.logger.warn(`job ${queue}/${job?.name ?? '?'} ${job?.id ?? ''} failed: ${error.message}`));
      worker.on('error', (error) => this.logger.error(`worker ${queue}: ${error.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`handling ${this.handlers.size} job kinds on ${ALL_QUEUES.length} queues`);
  }

  private async dispatch(queue: QueueName, job: Job): Promise<void> {
    const key = jobKey(queue, job.name);
    const handler = this.handlers.get(key);
    if (!handler) throw new UnrecoverableError(`no handler for job ${key}`);
    // The outbox carries the id of the request that caused the job as its correlation id: every line logged while the job runs names it.
    const requestId: unknown = (job.data as { correlationId?: unknown }).correlationId;
    const bindings = { job: key, jobId: String(job.id), ...(typeof requestId === 'string' ? { [REQUEST_ID_KEY]: requestId } : {}) };
    await runWithLogger(this.pino.logger.child(bindings), async () => {
      const started = Date.now();
      this.logger.log(`job ${key} started (attempt ${job.attemptsMade + 1})`);
      await handler.handle(job.data as object, {
        jobId: String(job.id),
        attempt: job.attemptsMade + 1,
        maxAttempts: job.opts.attempts ?? 1,
        updateProgress: (progress) => job.updateProgress(progress),
      });
      this.logger.log(`job ${key} done in ${Date.now() - started} ms`);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}

export function collectHandlers(discovery: DiscoveryService, jobs: JobCatalog): Map<string, JobHandler<object>> {
  const found = new Map<string, JobHandler<object>[]>();
  for (const wrapper of discovery.getProviders()) {
    const instance: unknown = wrapper.instance;
    if (!instance || typeof instance !== 'object' || !wrapper.metatype) continue;
    const definition = Reflect.getMetadata(JOB_HANDLER_METADATA, wrapper.metatype) as JobDefinition<object> | undefined;
    if (!definition) continue;
    const key = jobKey(definition.queue, definition.name);
    found.set(key, [...(found.get(key) ?? []), instance as JobHandler<object>]);
  }
  const problems: string[] = [];
  for (const key of jobs.keys()) {
    const count = found.get(key)?.length ?? 0;
    if (count !== 1) problems.push(`job ${key} has ${count} handlers (needs exactly one)`);
  }
  for (const key of found.keys()) {
    if (!jobs.keys().includes(key)) problems.push(`handler for undefined job ${key}`);
  }
  if (problems.length > 0) throw new Error(`job handlers misconfigured:\n  ${problems.join('\n  ')}`);
  return new Map([...found].map(([key, handlers]) => [key, handlers[0]]));
}
