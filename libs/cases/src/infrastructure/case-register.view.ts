/**
 * The cases context's published read model: each case's number, scheme, year, applicant, status and
 * time of receipt. Other contexts (reporting) read this view, never `case_file`. Installed by migration
 * 1796040000000; listed as published in scripts/check-house-rules.ts.
 */
export const CASE_REGISTER_VIEW = `
  CREATE OR REPLACE VIEW case_register AS
  SELECT c.id AS case_id, c.case_number, c.scheme_code, c.budget_year, c.scheme_kind, c.organisation_number, c.status, c.received_at
  FROM case_file c`;
