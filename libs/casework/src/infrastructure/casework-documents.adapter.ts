import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseworkDocuments, type ProducedDocument } from '../application/casework-documents';

@Injectable()
export class CaseworkDocumentsAdapter extends CaseworkDocuments {
  constructor(private readonly dataSource: DataSource) {
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
}
