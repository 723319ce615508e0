import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock, osloDate } from '@imdi/kernel';
import { HandlesJob, inTransaction, QueueRegistry, type JobHandler } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { JournalRepository } from '../infrastructure/journal.repository';
import { EXPORT_PUBLIC_JOURNAL } from './journal.jobs';
import { PublicJournal } from './public-journal.query';

/** Each morning the worker writes yesterday's public journal as CSV and JSON, ready for eInnsyn. */
@Injectable()
@HandlesJob(EXPORT_PUBLIC_JOURNAL)
export class ExportPublicJournal implements JobHandler<{ day?: string }> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: JournalRepository,
    private readonly journal: PublicJournal,
    private readonly clock: Clock,
  ) {}

  async handle(payload: { day?: string }): Promise<void> {
    await this.export(payload.day ?? osloDate(new Date(this.clock.now().getTime() - 24 * 3600 * 1000)));
  }

  async export(day: string): Promise<{ entries: number }> {
    const lines = await this.journal.lines(day, day);
    await inTransaction(this.dataSource, (manager) => this.repository.saveExport(manager, day, lines.length, PublicJournal.csv(lines), lines));
    return { entries: lines.length };
  }
}

@Injectable()
export class PublicJournalExportSchedule implements OnApplicationBootstrap {
  constructor(private readonly queues: QueueRegistry) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .get(EXPORT_PUBLIC_JOURNAL.queue)
      .upsertJobScheduler('public-journal-daily', { pattern: '30 5 * * *', tz: 'Europe/Oslo' }, { name: EXPORT_PUBLIC_JOURNAL.name, data: {} });
  }
}
