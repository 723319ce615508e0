import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditTrail, SYSTEM_ACTOR } from '@imdi/audit';
import { addCalendarDays, Clock, osloDate } from '@imdi/kernel';
import { letterRecipient, renderNotice } from '@imdi/letters';
import { Messages } from '@imdi/messaging';
import { AppConfig, HandlesJob, QueueRegistry, type JobContext, type JobHandler } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { CaseworkRepository } from '../infrastructure/casework.repository';
import { CaseworkContext } from './casework-context';
import { SEND_PROVISIONAL_ANSWERS } from './casework.jobs';

/** How far ahead the provisional answer puts the expected decision. */
const EXPECTED_WITHIN_DAYS = 30;
const UNDECIDED = ['submitted', 'in_assessment', 'proposed'];

const TEXT = {
  nb: {
    title: 'Foreløpig svar på søknad om tilskudd',
    received: 'Søknaden ble mottatt',
    why: 'Vi har ikke kunnet behandle søknaden innen én måned fordi søknadene i tildelingsrunden vurderes samlet opp mot tilgjengelig ramme.',
    when: 'Vi regner med å kunne gi svar innen {date}.',
    law: 'Dette foreløpige svaret sendes etter forvaltningsloven § 11 a.',
  },
  nn: {
    title: 'Førebels svar på søknad om tilskot',
    received: 'Søknaden vart motteken',
    why: 'Vi har ikkje kunna handsame søknaden innan éin månad fordi søknadene i tildelingsrunden blir vurderte samla opp mot tilgjengeleg ramme.',
    when: 'Vi reknar med å kunne gi svar innan {date}.',
    law: 'Dette førebelse svaret blir sendt etter forvaltningslova § 11 a.',
  },
} as const;

const norwegianDate = (isoDate: string): string => isoDate.split('-').reverse().join('.');

/**
 * Finds applications still undecided one month after receipt and sends each applicant a
 * provisional answer saying why and when to expect a decision; the case records it. Once per case.
 */
@Injectable()
@HandlesJob(SEND_PROVISIONAL_ANSWERS)
export class SendProvisionalAnswers implements JobHandler<{ asOf?: string }> {
  private readonly logger = new Logger(SendProvisionalAnswers.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly repository: CaseworkRepository,
    private readonly config: AppConfig,
    private readonly context: CaseworkContext,
    private readonly messages: Messages,
  ) {}

  async handle(payload: { asOf?: string }, context: JobContext): Promise<void> {
    const now = payload.asOf ? new Date(payload.asOf) : this.clock.now();
    const due = await this.repository.casesDueProvisionalAnswer(this.dataSource.manager, UNDECIDED, now);
    let sent = 0;
    for (const row of due) {
      const expected = addCalendarDays(osloDate(now), EXPECTED_WITHIN_DAYS);
      const text = TEXT[row.written_standard];
      await this.dataSource.transaction(async (manager) => {
        // Another run may have answered this case meanwhile: the case lock decides, before a document number is taken.
        const { file, version } = await this.context.load(manager, row.id);
        if (await this.repository.hasProvisionalAnswer(manager, row.id)) return;
        const documentNumber = await this.repository.nextDocumentNumber(manager, row.id);
        const pdf = await renderNotice({
          writtenStandard: row.written_standard,
          title: text.title,
          frame: {
            agency: this.config.agencyLetterhead,
            recipient: letterRecipient(
              {
                name: row.name,
                organisationNumber: row.organisation_number,
                contactName: row.contact_name,
                postalAddress:
                  row.postal_address && row.postal_code && row.postal_place
                    ? { addressLine: row.postal_address, postalCode: row.postal_code, postalPlace: row.postal_place }
                    : null,
              },
              row.application_contact,
            ),
            ourReference: `${row.case_number}-${documentNumber}`,
            yourReference: row.your_reference || null,
            date: norwegianDate(osloDate(now)),
            caseworker: null,
            approver: null,
            copyTo: [],
          },
          rows: [[text.received, norwegianDate(osloDate(row.received_at))]],
          sections: [{ text: text.why }, { text: text.when.replace('{date}', norwegianDate(expected)) }, { text: text.law }],
        });
        const inserted = await this.repository.insertProvisionalAnswer(
          manager,
          row.id,
          expected,
          Buffer.from(pdf),
          createHash('sha256').update(pdf).digest('hex'),
        );
        if (!inserted) return;
        await this.audit.record(manager, {
          actor: SYSTEM_ACTOR,
          action: 'case.provisional-answer-sent',
          entityType: 'case',
          entityId: row.id,
          after: { expectedDecisionDate: expected, jobId: context.jobId },
        });
        // With eFormidling configured, the answer also goes to the applicant's archive as digital post.
        await this.messages.sendLetter(manager, {
          dedupeKey: `provisional-answer:${row.id}`,
          kind: 'provisional-answer',
          organisationNumber: row.organisation_number,
          language: row.written_standard,
          letter: {
            caseNumber: row.case_number,
            caseTitle: `${version.name.nb} ${file.budgetYear} – ${row.name}`,
            caseDate: osloDate(row.received_at),
            documentNumber,
            title: text.title,
            // A provisional answer decides nothing.
            documentType: 'Brev',
            letterDate: osloDate(now),
            caseworker: this.config.agencyLetterhead.shortName,
            administrativeUnit: this.config.agencyLetterhead.name,
            recipientName: row.name,
            senderName: this.config.agencyLetterhead.shortName,
            senderOrganisationNumber: this.config.agencyLetterhead.organisationNumber,
          },
          document: { name: 'forelopig-svar.pdf', content: pdf },
          caseId: row.id,
          reference: row.id,
        });
        sent++;
      });
    }
    await context.updateProgress({ due: due.length, sent });
    if (sent > 0) this.logger.log(`sent ${sent} provisional answers`);
  }
}

/** Schedules the daily run in the worker (06:00 Oslo time); BullMQ keeps one scheduler per id. */
@Injectable()
export class ProvisionalAnswerSchedule implements OnApplicationBootstrap {
  constructor(private readonly queues: QueueRegistry) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .get(SEND_PROVISIONAL_ANSWERS.queue)
      .upsertJobScheduler('provisional-answers-daily', { pattern: '0 6 * * *', tz: 'Europe/Oslo' }, { name: SEND_PROVISIONAL_ANSWERS.name, data: {} });
  }
}
