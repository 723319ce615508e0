import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Queues deliver at least once; this makes a handler's effect happen once. Call `claim` inside the
 * transaction that performs the effect: a second delivery of the same job id finds it claimed.
 */
@Injectable()
export class ProcessedJobs {
  async claim(manager: EntityManager, jobId: string, queue: string, jobName: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO processed_job (job_id, queue, job_name) VALUES ($1, $2, $3) ON CONFLICT (job_id) DO NOTHING RETURNING job_id`,
      [jobId, queue, jobName],
    );
    return rows.length === 1;
  }
}
