import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditTrail, SYSTEM_ACTOR, type AuditActor } from '@imdi/audit';
import { CaseDocuments, CaseLifecycle } from '@imdi/cases';
import { addCalendarDays, Clock, osloDate } from '@imdi/kernel';
import { letterRecipient, renderNotice } from '@imdi/letters';
import { Messages } from '@imdi/messaging';
import { caseFactsOf, DomainEvents, PROVISIONAL_ANSWER_SENT } from '@imdi/outbox';
import { AppConfig, HandlesJob, QueueRegistry, type JobContext, type JobHandler } from '@imdi/platform';
import type { Principal } from '@imdi/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseworkError } from '../domain/casework.errors';
import { CaseworkRepository, type DueCase } from '../infrastructure/casework.repository';
import { Impartiality } from './impartiality.service';
import { CaseworkContext } from './casework-context';
import { SEND_PROVISIONAL_ANSWERS } from './casework.jobs';

/** How far ahead the provisional answer puts the expected decision. */
const EXPECTED_WITHIN_DAYS = 30;
export const UNDECIDED_STATUSES: readonly string[] = ['submitted', 'in_assessment', 'proposed'];
const UNDECIDED = UNDECIDED_STATUSES;

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

/** Writes, records and sends one case's provisional answer, in the caller's transaction; false if the case already has one. */
@Injectable()
export class ProvisionalAnswerWriter {
  constructor(
    private readonly audit: AuditTrail,
    private readonly repository: CaseworkRepository,
    private readonly config: AppConfig,
    private readonly context: CaseworkContext,
    private readonly messages: Messages,
    private readonly documents: CaseDocuments,
    private readonly events: DomainEvents,
  ) {}

  async write(manager: EntityManager, row: DueCase, now: Date, expected: string, actor: AuditActor, details: Record<string, unknown>): Promise<boolean> {
    // The applicant's letter details come through intake's port, with the case locked.
    const { file, version, organisation, application } = await this.context.load(manager, row.id);
    if (await this.repository.hasProvisionalAnswer(manager, row.id)) return false;
    const language = organisation.writtenStandard;
    const text = TEXT[language];
    const yourReference = application.form.yourReference;
    const documentNumber = await this.documents.next(row.id, manager);
    const pdf = await renderNotice({
      writtenStandard: language,
      title: text.title,
      frame: {
        agency: this.config.agencyLetterhead,
        recipient: letterRecipient(organisation, application.form.contactName),
        ourReference: `${row.case_number}-${documentNumber}`,
        yourReference: typeof yourReference === 'string' && yourReference ? yourReference : null,
        date: norwegianDate(osloDate(now)),
        caseworker: null,
        approver: null,
        copyTo: [],
      },
      rows: [[text.received, norwegianDate(osloDate(row.received_at))]],
      sections: [{ text: text.why }, { text: text.when.replace('{date}', norwegianDate(expected)) }, { text: text.law }],
    });
    if (!(await this.repository.insertProvisionalAnswer(manager, row.id, expected, pdf, createHash('sha256').update(pdf).digest('hex')))) return false;
    await this.audit.record(manager, {
      actor,
      action: 'case.provisional-answer-sent',
      entityType: 'case',
      entityId: row.id,
      after: { expectedDecisionDate: expected, ...details },
    });
    await this.events.publish(manager, PROVISIONAL_ANSWER_SENT, {
      ...caseFactsOf(file),
      sentAt: now.toISOString(),
      expectedDecisionDate: expected,
      documentNumber,
    });
    // With eFormidling configured, the answer also goes to the applicant's archive as digital post.
    await this.messages.sendLetter(manager, {
      dedupeKey: `provisional-answer:${row.id}`,
      kind: 'provisional-answer',
      organisationNumber: row.organisation_number,
      language,
      letter: {
        caseNumber: row.case_number,
        caseTitle: `${version.name.nb} ${file.budgetYear} – ${organisation.name}`,
        caseDate: osloDate(row.received_at),
        documentNumber,
        title: text.title,
        // A provisional answer decides nothing.
        documentType: 'Brev',
        letterDate: osloDate(now),
        caseworker: this.config.agencyLetterhead.shortName,
        administrativeUnit: this.config.agencyLetterhead.name,
        recipientName: organisation.name,
        senderName: this.config.agencyLetterhead.shortName,
        senderOrganisationNumber: this.config.agencyLetterhead.organisationNumber,
      },
      document: { name: 'forelopig-svar.pdf', content: pdf },
      caseId: row.id,
      reference: row.id,
    });
    return true;
  }
}

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
    private readonly clock: Clock,
    private readonly repository: CaseworkRepository,
    private readonly writer: ProvisionalAnswerWriter,
  ) {}

  async handle(payload: { asOf?: string }, context: JobContext): Promise<void> {
    const now = payload.asOf ? new Date(payload.asOf) : this.clock.now();
    const due = await this.repository.casesDueProvisionalAnswer(this.dataSource.manager, UNDECIDED, now);
    let sent = 0;
    for (const row of due) {
      await this.dataSource.transaction(async (manager) => {
        // Another run may have answered this case meanwhile: the case lock decides, before a document number is taken.
        if (await this.writer.write(manager, row, now, addCalendarDays(osloDate(now), EXPECTED_WITHIN_DAYS), SYSTEM_ACTOR, { jobId: context.jobId })) sent++;
      });
    }
    await context.updateProgress({ due: due.length, sent });
    if (sent > 0) this.logger.log(`sent ${sent} provisional answers`);
  }
}

/**
 * A caseworker sends the provisional answer before the daily run would (fvl. § 11a: as soon as it is
 * clear the application takes disproportionately long), with the date a decision can be expected.
 */
@Injectable()
export class SendProvisionalAnswer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly repository: CaseworkRepository,
    private readonly impartiality: Impartiality,
    private readonly cases: CaseLifecycle,
    private readonly writer: ProvisionalAnswerWriter,
  ) {}

  async execute(caseId: string, expectedDecisionDate: string | undefined, principal: Principal): Promise<{ expectedDecisionDate: string }> {
    const now = this.clock.now();
    const expected = expectedDecisionDate ?? addCalendarDays(osloDate(now), EXPECTED_WITHIN_DAYS);
    if (expected <= osloDate(now)) {
      throw new CaseworkError('PROVISIONAL_ANSWER_INVALID', 'Datoen for forventet vedtak må være etter i dag.', {}, 'expectedDecisionDate');
    }
    return this.dataSource.transaction(async (manager) => {
      const row = await this.repository.provisionalAnswerFacts(manager, caseId);
      if (!row) throw new CaseworkError('LETTER_NOT_FOUND', `Fant ingen sak med id ${caseId}.`, {}, 'id');
      await this.impartiality.assertImpartial(manager, principal, row.organisation_number, caseId, 'send a provisional answer in');
      const file = await this.cases.lockCase(manager, caseId);
      const status = file.status;
      if (!UNDECIDED.includes(status)) {
        throw new CaseworkError('PROVISIONAL_ANSWER_INVALID', 'Saken er avgjort; et foreløpig svar sendes bare før vedtak.', { status });
      }
      if (!(await this.writer.write(manager, row, now, expected, principal, {}))) {
        throw new CaseworkError('PROVISIONAL_ANSWER_EXISTS', 'Søkeren har allerede fått et foreløpig svar i denne saken.', {});
      }
      return { expectedDecisionDate: expected };
    });
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
