/**
 * The casework context's published read model: approved decisions (a case may have several over time,
 * appeals included). Other contexts (reporting) read this view, never `decision`. Installed by
 * migration 1796040000000; listed as published in scripts/check-house-rules.ts.
 */
export const APPROVED_DECISION_VIEW = `
  CREATE OR REPLACE VIEW approved_decision AS
  SELECT d.id AS decision_id, d.case_id, d.outcome, d.amount_ore, d.budget_year, d.chapter, d.post, d.approved_at
  FROM decision d
  WHERE d.status = 'approved'`;
