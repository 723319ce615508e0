/**
 * number_received_cases(case_ids, received), as PL/pgSQL: the same statement as the first version
 * (number-received-cases.function.ts, still what migration 1796040100000 installs), answering the same
 * rows. A SQL-language function that is not inlined is planned again on every call; this one keeps its
 * plan for the connection, which made it about 40 % cheaper for a batch of six (`npm run bench -- intake`,
 * issue 14 notes). Each received case (`{ case_id, receipt_year, receipt_order, received_at, to_status }`,
 * the move already checked against the state machine's table by the caller) gets the next consecutive
 * case number of its Oslo year of receipt, in receipt order, with its new status and time of receipt.
 * The counter row stays locked until commit, so a caller calls this as late as it can. Installed by
 * migration 1796320000000.
 */
export const NUMBER_RECEIVED_CASES_PLPGSQL = `
  CREATE OR REPLACE FUNCTION number_received_cases(case_ids uuid[], received jsonb)
  RETURNS TABLE (case_id uuid, from_status text, status text, case_number text, organisation_number text, scheme_code text, budget_year integer)
  LANGUAGE plpgsql
  AS $$
  #variable_conflict use_column
  BEGIN
    RETURN QUERY
    WITH chosen AS (
      SELECT r.case_id, r.receipt_year, r.received_at, c.status AS from_status, r.to_status,
             row_number() OVER (PARTITION BY r.receipt_year ORDER BY r.receipt_order) AS place,
             count(*) OVER (PARTITION BY r.receipt_year) AS taken_in_year
      FROM jsonb_to_recordset(received) AS r (case_id uuid, receipt_year integer, receipt_order integer, received_at timestamptz, to_status text)
      JOIN case_file c ON c.id = r.case_id
      WHERE c.id = ANY (case_ids)),
    counter AS (
      INSERT INTO case_number_counter AS k (year, last_number)
      SELECT chosen.receipt_year, count(*) FROM chosen GROUP BY chosen.receipt_year ORDER BY chosen.receipt_year
      ON CONFLICT (year) DO UPDATE SET last_number = k.last_number + EXCLUDED.last_number
      RETURNING k.year, k.last_number),
    numbered AS (
      UPDATE case_file c
      SET status = chosen.to_status,
          case_number = format_case_number(chosen.receipt_year, counter.last_number - chosen.taken_in_year + chosen.place),
          received_at = chosen.received_at, status_changed_at = now(), updated_at = now()
      FROM chosen JOIN counter ON counter.year = chosen.receipt_year
      WHERE c.id = ANY (case_ids) AND c.id = chosen.case_id
      RETURNING c.id, chosen.from_status, c.status, c.case_number, c.organisation_number, c.scheme_code, c.budget_year)
    SELECT * FROM numbered;
  END
  $$`;
