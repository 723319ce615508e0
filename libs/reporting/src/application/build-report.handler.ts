import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@imdi/kernel';
import { HandlesJob, type JobContext, type JobHandler } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { ReportRunRepository } from '../infrastructure/report-run.repository';
import { renderPdf } from '../infrastructure/report.pdf';
import { renderWorkbook } from '../infrastructure/report.workbook';
import { ReportComposer } from './report-composer.service';
import { BUILD_REPORT } from './reporting.jobs';

/**
 * Builds a requested report with visible progress and stores the document, the workbook and the
 * PDF together. A retried job rebuilds it from scratch; a completed report is never rebuilt.
 */
@Injectable()
@HandlesJob(BUILD_REPORT)
export class BuildReportHandler implements JobHandler<{ reportId: string }> {
  private readonly logger = new Logger(BuildReportHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ReportRunRepository,
    private readonly composer: ReportComposer,
    private readonly clock: Clock,
  ) {}

  async handle(payload: { reportId: string }, context: JobContext): Promise<void> {
    const manager = this.dataSource.manager;
    const run = await this.repository.find(manager, payload.reportId);
    if (!run || run.status === 'completed') return;
    await this.repository.markRunning(manager, run.id);
    const progress = async (percent: number): Promise<void> => {
      await this.repository.progress(manager, run.id, percent);
      await context.updateProgress({ percent });
    };
    try {
      const document = await this.composer.compose(
        { kind: run.kind, budgetYear: run.budgetYear, budgetPost: run.budgetPost, asOf: run.asOf },
        this.clock.now(),
        progress,
      );
      const xlsx = await renderWorkbook(document);
      await progress(85);
      const pdf = await renderPdf(document);
      await this.repository.complete(manager, run.id, document, xlsx, pdf);
      await context.updateProgress({ percent: 100 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`report ${run.id} failed: ${message}`);
      await this.repository.fail(manager, run.id, message);
      throw error;
    }
  }
}
