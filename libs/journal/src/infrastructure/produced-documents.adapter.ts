import { Injectable } from '@nestjs/common';
import { CaseworkDocuments } from '@imdi/casework';
import { IntakeDocuments } from '@imdi/intake';
import { ReclaimDocuments } from '@imdi/payments';
import type { ProducedDocumentSource } from '../application/journal-facts';
import { ProducedDocuments, type ProducedDocumentFile } from '../application/journal-sources';

/** Asks the owner of each produced document through its exported port: intake's receipts, casework's letters, payments' reclaim notices. */
@Injectable()
export class ProducedDocumentsAdapter extends ProducedDocuments {
  constructor(
    private readonly casework: CaseworkDocuments,
    private readonly reclaims: ReclaimDocuments,
    private readonly intake: IntakeDocuments,
  ) {
    super();
  }

  fetch(source: ProducedDocumentSource): Promise<ProducedDocumentFile | undefined> {
    switch (source.owner) {
      case 'intake-receipt':
        return this.intake.receipt(source.id);
      case 'casework-decision-letter':
        return this.casework.decisionLetter(source.id);
      case 'casework-provisional-answer':
        return this.casework.provisionalAnswer(source.id);
      case 'payments-reclaim-notice':
        return this.reclaims.notice(source.id);
    }
  }
}
