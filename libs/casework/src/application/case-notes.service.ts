import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle } from '@imdi/cases';
import { DataSource } from 'typeorm';
import { CaseworkError } from '../domain/casework.errors';
import { CaseworkRepository, type CaseNoteRecord } from '../infrastructure/casework.repository';

export interface CaseNoteView {
  readonly id: string;
  readonly text: string;
  readonly writtenBy: string;
  readonly writtenByName: string | null;
  readonly writtenAt: string;
}

const toView = (note: CaseNoteRecord): CaseNoteView => ({
  id: note.id,
  text: note.text,
  writtenBy: note.writtenBy,
  writtenByName: note.writtenByName,
  writtenAt: note.writtenAt.toISOString(),
});

/** Internal notes staff keep on a case for each other; never sent to the applicant, each one audited. */
@Injectable()
export class CaseNotes {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseLifecycle,
    private readonly repository: CaseworkRepository,
    private readonly audit: AuditTrail,
  ) {}

  async add(caseId: string, text: string, principal: Principal): Promise<CaseNoteView> {
    if (text.trim() === '') throw new CaseworkError('NOTE_INVALID', 'Skriv noe i notatet.', {}, 'text');
    return this.dataSource.transaction(async (manager) => {
      await this.cases.lockCase(manager, caseId);
      const note = await this.repository.addNote(manager, caseId, text.trim(), principal.userId, principal.name || null);
      await this.audit.record(manager, { actor: principal, action: 'case.note-added', entityType: 'case', entityId: caseId, after: { noteId: note.id } });
      return toView(note);
    });
  }

  async list(caseId: string): Promise<CaseNoteView[]> {
    const manager = this.dataSource.manager;
    if (!(await this.cases.find(manager, caseId))) throw new CaseworkError('LETTER_NOT_FOUND', `Fant ingen sak med id ${caseId}.`, {}, 'id');
    return (await this.repository.notes(manager, caseId)).map(toView);
  }
}
