/**
 * The payments context's published read model, read by other contexts (reporting) instead of its
 * tables. Installed by migration 1796040000000; listed as published in scripts/check-house-rules.ts.
 */

/** Every planned instalment of a grant: amount, kap./post and due date (null while held back). */
export const PLANNED_INSTALMENT_VIEW = `
  CREATE OR REPLACE VIEW planned_instalment AS
  SELECT i.id AS instalment_id, i.case_id, i.scheme_code, i.budget_year, i.chapter, i.post, i.amount_ore, i.due_on
  FROM instalment i`;

/** The payment of an instalment and its execution date. */
export const INSTALMENT_PAYMENT_VIEW = `
  CREATE OR REPLACE VIEW instalment_payment AS
  SELECT p.instalment_id, p.amount_ore, p.execution_date
  FROM payment p`;

/**
 * Settled persons as statistics: scheme, gender, the special criterion and the two dates the per-capita
 * rules count by; no identity, no municipality. Voided registrations are left out.
 */
export const SETTLED_PERSON_STATISTIC_VIEW = `
  CREATE OR REPLACE VIEW settled_person_statistic AS
  SELECT p.scheme_code, p.gender, p.special_criterion, p.birth_date, p.settlement_date
  FROM settled_person p
  WHERE p.voided_at IS NULL`;
