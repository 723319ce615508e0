import { Injectable } from '@nestjs/common';
import { Money } from '@imdi/kernel';
import type { EntityManager } from 'typeorm';

/** The end of an Oslo date as an SQL expression on a date parameter: everything before it counts. */
const END_OF_OSLO_DAY = (parameter: string) => `((${parameter}::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo')`;

export interface SchemeFigures {
  readonly schemeCode: string;
  readonly schemeName: string;
  readonly budgetPost: string;
  readonly received: number;
  readonly requested: Money;
  readonly granted: number;
  readonly grantedAmount: Money;
  readonly refused: number;
  readonly rejectedFormally: number;
  /** Tenths of days from receipt to decision, one per decided case. */
  readonly processingTenths: readonly number[];
  readonly reportsReceived: number;
  readonly reportsOverdue: number;
}

export interface PersonFigures {
  readonly schemeCode: string;
  readonly schemeName: string;
  readonly budgetPost: string;
  readonly source: 'settled-persons' | 'recipient-reports';
  readonly female: number;
  readonly male: number;
  readonly specialCriterionFemale: number;
  readonly specialCriterionMale: number;
}

/**
 * The reporting context's read model: named, reviewable queries over the views the other contexts
 * publish (scheme_catalogue, budget_frame, case_register, applicant_directory, approved_decision,
 * settled_person_statistic, report_figures), never their tables. The forecast comes from the budget
 * context's BudgetForecastQuery, the same the budget page shows.
 */
@Injectable()
export class ReportQueries {
  /** Whether the year has a budget frame at all, or (given a kap./post) one for that post. */
  async hasBudgetFrame(manager: EntityManager, budgetYear: number, chapter: string | null, post: string | null): Promise<boolean> {
    const rows: Array<{ found: boolean }> = await manager.query(
      `SELECT true AS found FROM budget_frame WHERE budget_year = $1 AND ($2::text IS NULL OR (chapter = $2 AND post = $3)) LIMIT 1`,
      [budgetYear, chapter, post],
    );
    return rows.length > 0;
  }

  /** Applications, decisions, processing times and recipients' reports per scheme of a budget year, up to the cut-off. */
  async schemeFigures(manager: EntityManager, budgetYear: number, asOf: string): Promise<SchemeFigures[]> {
    const rows: Array<{
      scheme_code: string;
      name_nb: string;
      chapter: string;
      post: string;
      received: number;
      requested: string;
      granted: number;
      granted_amount: string;
      refused: number;
      rejected_formally: number;
      processing_seconds: string[] | null;
      reports_received: number;
      reports_overdue: number;
    }> = await manager.query(
      `WITH received AS (
         SELECT c.case_id AS id, c.scheme_code, c.status, c.received_at, coalesce(a.requested_ore, 0) AS requested_ore
         FROM case_register c JOIN applicant_directory a ON a.application_id = c.case_id
         WHERE c.budget_year = $1 AND c.received_at < ${END_OF_OSLO_DAY('$2')}
       ), decided AS (
         SELECT DISTINCT ON (d.case_id) d.case_id, d.outcome, d.amount_ore, d.approved_at
         FROM approved_decision d JOIN received r ON r.id = d.case_id
         WHERE d.approved_at < ${END_OF_OSLO_DAY('$2')}
         ORDER BY d.case_id, d.approved_at DESC
       ), per_scheme AS (
         SELECT r.scheme_code,
                count(*)::int AS received,
                sum(r.requested_ore)::text AS requested,
                (count(*) FILTER (WHERE d.outcome IN ('granted', 'partly_granted')))::int AS granted,
                coalesce(sum(d.amount_ore) FILTER (WHERE d.outcome IN ('granted', 'partly_granted')), 0)::text AS granted_amount,
                (count(*) FILTER (WHERE d.outcome = 'refused'))::int AS refused,
                (count(*) FILTER (WHERE r.status = 'rejected_formal'))::int AS rejected_formally,
                array_agg(floor(extract(epoch FROM d.approved_at - r.received_at))::bigint::text) FILTER (WHERE d.case_id IS NOT NULL) AS processing_seconds
         FROM received r LEFT JOIN decided d ON d.case_id = r.id
         GROUP BY r.scheme_code
       ), reports AS (
         SELECT scheme_code,
                (count(*) FILTER (WHERE submitted_at < ${END_OF_OSLO_DAY('$2')}))::int AS reports_received,
                (count(*) FILTER (WHERE due_on < $2::date AND (submitted_at IS NULL OR submitted_at >= ${END_OF_OSLO_DAY('$2')})))::int AS reports_overdue
         FROM report_figures WHERE budget_year = $1
         GROUP BY scheme_code
       )
       SELECT v.scheme_code, v.name_nb, v.chapter, v.post,
              coalesce(s.received, 0) AS received, coalesce(s.requested, '0') AS requested,
              coalesce(s.granted, 0) AS granted, coalesce(s.granted_amount, '0') AS granted_amount,
              coalesce(s.refused, 0) AS refused, coalesce(s.rejected_formally, 0) AS rejected_formally,
              s.processing_seconds,
              coalesce(rp.reports_received, 0) AS reports_received, coalesce(rp.reports_overdue, 0) AS reports_overdue
       FROM scheme_catalogue v
       LEFT JOIN per_scheme s ON s.scheme_code = v.scheme_code
       LEFT JOIN reports rp ON rp.scheme_code = v.scheme_code
       WHERE v.budget_year = $1
       ORDER BY v.chapter::int, v.post, v.scheme_code`,
      [budgetYear, asOf],
    );
    return rows.map((row) => ({
      schemeCode: row.scheme_code,
      schemeName: row.name_nb,
      budgetPost: `${row.chapter}.${row.post}`,
      received: row.received,
      requested: Money.ofOre(row.requested),
      granted: row.granted,
      grantedAmount: Money.ofOre(row.granted_amount),
      refused: row.refused,
      rejectedFormally: row.rejected_formally,
      // Whole seconds to tenths of days, rounded half up in integers.
      processingTenths: (row.processing_seconds ?? []).map((seconds) => Math.round((Number(seconds) * 10) / 86_400)),
      reportsReceived: row.reports_received,
      reportsOverdue: row.reports_overdue,
    }));
  }

