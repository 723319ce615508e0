import { Injectable } from '@nestjs/common';
import { BudgetError, ResponsibleMinistryQuery } from '@imdi/budget';
import { CaseLifecycle } from '@imdi/cases';
import { OrganisationDirectory } from '@imdi/intake';
import { formatOsloDate } from '@imdi/kernel';
import { letterRecipient, renderNotice, renderRecord } from '@imdi/letters';
import { AppConfig } from '@imdi/platform';
import { SchemeCatalogueQuery, schemeDefinition } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import {
  APPEAL_ANSWER_TEXT,
  ASSESSMENT_NOTE_TEXT,
  MINISTRY_APPEAL_DECISION_RECORD_TEXT,
  PRE_NOTIFICATION_RECORD_TEXT,
} from '../application/casework-document-texts';
import { CaseworkDocuments, type ProducedDocument } from '../application/casework-documents';
import { MinistryNotifications, preNotificationText } from '../application/ministry-notifications.service';
import { AppealRepository } from './appeal.repository';
import { CaseworkRepository } from './casework.repository';

const pdf = (fileName: string, content: Uint8Array): ProducedDocument => ({ fileName, mediaType: 'application/pdf', content: Buffer.from(content) });

/**
 * The letters casework keeps as sent; the assessment, the answer to an appeal, the pre-notification and
 * the ministry's decision on a klage rendered as PDF/A-2b from what casework recorded, when the archive asks for them.
 */
