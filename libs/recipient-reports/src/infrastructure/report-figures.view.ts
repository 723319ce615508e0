/**
 * The recipient-reports context's published read model: per recipient's report its scheme, year, due
 * date, time of submission and reported participants by gender. Other contexts (reporting) read this
 * view, never `recipient_report`. Installed by migration 1796040000000; listed as published in
 * scripts/check-house-rules.ts.
 */
export const REPORT_FIGURES_VIEW = `
  CREATE OR REPLACE VIEW report_figures AS
  SELECT r.case_id, r.scheme_code, r.budget_year, r.due_on, r.submitted_at, r.participants_female, r.participants_male
  FROM recipient_report r`;
