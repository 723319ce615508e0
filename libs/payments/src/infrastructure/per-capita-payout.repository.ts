import { Injectable } from '@nestjs/common';
import { Money } from '@imdi/kernel';
import type { EntityManager } from 'typeorm';
import type { SettledPeriod, SettlementLine } from '../domain/per-capita-settlement';

export interface PerCapitaPayoutRow {
  readonly id: string;
  readonly period: string;
  readonly sequence: number;
  readonly owed: Money;
  readonly difference: Money;
  readonly offset: Money;
  readonly paid: Money;
  readonly runId: string;
  readonly createdAt: string;
}

/** A settlement line as the municipality reads it: the basis it was computed from, and the payment that paid it. */
export interface MunicipalitySettlementRow {
  readonly id: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly period: string;
  readonly sequence: number;
  readonly organisationNumber: string;
  readonly owed: Money;
  readonly difference: Money;
  readonly paid: Money;
  readonly basis: { readonly lines?: ReadonlyArray<{ readonly rateCode: string; readonly persons: number; readonly amountNok: string }> };
  /** The payment's execution date, when this line paid anything. */
  readonly paidOn: string | null;
}

export interface PerCapitaPayment {
  readonly payoutId: string;
  readonly amount: Money;
  readonly reference: string;
}

/** SQL of per-capita settlements per scheme, municipality and period. */
@Injectable()
export class PerCapitaPayoutRepository {
  /** Municipalities with records or with earlier settlements (whose records may all have been voided since), by keyset. */
  async municipalities(manager: EntityManager, schemeCode: string, budgetYear: number, after: string, limit: number): Promise<string[]> {
    const rows: Array<{ organisation_number: string }> = await manager.query(
      `SELECT organisation_number FROM (
         SELECT DISTINCT organisation_number FROM settled_person WHERE scheme_code = $1 AND organisation_number > $3
         UNION
         SELECT DISTINCT organisation_number FROM per_capita_payout WHERE scheme_code = $1 AND budget_year = $2 AND organisation_number > $3
       ) municipalities ORDER BY organisation_number LIMIT $4`,
      [schemeCode, budgetYear, after, limit],
    );
    return rows.map((row) => row.organisation_number);
  }

  /**
   * What runs up to the cut-off settled for the scheme's year, over all municipalities. Each settlement
   * line records what the period was owed at that run; the latest line per period is what has been settled.
   */
  async settledUpTo(manager: EntityManager, schemeCode: string, budgetYear: number, asOf: string | null): Promise<Money> {
    const [{ settled }]: Array<{ settled: string }> = await manager.query(
      `SELECT coalesce(sum(latest.owed_ore), 0)::text AS settled FROM (
         SELECT DISTINCT ON (p.organisation_number, p.period) p.owed_ore
         FROM per_capita_payout p JOIN payout_run r ON r.id = p.run_id
         WHERE p.scheme_code = $1 AND p.budget_year = $2 AND ($3::date IS NULL OR r.as_of <= $3::date)
         ORDER BY p.organisation_number, p.period, p.sequence DESC) latest`,
      [schemeCode, budgetYear, asOf],
    );
    return Money.ofOre(settled);
  }

