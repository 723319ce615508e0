import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { claimProcessedJob } from './infrastructure/outbox-messages';

/**
 * Queues deliver at least once; this makes a handler's effect happen once. Call `claim` inside the
 * transaction that performs the effect: a second delivery of the same job id finds it claimed.
 */
@Injectable()
export class ProcessedJobs {
  async claim(manager: EntityManager, jobId: string, queue: string, jobName: string): Promise<boolean> {
    return claimProcessedJob(manager, jobId, queue, jobName);
  }
}
