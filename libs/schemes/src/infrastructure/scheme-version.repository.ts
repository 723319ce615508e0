import { Injectable } from '@nestjs/common';
import { BudgetPost, Money } from '@imdi/kernel';
import type { EntityManager } from 'typeorm';
import type { SchemeRate, SchemeVersion } from '../domain/scheme-version';
import type { AppealRoute, ApplicantType, SchemeKind } from '../domain/scheme-terms';

interface VersionRecord {
  id: string;
  scheme_code: string;
  budget_year: number;
  name_nb: string;
  name_nn: string;
  kind: SchemeKind;
  chapter: string;
  post: string;
  earmark_codes: string[];
  applicant_types: ApplicantType[];
  appeal_route: AppealRoute;
  opens_at: Date | null;
  deadline_at: Date | null;
  legal_basis: string;
  purpose_nb: string;
  purpose_nn: string;
  notes: string | null;
  frozen_at: Date | null;
}

interface RateRecord {
  scheme_version_id: string;
  code: string;
  label: string;
  amount_ore: string;
  unit: string;
  provisional: boolean;
  source: string;
  confirmed_at: Date | null;
  confirmed_by: string | null;
}

export type NewSchemeVersion = Omit<SchemeVersion, 'id' | 'frozenAt' | 'rates'> & {
  readonly rates: ReadonlyArray<Pick<SchemeRate, 'code' | 'label' | 'amount' | 'unit' | 'provisional' | 'source'>>;
};

@Injectable()
export class SchemeVersionRepository {
  async find(manager: EntityManager, schemeCode: string, budgetYear: number, lock = false): Promise<SchemeVersion | undefined> {
    if (lock) {
      const rows: VersionRecord[] = await manager.query(`SELECT * FROM scheme_version WHERE scheme_code = $1 AND budget_year = $2 FOR UPDATE`, [
        schemeCode,
        budgetYear,
      ]);
      return rows[0] && (await this.withRates(manager, rows))[0];
    }
    // Read on every submission: the version and its rates in one round trip.
    const rows: Array<VersionRecord & { rates: Array<Omit<RateRecord, 'confirmed_at'> & { confirmed_at: string | null }> }> = await manager.query(
      `SELECT v.*, coalesce((
         SELECT jsonb_agg(to_jsonb(r) || jsonb_build_object('amount_ore', r.amount_ore::text) ORDER BY r.created_at, r.code)
         FROM scheme_rate r WHERE r.scheme_version_id = v.id), '[]') AS rates
       FROM scheme_version v WHERE v.scheme_code = $1 AND v.budget_year = $2`,
      [schemeCode, budgetYear],
    );
    if (!rows[0]) return undefined;
    const rates = rows[0].rates.map((rate) => ({ ...rate, confirmed_at: rate.confirmed_at === null ? null : new Date(rate.confirmed_at) }));
    return toSchemeVersion(rows[0], rates);
  }

  async findById(manager: EntityManager, id: string): Promise<SchemeVersion | undefined> {
    const rows: VersionRecord[] = await manager.query(`SELECT * FROM scheme_version WHERE id = $1`, [id]);
    return rows[0] && (await this.withRates(manager, rows))[0];
  }

  async listYear(manager: EntityManager, budgetYear: number): Promise<SchemeVersion[]> {
    const rows: VersionRecord[] = await manager.query(`SELECT * FROM scheme_version WHERE budget_year = $1`, [budgetYear]);
    return this.withRates(manager, rows);
  }

  async latestYear(manager: EntityManager): Promise<number | undefined> {
    const rows: Array<{ year: number | null }> = await manager.query(`SELECT max(budget_year) AS year FROM scheme_version`);
    return rows[0]?.year ?? undefined;
  }

