import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type AppealKind = 'klage' | 'renewed-assessment';
export type MinistryAppealOutcome = 'upheld' | 'reversed';

export interface AppealRow {
  readonly id: string;
  readonly case_id: string;
  readonly decision_id: string;
  readonly kind: AppealKind;
  readonly grounds: string;
  readonly received_at: Date;
  readonly deadline_at: Date;
  readonly late: boolean;
  readonly outcome: 'reversed' | 'upheld' | null;
  readonly summary_for_ministry: string | null;
  readonly forwarded_at: Date | null;
  /** When IMDi answered the appeal (reversed or upheld). */
  readonly decided_at: Date | null;
  readonly ministry_outcome: MinistryAppealOutcome | null;
  readonly ministry_reasons: string | null;
  readonly ministry_decided_by: string | null;
  readonly ministry_decided_by_name: string | null;
  readonly ministry_decided_at: Date | null;
}

/** Appeals (klage, fvl. chapter VI) and renewed assessments (table `appeal`). */
@Injectable()
export class AppealRepository {
  async insert(
    manager: EntityManager,
    appeal: { caseId: string; decisionId: string; kind: AppealKind; grounds: string; receivedAt: Date; deadlineAt: Date; late: boolean; submittedBy: string },
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO appeal (case_id, decision_id, kind, grounds, received_at, deadline_at, late, submitted_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [appeal.caseId, appeal.decisionId, appeal.kind, appeal.grounds, appeal.receivedAt, appeal.deadlineAt, appeal.late, appeal.submittedBy],
    );
    return row.id;
  }

  /** The case's appeal still waiting for IMDi's answer, newest first. */
  async openOf(manager: EntityManager, caseId: string): Promise<Pick<AppealRow, 'id' | 'decision_id' | 'kind'> | undefined> {
    const [appeal]: Array<Pick<AppealRow, 'id' | 'decision_id' | 'kind'>> = await manager.query(
      `SELECT id, decision_id, kind FROM appeal WHERE case_id = $1 AND outcome IS NULL ORDER BY received_at DESC LIMIT 1`,
      [caseId],
    );
    return appeal;
  }

  /** The case's latest appeal, answered or not. */
  async latestOf(manager: EntityManager, caseId: string): Promise<AppealRow | undefined> {
    const [appeal]: AppealRow[] = await manager.query(`SELECT * FROM appeal WHERE case_id = $1 ORDER BY received_at DESC LIMIT 1`, [caseId]);
    return appeal;
  }

  async byId(manager: EntityManager, id: string): Promise<AppealRow | undefined> {
    const [appeal]: AppealRow[] = await manager.query(`SELECT * FROM appeal WHERE id = $1`, [id]);
    return appeal;
  }

  /** `at` is the application clock's instant, as every legal date of the case. */
  async markReversed(manager: EntityManager, id: string, decidedBy: string, at: Date): Promise<void> {
    await manager.query(`UPDATE appeal SET outcome = 'reversed', decided_by = $2, decided_at = $3 WHERE id = $1`, [id, decidedBy, at]);
  }

  async markUpheld(manager: EntityManager, id: string, summary: string, forwarded: boolean, decidedBy: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE appeal SET outcome = 'upheld', summary_for_ministry = $2, forwarded_at = CASE WHEN $3 THEN $5::timestamptz END, decided_by = $4, decided_at = $5 WHERE id = $1`,
      [id, summary, forwarded, decidedBy, at],
    );
  }

  /** Appeals forwarded to the ministry as appeal body, newest first. */
  async forwardedIds(manager: EntityManager, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM appeal WHERE forwarded_at IS NOT NULL ORDER BY forwarded_at DESC LIMIT $1`, [
      limit,
    ]);
    return rows.map((row) => row.id);
  }

  /** Records the ministry's decision on a forwarded appeal once; false when it is not forwarded or already decided. */
  async recordMinistryDecision(
    manager: EntityManager,
    id: string,
    decision: { outcome: MinistryAppealOutcome; reasons: string; decidedBy: string; decidedByName: string | null; decidedAt: Date },
  ): Promise<boolean> {
    const rows: Array<{ id: string }> = await manager.query(
      `UPDATE appeal SET ministry_outcome = $2, ministry_reasons = $3, ministry_decided_by = $4, ministry_decided_by_name = $5, ministry_decided_at = $6
        WHERE id = $1 AND forwarded_at IS NOT NULL AND ministry_outcome IS NULL RETURNING id`,
      [id, decision.outcome, decision.reasons, decision.decidedBy, decision.decidedByName, decision.decidedAt],
    );
    return rows.length === 1;
  }
}
