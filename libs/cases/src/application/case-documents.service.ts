import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseDocumentCounterRepository } from '../infrastructure/case-document-counter.repository';

/** The application received is always the case's first document. */
export const APPLICATION_DOCUMENT_NUMBER = 1;

/**
 * The one owner of a case's document numbers (the n in "Vår ref. 2017/00042-n" and the journal's
 * dokumentnummer): casework's letters, payments' reclaim notices and the journal's entries all take
 * theirs here, so a number names one document whoever wrote it. Numbers are taken in the caller's
 * transaction; the counter row is locked until it ends, so numbers on a case are unique, in the
 * order their transactions took them, and without gaps from rolled-back writers.
 */
@Injectable()
export class CaseDocuments {
  constructor(private readonly counter: CaseDocumentCounterRepository) {}

  /** The case's next document number (2 for its first document after the application). */
  async next(caseId: string, manager: EntityManager): Promise<number> {
    return this.counter.next(manager, caseId, APPLICATION_DOCUMENT_NUMBER + 1);
  }

  /** The number the next document would get now (for a draft; not reserved). */
  async peek(caseId: string, manager: EntityManager): Promise<number> {
    return ((await this.counter.last(manager, caseId)) ?? APPLICATION_DOCUMENT_NUMBER) + 1;
  }
}
