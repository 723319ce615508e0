import { Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@imdi/intake';
import { formatOsloDate, Money } from '@imdi/kernel';
import { renderRecord } from '@imdi/letters';
import { AppConfig } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { RECIPIENT_REPORT_TEXT, RecipientReportDocuments, type RecipientReportFile } from '../application/recipient-report-documents';
import { RecipientReportRepository } from './recipient-report.repository';

@Injectable()
export class RecipientReportDocumentsAdapter extends RecipientReportDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RecipientReportRepository,
    private readonly organisations: OrganisationDirectory,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async report(reportId: string, submissionId?: string): Promise<{ report: RecipientReportFile; attachments: RecipientReportFile[] } | undefined> {
    const manager = this.dataSource.manager;
    const submission = submissionId ? await this.repository.submission(manager, reportId, submissionId) : undefined;
    if (submissionId && !submission) return undefined;
    const report = submission?.report ?? (await this.repository.byId(manager, reportId));
    if (!report?.submittedAt) return undefined;
    const organisation = await this.organisations.findByNumber(manager, report.organisationNumber);
    const standard = organisation?.writtenStandard ?? 'nb';
    const text = RECIPIENT_REPORT_TEXT[standard];
    const listed = (await this.repository.attachments(manager, reportId)).filter(
      (attachment) => !submission || submission.attachmentIds.includes(attachment.id),
    );
    const attachments: RecipientReportFile[] = [];
    for (const attachment of listed) {
      const file = await this.repository.attachmentContent(manager, reportId, attachment.id);
      if (file) attachments.push(file);
    }
    const optional = (heading: string, value: string | null) => (value ? [{ heading, text: value }] : []);
    const content = await renderRecord({
      writtenStandard: standard,
      title: text.title,
      issuer: organisation?.name ?? report.organisationNumber,
      rows: [
        [text.caseNumber, report.caseNumber ?? ''],
        [text.recipient, organisation?.name ?? report.organisationNumber],
        [text.scheme, `${report.schemeCode} ${report.budgetYear}`],
        [text.submitted, formatOsloDate(report.submittedAt)],
        [text.due, formatOsloDate(report.dueOn)],
        [text.granted, report.granted.formatNok()],
        ...(report.spent ? [[text.spent, report.spent.formatNok()] as const] : []),
      ],
      sections: [
        ...optional(text.useOfFunds, report.useOfFunds),
        ...optional(text.results, report.results),
        ...optional(text.goalAchievement, report.goalAchievement),
        ...(report.participantsFemale !== null || report.participantsMale !== null
          ? [
              {
                heading: text.participants,
                rows: [
                  [text.female, String(report.participantsFemale ?? 0)],
                  [text.male, String(report.participantsMale ?? 0)],
                ] as const,
              },
            ]
          : []),
        ...(report.accounts && report.accounts.length > 0
          ? [
              {
                heading: text.accounts,
                rows: report.accounts.map((line) => [line.description, Money.parseNok(line.amountNok).formatNok()] as const),
              },
            ]
          : []),
        ...(report.auditorConfirmed !== null ? [{ rows: [[text.auditor, report.auditorConfirmed ? text.yes : text.no]] as const }] : []),
        { heading: text.attachments, ...(listed.length > 0 ? { bullets: listed.map((attachment) => attachment.fileName) } : { text: text.none }) },
      ],
    });
    return { report: { fileName: 'rapport.pdf', mediaType: 'application/pdf', content: Buffer.from(content) }, attachments };
  }
}
