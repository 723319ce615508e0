import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditTrail, SYSTEM_ACTOR } from '@imdi/audit';
import { OrganisationDirectory } from '@imdi/intake';
import { Clock, osloDate } from '@imdi/kernel';
import { Messages } from '@imdi/messaging';
import { HandlesJob, QueueRegistry, type JobContext, type JobHandler } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { reminderDue, type ReminderKind } from '../domain/report-duty';
import { RecipientReportRepository } from '../infrastructure/recipient-report.repository';
import { SEND_REPORT_REMINDERS } from './recipient-reports.jobs';

const TEXT: Record<'nb' | 'nn', Record<ReminderKind, { subject: string; body: string }>> = {
  nb: {
    'before-deadline': {
      subject: 'Påminnelse: rapport om bruk av tilskudd',
      body: 'Rapporten for sak {case} skal være hos IMDi innen {date}. Rapporten sendes når dere logger inn i søknadsportalen.',
    },
    overdue: {
      subject: 'Rapport om bruk av tilskudd er ikke mottatt',
      body: 'Fristen for rapporten for sak {case} var {date}. Manglende rapport kan føre til krav om tilbakebetaling av tilskuddet.',
    },
  },
  nn: {
    'before-deadline': {
      subject: 'Påminning: rapport om bruk av tilskot',
      body: 'Rapporten for sak {case} skal vere hos IMDi innan {date}. Rapporten sender de når de loggar inn i søknadsportalen.',
    },
    overdue: {
      subject: 'Rapport om bruk av tilskot er ikkje motteken',
      body: 'Fristen for rapporten for sak {case} var {date}. Manglande rapport kan føre til krav om tilbakebetaling av tilskotet.',
    },
  },
};

/**
 * Sends each open report's reminders once: two weeks before the deadline and after it has passed.
 * The reminder row (unique per report and kind) is the proof it went out, written with its audit entry.
 */
@Injectable()
@HandlesJob(SEND_REPORT_REMINDERS)
export class SendReportReminders implements JobHandler<{ asOf?: string }> {
  private readonly logger = new Logger(SendReportReminders.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RecipientReportRepository,
    private readonly organisations: OrganisationDirectory,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly messages: Messages,
  ) {}

  async handle(payload: { asOf?: string }, context: JobContext): Promise<void> {
    const now = this.clock.now();
    const today = payload.asOf ?? osloDate(now);
    const open = (await this.repository.awaiting(this.dataSource.manager, undefined, undefined)).filter(
      (report) => report.status === 'due' || report.status === 'more_requested',
    );
    let sent = 0;
    for (const report of open) {
      const kind = reminderDue(report.dueOn, today);
      if (!kind) continue;
      await this.dataSource.transaction(async (manager) => {
        const organisation = await this.organisations.findByNumber(manager, report.organisationNumber);
        if (!organisation) return;
        const date = report.dueOn.split('-').reverse().join('.');
        const fill = (text: { subject: string; body: string }) => ({
          subject: text.subject,
          body: text.body.replace('{case}', report.caseNumber ?? '').replace('{date}', date),
        });
        const texts = { nb: fill(TEXT.nb[kind]), nn: fill(TEXT.nn[kind]) };
        const message = { recipient: organisation.contactEmail, ...texts[organisation.writtenStandard] };
        if (await this.repository.recordReminder(manager, report.id, kind, message, now)) {
          await this.messages.send(manager, {
            dedupeKey: `report-reminder:${report.id}:${kind}`,
            kind: 'report-reminder',
            recipient: organisation.contactEmail,
            language: organisation.writtenStandard,
            texts,
            caseId: report.caseId,
          });
          await this.audit.record(manager, {
            actor: SYSTEM_ACTOR,
            action: `case.report-reminder-${kind}`,
            entityType: 'case',
            entityId: report.caseId,
            after: { dueOn: report.dueOn, recipient: 'organisation contact' },
          });
          sent++;
        }
      });
    }
    await context.updateProgress({ open: open.length, sent });
    if (sent > 0) this.logger.log(`sent ${sent} report reminders`);
  }
}

/** Schedules the daily reminder run in the worker (07:00 Oslo time). */
@Injectable()
export class ReportReminderSchedule implements OnApplicationBootstrap {
  constructor(private readonly queues: QueueRegistry) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .get(SEND_REPORT_REMINDERS.queue)
      .upsertJobScheduler('report-reminders-daily', { pattern: '0 7 * * *', tz: 'Europe/Oslo' }, { name: SEND_REPORT_REMINDERS.name, data: {} });
  }
}
