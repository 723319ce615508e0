import { Injectable } from '@nestjs/common';
import { CaseworkDocuments } from '@imdi/casework';
import { IntakeDocuments } from '@imdi/intake';
import { ReclaimDocuments } from '@imdi/payments';
import { RecipientReportDocuments } from '@imdi/recipient-reports';
import type { ProducedDocumentSource } from '../application/journal-facts';
import { ProducedDocuments, type ProducedDocumentFile } from '../application/journal-sources';

/**
 * Asks the owner of each produced document through its exported port: intake's receipts; casework's
 * letters, assessments, answers to appeals, pre-notifications and the ministry's decisions on appeals; payments' reclaim notices and
 * decisions; recipient-reports' reports with their attachments.
 */
@Injectable()
export class ProducedDocumentsAdapter extends ProducedDocuments {
  constructor(
    private readonly casework: CaseworkDocuments,
    private readonly reclaims: ReclaimDocuments,
    private readonly intake: IntakeDocuments,
    private readonly reports: RecipientReportDocuments,
  ) {
    super();
  }

  async fetch(source: ProducedDocumentSource): Promise<ProducedDocumentFile | undefined> {
    switch (source.owner) {
      case 'intake-receipt':
        return this.intake.receipt(source.id);
      case 'casework-decision-letter':
        return this.casework.decisionLetter(source.id);
      case 'casework-provisional-answer':
        return this.casework.provisionalAnswer(source.id);
      case 'casework-assessment':
        return this.casework.assessment(source.id, source.version);
      case 'casework-appeal-decision':
        return this.casework.appealDecision(source.id);
      case 'casework-pre-notification':
        return this.casework.preNotification(source.id);
      case 'casework-ministry-appeal-decision':
        return this.casework.ministryAppealDecision(source.id);
      case 'payments-reclaim-notice':
        return this.reclaims.notice(source.id);
      case 'payments-reclaim-decision':
        return this.reclaims.decision(source.id);
      case 'recipient-report': {
        const submitted = await this.reports.report(source.id, source.version);
        return submitted && { ...submitted.report, attachments: submitted.attachments };
      }
    }
  }
}
