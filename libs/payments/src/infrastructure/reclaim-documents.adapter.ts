import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReclaimDocuments, type ReclaimDocument } from '../application/reclaim-documents';
import { ReclaimRepository } from './reclaim.repository';

@Injectable()
export class ReclaimDocumentsAdapter extends ReclaimDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ReclaimRepository,
  ) {
    super();
  }

  async notice(noticeId: string): Promise<ReclaimDocument | undefined> {
    const pdf = await this.repository.letterOf(this.dataSource.manager, noticeId);
    return pdf ? { fileName: 'varsel-om-tilbakekreving.pdf', mediaType: 'application/pdf', content: pdf } : undefined;
  }
}
