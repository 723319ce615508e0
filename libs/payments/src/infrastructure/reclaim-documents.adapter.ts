import { Injectable } from '@nestjs/common';
import { CaseLifecycle } from '@imdi/cases';
import { OrganisationRepository } from '@imdi/intake';
import { formatOsloDate } from '@imdi/kernel';
import { letterRecipient, renderNotice } from '@imdi/letters';
import { AppConfig } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { ReclaimDocuments, type ReclaimDocument } from '../application/reclaim-documents';
import { RECLAIM_DECISION_TEXT } from '../domain/reclaim-decision';
import { ReclaimRepository } from './reclaim.repository';

@Injectable()
export class ReclaimDocumentsAdapter extends ReclaimDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ReclaimRepository,
    private readonly cases: CaseLifecycle,
    private readonly organisations: OrganisationRepository,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async notice(noticeId: string): Promise<ReclaimDocument | undefined> {
    const pdf = await this.repository.letterOf(this.dataSource.manager, noticeId);
    return pdf ? { fileName: 'varsel-om-tilbakekreving.pdf', mediaType: 'application/pdf', content: pdf } : undefined;
  }

  /** Rendered (PDF/A-2b, as the notice) from the decision as recorded, in the recipient's written standard. */
  async decision(reclaimId: string): Promise<ReclaimDocument | undefined> {
    const manager = this.dataSource.manager;
    const reclaim = await this.repository.reclaimView(manager, reclaimId);
    const file = reclaim && (await this.cases.find(manager, reclaim.caseId));
    if (!reclaim || !file) return undefined;
    const organisation = await this.organisations.findByNumber(manager, file.organisationNumber);
    const standard = organisation?.writtenStandard ?? 'nb';
    const text = RECLAIM_DECISION_TEXT[standard];
    const due = formatOsloDate(reclaim.dueOn);
    const letter = await renderNotice({
      writtenStandard: standard,
      title: text.title,
      frame: {
        agency: this.config.agencyLetterhead,
        recipient: organisation
          ? letterRecipient(organisation)
          : { name: file.organisationNumber, organisationNumber: file.organisationNumber, attention: null, postalAddress: null },
        ourReference: file.caseNumber,
        yourReference: null,
        date: formatOsloDate(reclaim.demandedAt),
        caseworker: null,
        approver: null,
        copyTo: [],
      },
      rows: [
        [text.amount, reclaim.amount.formatNok()],
        [text.due, due],
      ],
      sections: [
        { text: text.intro },
        { heading: text.why, text: reclaim.reason },
        ...(reclaim.noticeId ? [{ text: text.notice }] : []),
        { text: text.payment.replace('{date}', due) },
        { text: reclaim.enkeltvedtak && reclaim.appealDeadline ? text.appeal.replace('{date}', formatOsloDate(reclaim.appealDeadline)) : text.noAppeal },
      ],
    });
    return { fileName: 'vedtak-om-tilbakekreving.pdf', mediaType: 'application/pdf', content: Buffer.from(letter) };
  }
}