@Injectable()
export class CaseworkDocumentsAdapter extends CaseworkDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CaseworkRepository,
    private readonly appeals: AppealRepository,
    private readonly notifications: MinistryNotifications,
    private readonly cases: CaseLifecycle,
    private readonly organisations: OrganisationDirectory,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly ministries: ResponsibleMinistryQuery,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async decisionLetter(letterId: string): Promise<ProducedDocument | undefined> {
    const [row]: Array<{ kind: string; pdf: Buffer }> = await this.dataSource.query(`SELECT kind, pdf FROM letter WHERE id = $1`, [letterId]);
    return row ? { fileName: row.kind === 'grant' ? 'tilskuddsbrev.pdf' : 'vedtaksbrev.pdf', mediaType: 'application/pdf', content: row.pdf } : undefined;
  }

  async provisionalAnswer(caseId: string): Promise<ProducedDocument | undefined> {
    const [row]: Array<{ pdf: Buffer }> = await this.dataSource.query(`SELECT pdf FROM provisional_answer WHERE case_id = $1`, [caseId]);
    return row ? { fileName: 'forelopig-svar.pdf', mediaType: 'application/pdf', content: row.pdf } : undefined;
  }

  async assessment(caseId: string, assessmentId?: string): Promise<ProducedDocument | undefined> {
    const manager = this.dataSource.manager;
    const assessment = await this.repository.assessmentVersion(manager, caseId, assessmentId);
    const file = await this.cases.find(manager, caseId);
    if (!assessment || !file) return undefined;
    const organisation = await this.organisations.findByNumber(manager, file.organisationNumber);
    const standard = organisation?.writtenStandard ?? 'nb';
    const text = ASSESSMENT_NOTE_TEXT[standard];
    const version = await this.catalogue.version(file.schemeCode, file.budgetYear, manager);
    const criteria = new Map((schemeDefinition(file.schemeCode)?.assessmentCriteria ?? []).map((criterion) => [criterion.code, criterion.label[standard]]));
    const content = await renderRecord({
      writtenStandard: standard,
      title: text.title,
      issuer: this.config.agencyLetterhead.name,
      rows: [
        [text.caseNumber, file.caseNumber ?? ''],
        [text.applicant, organisation?.name ?? file.organisationNumber],
        [text.scheme, `${version.name[standard]} ${file.budgetYear}`],
        [text.assessedOn, formatOsloDate(assessment.assessed_at)],
        [text.assessedBy, assessment.assessed_by],
        [text.total, String(assessment.total_score)],
      ],
      sections: [
        {
          heading: text.perCriterion,
          rows: assessment.scores.map((score) => [
            criteria.get(score.criterion) ?? score.criterion,
            `${score.score} ${text.points}${score.comment ? ` – ${score.comment}` : ''}`,
          ]),
        },
        { heading: text.overall, text: assessment.comment || '–' },
        { text: text.internal },
      ],
    });
    return pdf('vurdering.pdf', content);
  }

  async appealDecision(appealId: string): Promise<ProducedDocument | undefined> {
    const manager = this.dataSource.manager;
    const appeal = await this.appeals.byId(manager, appealId);
    const file = appeal && (await this.cases.find(manager, appeal.case_id));
    if (!appeal?.outcome || !file) return undefined;
    const organisation = await this.organisations.findByNumber(manager, file.organisationNumber);
    const standard = organisation?.writtenStandard ?? 'nb';
    const text = APPEAL_ANSWER_TEXT[standard];
    const answer = appeal.outcome === 'reversed' ? text.reversedText : appeal.kind === 'klage' ? text.forwarded : text.renewed;
    const content = await renderNotice({
      writtenStandard: standard,
      title: text.title,
      frame: {
        agency: this.config.agencyLetterhead,
        recipient: organisation
          ? letterRecipient(organisation)
          : { name: file.organisationNumber, organisationNumber: file.organisationNumber, attention: null, postalAddress: null },
        ourReference: file.caseNumber,
        yourReference: null,
        date: formatOsloDate(appeal.decided_at ?? appeal.received_at),
        caseworker: null,
        approver: null,
        copyTo: [],
      },
      rows: [
        [text.received, formatOsloDate(appeal.received_at)],
        [text.outcome, appeal.outcome === 'reversed' ? text.reversed : text.upheld],
      ],
      sections: [
        { text: answer },
        { heading: text.grounds, text: appeal.grounds },
        ...(appeal.summary_for_ministry ? [{ heading: text.assessment, text: appeal.summary_for_ministry }] : []),
      ],
    });
    return pdf('svar-pa-klage.pdf', content);
  }

  async preNotification(notificationId: string): Promise<ProducedDocument | undefined> {
    const view = await this.notifications.view(notificationId);
    if (!view) return undefined;
    const ministry = await this.ministries.forYear(view.budgetYear);
    // The e-mail as the ministry got it: its subject as the title, its text as the body.
    const mail = preNotificationText(view, ministry.name);
    const text = PRE_NOTIFICATION_RECORD_TEXT;
    const content = await renderRecord({
      writtenStandard: 'nb',
      title: mail.subject,
      issuer: this.config.agencyLetterhead.name,
      rows: [
        [text.to, ministry.name],
        [text.address, ministry.email],
        [text.sent, view.deliveredAt ? formatOsloDate(new Date(view.deliveredAt)) : text.notDelivered],
      ],
      sections: [{ text: mail.body }, { text: text.channel }],
    });
    return pdf('forhandsorientering.pdf', content);
  }

  async ministryAppealDecision(appealId: string): Promise<ProducedDocument | undefined> {
    const manager = this.dataSource.manager;
    const appeal = await this.appeals.byId(manager, appealId);
    const file = appeal && (await this.cases.find(manager, appeal.case_id));
    if (!appeal?.ministry_outcome || !appeal.ministry_decided_at || !file) return undefined;
    // The ministry the case's budget year answered to (the one the pre-notification went to); a year whose
    // allocation letter did not name it still gets its decision archived, under the generic name.
    const ministry = await this.ministries.forYear(file.budgetYear, manager).catch((error: unknown) => {
      if (error instanceof BudgetError && error.code === 'MINISTRY_UNKNOWN') return { name: MINISTRY_APPEAL_DECISION_RECORD_TEXT.unknownMinistry };
      throw error;
    });
    const organisation = await this.organisations.findByNumber(manager, file.organisationNumber);
    const version = await this.catalogue.version(file.schemeCode, file.budgetYear, manager);
    const text = MINISTRY_APPEAL_DECISION_RECORD_TEXT;
    const upheld = appeal.ministry_outcome === 'upheld';
    const content = await renderRecord({
      writtenStandard: 'nb',
      title: text.title,
      issuer: ministry.name,
      rows: [
        [text.to, this.config.agencyLetterhead.name],
        [text.caseNumber, file.caseNumber ?? ''],
        [text.appellant, organisation?.name ?? file.organisationNumber],
        [text.scheme, `${version.name.nb} ${file.budgetYear}`],
        [text.appealReceived, formatOsloDate(appeal.received_at)],
        ...(appeal.forwarded_at ? [[text.forwarded, formatOsloDate(appeal.forwarded_at)] as const] : []),
        [text.decidedOn, formatOsloDate(appeal.ministry_decided_at)],
        ...(appeal.ministry_decided_by_name ? [[text.decidedBy, appeal.ministry_decided_by_name] as const] : []),
        [text.outcome, upheld ? text.upheld : text.reversed],
      ],
      sections: [
        { text: upheld ? text.upheldText : text.reversedText },
        { heading: text.reasons, text: appeal.ministry_reasons || '–' },
        { text: text.channel },
      ],
    });
    return pdf('klagevedtak-departementet.pdf', content);
  }
}
