/**
 * number_received_cases(case_ids, received): the cases context's half of a submission. Each received
 * case (`{ case_id, receipt_year, receipt_order, received_at, to_status }`, the move already checked
 * against the state machine's table by the caller) gets the next consecutive case number of its Oslo
 * year of receipt, in receipt order, with its new status and time of receipt. The counter row stays
 * locked until commit, so a caller calls this as late as it can. `case_ids` are the same cases as an
 * array, so that the case index is used (the planner takes a jsonb record set for a hundred rows).
 * Answers each numbered case with the status it came from. Installed by migration 1796040100000.
 */
export const NUMBER_RECEIVED_CASES_FUNCTION = `
  CREATE OR REPLACE FUNCTION number_received_cases(case_ids uuid[], received jsonb)
  RETURNS TABLE (case_id uuid, from_status text, status text, case_number text, organisation_number text, scheme_code text, budget_year integer)
  LANGUAGE sql
  AS $$
    WITH chosen AS (
      SELECT r.case_id, r.receipt_year, r.received_at, c.status AS from_status, r.to_status,
             row_number() OVER (PARTITION BY r.receipt_year ORDER BY r.receipt_order) AS place,
             count(*) OVER (PARTITION BY r.receipt_year) AS taken_in_year
      FROM jsonb_to_recordset(received) AS r (case_id uuid, receipt_year integer, receipt_order integer, received_at timestamptz, to_status text)
      JOIN case_file c ON c.id = r.case_id
      WHERE c.id = ANY (case_ids)),
    counter AS (
      INSERT INTO case_number_counter (year, last_number)
      SELECT chosen.receipt_year, count(*) FROM chosen GROUP BY chosen.receipt_year ORDER BY chosen.receipt_year
      ON CONFLICT (year) DO UPDATE SET last_number = case_number_counter.last_number + EXCLUDED.last_number
      RETURNING case_number_counter.year, case_number_counter.last_number)
    UPDATE case_file c
    SET status = chosen.to_status,
        case_number = format_case_number(chosen.receipt_year, counter.last_number - chosen.taken_in_year + chosen.place),
        received_at = chosen.received_at, status_changed_at = now(), updated_at = now()
    FROM chosen JOIN counter ON counter.year = chosen.receipt_year
    WHERE c.id = ANY (case_ids) AND c.id = chosen.case_id
    RETURNING c.id, chosen.from_status, c.status, c.case_number, c.organisation_number, c.scheme_code, c.budget_year
  $$`;
