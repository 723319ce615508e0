import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type LetterKind = 'grant' | 'refusal';

export interface LetterRow {
  readonly id: string;
  readonly kind: LetterKind;
  readonly written_standard: 'nb' | 'nn';
  readonly sha256: string;
  readonly produced_at: Date;
}

export interface NewLetter {
  readonly caseId: string;
  readonly decisionId: string;
  readonly kind: LetterKind;
  readonly writtenStandard: 'nb' | 'nn';
  readonly pdf: Buffer;
  readonly sha256: string;
  readonly producedBy: string;
  readonly producedAt: Date;
  readonly documentNumber: number;
}

/** Decision letters (table `letter`, immutable once stored) and municipalities' assignment letters. */
@Injectable()
export class LetterRepository {
  /** When the case's latest letter (of a kind, if given) was produced. */
  async latestProducedAt(manager: EntityManager, caseId: string, kind?: LetterKind): Promise<Date | undefined> {
    const [letter]: Array<{ produced_at: Date }> = await manager.query(
      `SELECT produced_at FROM letter WHERE case_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY produced_at DESC LIMIT 1`,
      [caseId, kind ?? null],
    );
    return letter?.produced_at;
  }

  async insert(manager: EntityManager, letter: NewLetter): Promise<{ id: string; producedAt: Date }> {
    const [row]: Array<{ id: string; produced_at: Date }> = await manager.query(
      `INSERT INTO letter (case_id, decision_id, kind, written_standard, pdf, sha256, produced_by, produced_at, document_number) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, produced_at`,
      [
        letter.caseId,
        letter.decisionId,
        letter.kind,
        letter.writtenStandard,
        letter.pdf,
        letter.sha256,
        letter.producedBy,
        letter.producedAt,
        letter.documentNumber,
      ],
    );
    return { id: row.id, producedAt: row.produced_at };
  }

  async listOf(manager: EntityManager, caseId: string): Promise<LetterRow[]> {
    return manager.query(`SELECT id, kind, written_standard, sha256, produced_at FROM letter WHERE case_id = $1 ORDER BY produced_at`, [caseId]);
  }

  async pdf(manager: EntityManager, caseId: string, letterId: string): Promise<{ pdf: Buffer; sha256: string } | undefined> {
    const [row]: Array<{ pdf: Buffer; sha256: string }> = await manager.query(`SELECT pdf, sha256 FROM letter WHERE case_id = $1 AND id = $2`, [
      caseId,
      letterId,
    ]);
    return row;
  }

  /** A municipality's assignment letter for a scheme and year; undefined when it already has one. */
  async insertAssignmentLetter(
    manager: EntityManager,
    letter: { organisationId: string; schemeCode: string; budgetYear: number; frameOre: string; pdf: Buffer; sha256: string; producedBy: string },
  ): Promise<string | undefined> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO assignment_letter (organisation_id, scheme_code, budget_year, frame_ore, pdf, sha256, produced_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organisation_id, scheme_code, budget_year) DO NOTHING RETURNING id`,
      [letter.organisationId, letter.schemeCode, letter.budgetYear, letter.frameOre, letter.pdf, letter.sha256, letter.producedBy],
    );
    return row?.id;
  }

  async assignmentLetter(manager: EntityManager, id: string): Promise<{ organisationId: string; pdf: Buffer; sha256: string } | undefined> {
    const [row]: Array<{ organisation_id: string; pdf: Buffer; sha256: string }> = await manager.query(
      `SELECT organisation_id, pdf, sha256 FROM assignment_letter WHERE id = $1`,
      [id],
    );
    return row && { organisationId: row.organisation_id, pdf: row.pdf, sha256: row.sha256 };
  }

  /** The assignment letters written to these organisations, newest year first (no PDF bytes). */
  async assignmentLettersOf(
    manager: EntityManager,
    organisationIds: readonly string[],
  ): Promise<Array<{ id: string; organisationId: string; schemeCode: string; budgetYear: number; frameOre: string; producedAt: Date }>> {
    if (organisationIds.length === 0) return [];
    const rows: Array<{ id: string; organisation_id: string; scheme_code: string; budget_year: number; frame_ore: string; produced_at: Date }> =
      await manager.query(
        `SELECT id, organisation_id, scheme_code, budget_year, frame_ore, produced_at FROM assignment_letter
        WHERE organisation_id = ANY($1::uuid[]) ORDER BY budget_year DESC, produced_at DESC`,
        [organisationIds],
      );
    return rows.map((row) => ({
      id: row.id,
      organisationId: row.organisation_id,
      schemeCode: row.scheme_code,
      budgetYear: row.budget_year,
      frameOre: String(row.frame_ore),
      producedAt: row.produced_at,
    }));
  }
}
