import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationRepository } from '../infrastructure/application.repository';

/** A document intake produced, as it keeps it. */
export interface IntakeDocument {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

/** The documents intake produces, for the contexts that archive them (the journal): the receipt's PDF. */
@Injectable()
export class IntakeDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
  ) {}

  /** The stored receipt of the application (= case) `caseId`; undefined before it is issued. */
  async receipt(caseId: string): Promise<IntakeDocument | undefined> {
    const stored = await this.applications.receipt(this.dataSource.manager, caseId);
    return stored && { fileName: 'kvittering.pdf', mediaType: 'application/pdf', content: stored.pdf };
  }
}
