import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The counter row of each case's document numbers (`case_document_counter`, owned by cases). */
@Injectable()
export class CaseDocumentCounterRepository {
  /**
   * Takes the case's next document number. The row stays locked until the caller's transaction
   * ends, so concurrent writers on one case queue here and a rolled-back one gives its number back.
   */
  async next(manager: EntityManager, caseId: string, first: number): Promise<number> {
    // The case row first, as every case action takes it: a counter row inserted before its case row's key
    // check would hold up an action that has the case and waits for this counter (a deadlock, seen in CI).
    await manager.query(`SELECT 1 FROM case_file WHERE id = $1 FOR KEY SHARE`, [caseId]);
    const [row]: Array<{ last_number: number }> = await manager.query(
      `INSERT INTO case_document_counter (case_id, last_number) VALUES ($1, $2)
       ON CONFLICT (case_id) DO UPDATE SET last_number = case_document_counter.last_number + 1, updated_at = now() RETURNING last_number`,
      [caseId, first],
    );
    return row.last_number;
  }

  async last(manager: EntityManager, caseId: string): Promise<number | undefined> {
    const [row]: Array<{ last_number: number }> = await manager.query(`SELECT last_number FROM case_document_counter WHERE case_id = $1`, [caseId]);
    return row?.last_number;
  }
}