  /** The new version's id, or undefined when the scheme already has a version for the year (also one committed meanwhile). */
  async insert(manager: EntityManager, version: NewSchemeVersion): Promise<string | undefined> {
    const [inserted]: Array<{ id: string } | undefined> = await manager.query(
      `INSERT INTO scheme_version (scheme_code, budget_year, name_nb, name_nn, kind, chapter, post, earmark_codes, applicant_types,
         appeal_route, opens_at, deadline_at, legal_basis, purpose_nb, purpose_nn, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (scheme_code, budget_year) DO NOTHING RETURNING id`,
      [
        version.schemeCode,
        version.budgetYear,
        version.name.nb,
        version.name.nn,
        version.kind,
        version.budgetPost.chapter,
        version.budgetPost.post,
        [...version.earmarkCodes],
        [...version.applicantTypes],
        version.appealRoute,
        version.window?.opensAt ?? null,
        version.window?.deadlineAt ?? null,
        version.legalBasis,
        version.purpose.nb,
        version.purpose.nn,
        version.notes,
      ],
    );
    if (!inserted) return undefined;
    const { id } = inserted;
    for (const rate of version.rates) {
      await manager.query(
        `INSERT INTO scheme_rate (scheme_version_id, code, label, amount_ore, unit, provisional, source) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, rate.code, rate.label, rate.amount.toOreString(), rate.unit, rate.provisional, rate.source],
      );
    }
    return id;
  }

  async updateTerms(
    manager: EntityManager,
    id: string,
    terms: Pick<SchemeVersion, 'name' | 'applicantTypes' | 'earmarkCodes' | 'window' | 'purpose' | 'legalBasis' | 'notes'>,
  ): Promise<void> {
    await manager.query(
      `UPDATE scheme_version SET name_nb = $2, name_nn = $3, applicant_types = $4, earmark_codes = $5, opens_at = $6, deadline_at = $7,
         purpose_nb = $8, purpose_nn = $9, legal_basis = $10, notes = $11, updated_at = now() WHERE id = $1`,
      [
        id,
        terms.name.nb,
        terms.name.nn,
        [...terms.applicantTypes],
        [...terms.earmarkCodes],
        terms.window?.opensAt ?? null,
        terms.window?.deadlineAt ?? null,
        terms.purpose.nb,
        terms.purpose.nn,
        terms.legalBasis,
        terms.notes,
      ],
    );
  }

  async setRateAmount(manager: EntityManager, versionId: string, code: string, amount: Money, source: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE scheme_rate SET amount_ore = $3, source = $4, provisional = false, confirmed_at = NULL, confirmed_by = NULL, updated_at = now()
       WHERE scheme_version_id = $1 AND code = $2 RETURNING id`,
      [versionId, code, amount.toOreString(), source],
    );
    return affected === 1;
  }

  async confirmRate(manager: EntityManager, versionId: string, code: string, confirmedBy: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE scheme_rate SET confirmed_at = now(), confirmed_by = $3, updated_at = now()
       WHERE scheme_version_id = $1 AND code = $2 RETURNING id`,
      [versionId, code, confirmedBy],
    );
    return affected === 1;
  }

  async freeze(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(`UPDATE scheme_version SET frozen_at = now(), frozen_by_reason = $2 WHERE id = $1 AND frozen_at IS NULL`, [id, reason]);
  }

  private async withRates(manager: EntityManager, rows: VersionRecord[]): Promise<SchemeVersion[]> {
    if (rows.length === 0) return [];
    const rates: RateRecord[] = await manager.query(`SELECT * FROM scheme_rate WHERE scheme_version_id = ANY($1::uuid[]) ORDER BY created_at, code`, [
      rows.map((row) => row.id),
    ]);
    return rows.map((row) =>
      toSchemeVersion(
        row,
        rates.filter((rate) => rate.scheme_version_id === row.id),
      ),
    );
  }
}

function toSchemeVersion(row: VersionRecord, rates: readonly RateRecord[]): SchemeVersion {
  return {
    id: row.id,
    schemeCode: row.scheme_code,
    budgetYear: row.budget_year,
    name: { nb: row.name_nb, nn: row.name_nn },
    kind: row.kind,
    budgetPost: BudgetPost.of({ chapter: row.chapter, post: row.post }),
    earmarkCodes: row.earmark_codes,
    applicantTypes: row.applicant_types,
    appealRoute: row.appeal_route,
    window: row.opens_at && row.deadline_at ? { opensAt: row.opens_at, deadlineAt: row.deadline_at } : null,
    legalBasis: row.legal_basis,
    purpose: { nb: row.purpose_nb, nn: row.purpose_nn },
    notes: row.notes,
    frozenAt: row.frozen_at,
    rates: rates.map((rate) => ({
      code: rate.code,
      label: rate.label,
      amount: Money.ofOre(rate.amount_ore),
      unit: rate.unit,
      provisional: rate.provisional,
      source: rate.source,
      confirmed: rate.confirmed_at !== null,
      confirmedAt: rate.confirmed_at,
      confirmedBy: rate.confirmed_by,
    })),
  };
}