  /**
   * Settlements of one municipality and scheme year take turns (until the transaction ends), so that a
   * second run at the same moment finds the first one's lines.
   */
  async lockMunicipality(manager: EntityManager, schemeCode: string, budgetYear: number, organisationNumber: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`per-capita:${schemeCode}:${budgetYear}:${organisationNumber}`]);
  }

  async settledPeriods(manager: EntityManager, schemeCode: string, budgetYear: number, organisationNumber: string): Promise<SettledPeriod[]> {
    const rows: Array<{ period: string; last_sequence: number; settled_ore: string }> = await manager.query(
      `SELECT period, max(sequence) AS last_sequence, sum(difference_ore)::text AS settled_ore FROM per_capita_payout
       WHERE scheme_code = $1 AND budget_year = $2 AND organisation_number = $3 GROUP BY period`,
      [schemeCode, budgetYear, organisationNumber],
    );
    return rows.map((row) => ({ period: row.period, lastSequence: row.last_sequence, settled: Money.ofOre(row.settled_ore) }));
  }

  /** Overpayment found by earlier runs of the year and not yet set off. */
  async credit(manager: EntityManager, schemeCode: string, budgetYear: number, organisationNumber: string): Promise<Money> {
    const [row]: Array<{ credit_ore: string }> = await manager.query(
      `SELECT (coalesce(sum(-difference_ore) FILTER (WHERE difference_ore < 0), 0) - coalesce(sum(offset_ore), 0))::text AS credit_ore
       FROM per_capita_payout WHERE scheme_code = $1 AND budget_year = $2 AND organisation_number = $3`,
      [schemeCode, budgetYear, organisationNumber],
    );
    return Money.ofOre(row.credit_ore);
  }

  /**
   * Writes a settlement's lines; returns their ids by period. A line whose key another run took
   * first is not written, and the caller gives up the whole settlement: that run saw the same records.
   */
  async insertLines(
    manager: EntityManager,
    key: { readonly schemeCode: string; readonly budgetYear: number; readonly organisationNumber: string; readonly runId: string },
    lines: ReadonlyArray<SettlementLine & { readonly basis: object }>,
  ): Promise<Map<string, string> | undefined> {
    const rows: Array<{ id: string; period: string }> = await manager.query(
      `INSERT INTO per_capita_payout (scheme_code, budget_year, organisation_number, run_id, period, sequence, owed_ore, difference_ore, offset_ore, paid_ore, basis)
       SELECT $1::text, $2::int, $3::text, $4::uuid, * FROM unnest($5::text[], $6::int[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::jsonb[])
       ON CONFLICT (scheme_code, organisation_number, period, sequence) DO NOTHING
       RETURNING id, period`,
      [
        key.schemeCode,
        key.budgetYear,
        key.organisationNumber,
        key.runId,
        lines.map((line) => line.period),
        lines.map((line) => line.sequence),
        lines.map((line) => line.owed.toOreString()),
        lines.map((line) => line.difference.toOreString()),
        lines.map((line) => line.offset.toOreString()),
        lines.map((line) => line.paid.toOreString()),
        lines.map((line) => JSON.stringify(line.basis)),
      ],
    );
    return rows.length === lines.length ? new Map(rows.map((row) => [row.period, row.id])) : undefined;
  }

  /** A payment takes the id of the per-capita line it pays out. */
  async insertPayments(
    manager: EntityManager,
    run: {
      readonly runId: string;
      readonly batchId: string;
      readonly postingId: string;
      readonly executionDate: string;
      readonly budgetYear: number;
      readonly chapter: string;
      readonly post: string;
      readonly schemeCode: string;
    },
    recipient: { readonly organisationNumber: string; readonly accountNumber: string },
    payments: readonly PerCapitaPayment[],
  ): Promise<void> {
    if (payments.length === 0) return;
    await manager.query(
      `INSERT INTO payment (id, per_capita_payout_id, run_id, batch_id, posting_id, amount_ore, execution_date, budget_year, chapter, post, scheme_code, reference, organisation_number, account_number)
       SELECT t.id, t.id, $1::uuid, $2::uuid, $3::uuid, t.amount_ore, $4::date, $5::int, $6::text, $7::text, $8::text, t.reference, $9::text, $10::text
       FROM unnest($11::uuid[], $12::bigint[], $13::text[]) AS t(id, amount_ore, reference)`,
      [
        run.runId,
        run.batchId,
        run.postingId,
        run.executionDate,
        run.budgetYear,
        run.chapter,
        run.post,
        run.schemeCode,
        recipient.organisationNumber,
        recipient.accountNumber,
        payments.map((payment) => payment.payoutId),
        payments.map((payment) => payment.amount.toOreString()),
        payments.map((payment) => payment.reference),
      ],
    );
  }

  async ofMunicipality(manager: EntityManager, schemeCode: string, budgetYear: number, organisationNumber: string): Promise<PerCapitaPayoutRow[]> {
    const rows: Array<{
      id: string;
      period: string;
      sequence: number;
      owed_ore: string;
      difference_ore: string;
      offset_ore: string;
      paid_ore: string;
      run_id: string;
      created_at: Date;
    }> = await manager.query(
      `SELECT id, period, sequence, owed_ore, difference_ore, offset_ore, paid_ore, run_id, created_at FROM per_capita_payout
       WHERE scheme_code = $1 AND budget_year = $2 AND organisation_number = $3 ORDER BY period, sequence`,
      [schemeCode, budgetYear, organisationNumber],
    );
    return rows.map((row) => ({
      id: row.id,
      period: row.period,
      sequence: row.sequence,
      owed: Money.ofOre(row.owed_ore),
      difference: Money.ofOre(row.difference_ore),
      offset: Money.ofOre(row.offset_ore),
      paid: Money.ofOre(row.paid_ore),
      runId: row.run_id,
      createdAt: row.created_at.toISOString(),
    }));
  }

  /**
   * Every settlement line of the given municipalities, newest year and period first, each with the
   * payment that paid it (per_capita_payout_organisation_idx; payment_per_capita_payout_key).
   */
  async ofOrganisations(manager: EntityManager, organisationNumbers: readonly string[], limit: number): Promise<MunicipalitySettlementRow[]> {
    if (organisationNumbers.length === 0) return [];
    const rows: Array<{
      id: string;
      scheme_code: string;
      budget_year: number;
      period: string;
      sequence: number;
      organisation_number: string;
      owed_ore: string;
      difference_ore: string;
      paid_ore: string;
      basis: MunicipalitySettlementRow['basis'];
      paid_on: string | null;
    }> = await manager.query(
      `SELECT p.id, p.scheme_code, p.budget_year, p.period, p.sequence, p.organisation_number, p.owed_ore::text, p.difference_ore::text, p.paid_ore::text,
              p.basis, to_char(pay.execution_date, 'YYYY-MM-DD') AS paid_on
       FROM per_capita_payout p
       LEFT JOIN payment pay ON pay.per_capita_payout_id = p.id
       WHERE p.organisation_number = ANY($1::text[])
       ORDER BY p.budget_year DESC, p.period DESC, p.sequence DESC, p.scheme_code
       LIMIT $2`,
      [organisationNumbers, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      schemeCode: row.scheme_code,
      budgetYear: row.budget_year,
      period: row.period,
      sequence: row.sequence,
      organisationNumber: row.organisation_number,
      owed: Money.ofOre(row.owed_ore),
      difference: Money.ofOre(row.difference_ore),
      paid: Money.ofOre(row.paid_ore),
      basis: row.basis,
      paidOn: row.paid_on,
    }));
  }

  /** Municipalities still holding overpayment for the year: to be set off by a later run or reclaimed. */
  async outstandingCredit(manager: EntityManager, schemeCode: string, budgetYear: number): Promise<Array<{ organisationNumber: string; credit: Money }>> {
    const rows: Array<{ organisation_number: string; credit_ore: string }> = await manager.query(
      `SELECT organisation_number, (coalesce(sum(-difference_ore) FILTER (WHERE difference_ore < 0), 0) - coalesce(sum(offset_ore), 0))::text AS credit_ore
       FROM per_capita_payout WHERE scheme_code = $1 AND budget_year = $2
       GROUP BY organisation_number
       HAVING coalesce(sum(-difference_ore) FILTER (WHERE difference_ore < 0), 0) - coalesce(sum(offset_ore), 0) > 0
       ORDER BY organisation_number`,
      [schemeCode, budgetYear],
    );
    return rows.map((row) => ({ organisationNumber: row.organisation_number, credit: Money.ofOre(row.credit_ore) }));
  }
}