  /**
   * Persons behind the year's per-capita grants by gender (tildelingsbrevet asks for statistics by
   * gender where they concern persons), with those settled under the special criterion of 496.60
   * (settled from a reception centre without an asylum-based permit); and the participants the
   * recipients of project grants have reported, by gender.
   */
  async personFigures(manager: EntityManager, budgetYear: number, asOf: string): Promise<PersonFigures[]> {
    const settled: Array<{
      scheme_code: string;
      name_nb: string;
      chapter: string;
      post: string;
      female: number;
      male: number;
      special_female: number;
      special_male: number;
    }> = await manager.query(
      `SELECT p.scheme_code, v.name_nb, v.chapter, v.post,
              (count(*) FILTER (WHERE p.gender = 'female'))::int AS female,
              (count(*) FILTER (WHERE p.gender = 'male'))::int AS male,
              (count(*) FILTER (WHERE p.gender = 'female' AND p.special_criterion))::int AS special_female,
              (count(*) FILTER (WHERE p.gender = 'male' AND p.special_criterion))::int AS special_male
       FROM settled_person_statistic p
       JOIN scheme_catalogue v ON v.scheme_code = p.scheme_code AND v.budget_year = $1
       WHERE p.settlement_date <= $2::date
         -- integreringstilskudd is paid for the settlement year and four more (år 1–5).
         AND (p.scheme_code <> 'integreringstilskudd' OR extract(year FROM p.settlement_date) >= $1 - 4)
         -- Unaccompanied minors: up to and including the year they turn 20.
         AND (p.scheme_code <> 'enslige-mindreaarige' OR extract(year FROM p.birth_date) + 20 >= $1)
       GROUP BY p.scheme_code, v.name_nb, v.chapter, v.post
       ORDER BY v.chapter::int, v.post, p.scheme_code`,
      [budgetYear, asOf],
    );
    const reported: Array<{ scheme_code: string; name_nb: string; chapter: string; post: string; female: string; male: string }> = await manager.query(
      `SELECT r.scheme_code, v.name_nb, v.chapter, v.post,
              coalesce(sum(r.participants_female), 0)::text AS female, coalesce(sum(r.participants_male), 0)::text AS male
       FROM report_figures r
       JOIN scheme_catalogue v ON v.scheme_code = r.scheme_code AND v.budget_year = r.budget_year
       WHERE r.budget_year = $1 AND r.submitted_at < ${END_OF_OSLO_DAY('$2')}
         AND (r.participants_female IS NOT NULL OR r.participants_male IS NOT NULL)
       GROUP BY r.scheme_code, v.name_nb, v.chapter, v.post
       ORDER BY v.chapter::int, v.post, r.scheme_code`,
      [budgetYear, asOf],
    );
    return [
      ...settled.map((row) => ({
        schemeCode: row.scheme_code,
        schemeName: row.name_nb,
        budgetPost: `${row.chapter}.${row.post}`,
        source: 'settled-persons' as const,
        female: row.female,
        male: row.male,
        specialCriterionFemale: row.special_female,
        specialCriterionMale: row.special_male,
      })),
      ...reported.map((row) => ({
        schemeCode: row.scheme_code,
        schemeName: row.name_nb,
        budgetPost: `${row.chapter}.${row.post}`,
        source: 'recipient-reports' as const,
        female: Number(row.female),
        male: Number(row.male),
        specialCriterionFemale: 0,
        specialCriterionMale: 0,
      })),
    ];
  }
}
