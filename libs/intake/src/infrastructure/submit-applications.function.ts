/**
 * submit_applications(submissions, moves, receipt_queue, receipt_job): the write of a batch of checked
 * submissions as one function call, so that it costs one round trip and, called outside an explicit
 * transaction, is its own transaction (ApplicationRepository.submitMany calls it). Installed by migration
 * 1796040100000; the rows come from submission_rows() and case numbers are formatted by
 * format_case_number() (both from migration 1795001500000).
 *
 * The steps, in this order:
 * 1. claim the idempotency keys, in key order; a key another transaction is claiming makes this wait
 *    for it, and a key already taken leaves its submission out;
 * 2. lock the claimed cases in id order (the order every writer of cases uses), through the view the
 *    cases context publishes (case_register);
 * 3. mark each application submitted if its case may move (the `moves` the caller took from the state
 *    machine: from status and scheme kind to the new status) and its row is unchanged since it was
 *    checked (`xmin`);
 * 4. release the keys of claimed submissions that were not marked, so a retry is refused again rather
 *    than replayed;
 * 5. one receipt job per marked application, through outbox_append;
 * 6. consecutive case numbers per Oslo year of receipt, in receipt order, with the new status, by the
 *    cases context's number_received_cases (its counter row stays locked until commit, so this comes late);
 * 7. ApplicationSubmitted (libs/outbox/EVENTS.md) per numbered case in receipt order, through
 *    outbox_append as DomainEvents.publish writes it;
 * 8. one audit entry per case through audit_append, chained by the audit trigger in receipt order.
 * It answers one row per submission: submitted (with its number), key-taken, not-allowed (the case has
 * moved on; its status and number) or changed-since-checked. A statement that fails (a check of the
 * tables, a missing actor) rolls the whole call back: nothing is half-written.
 */
export const SUBMIT_APPLICATIONS_FUNCTION = `
  CREATE OR REPLACE FUNCTION submit_applications(submissions jsonb, moves jsonb, receipt_queue text, receipt_job text)
  RETURNS TABLE (application_id uuid, outcome text, case_status text, case_number text)
  LANGUAGE plpgsql
  -- Planned once per connection: the custom plans PostgreSQL would otherwise make for every call
  -- (it cannot tell a batch of two from the hundred rows it assumes for a jsonb record set) cost
  -- more than the statements' execution.
  SET plan_cache_mode = force_generic_plan
  AS $$
  #variable_conflict use_column
  DECLARE
    -- Rows are found through these arrays (id = ANY), so that the case and application indexes are
    -- used: the planner takes a jsonb record set for a hundred rows and would rather scan.
    all_ids uuid[] := ARRAY(SELECT s.application_id FROM submission_rows(submissions) s);
    claimed uuid[];
    marked uuid[];
    numbered jsonb;
  BEGIN
    WITH claim AS (
      INSERT INTO submission_request (organisation_id, idempotency_key, application_id)
      SELECT s.organisation_id, s.idempotency_key, s.application_id FROM submission_rows(submissions) s
      ORDER BY s.organisation_id, s.idempotency_key
      ON CONFLICT DO NOTHING
      RETURNING submission_request.application_id)
    SELECT coalesce(array_agg(claim.application_id), '{}') INTO claimed FROM claim;

    PERFORM FROM case_register c WHERE c.case_id = ANY (claimed) ORDER BY c.case_id FOR UPDATE;

    WITH marking AS (
      UPDATE application a
      SET submitted_at = s.received_at, submitted_by = s.submitted_by, requested_ore = s.requested_ore, updated_at = now()
      FROM submission_rows(submissions) s, case_register c,
           jsonb_to_recordset(moves) AS m (from_status text, scheme_kind text, to_status text)
      WHERE a.id = ANY (claimed) AND c.case_id = ANY (claimed) AND a.id = s.application_id AND a.xmin::text = s.checked_row_version
        AND c.case_id = a.id AND m.from_status = c.status AND m.scheme_kind = c.scheme_kind
      RETURNING a.id)
    SELECT coalesce(array_agg(marking.id), '{}') INTO marked FROM marking;

    DELETE FROM submission_request r USING submission_rows(submissions) s
    WHERE r.organisation_id = s.organisation_id AND r.idempotency_key = s.idempotency_key
      AND s.application_id = ANY (claimed) AND NOT s.application_id = ANY (marked);

    IF cardinality(marked) > 0 THEN
      PERFORM outbox_append(receipt_queue, receipt_job, (
        SELECT jsonb_agg(jsonb_build_object('applicationId', s.application_id) ORDER BY s.receipt_order)
        FROM submission_rows(submissions) s WHERE s.application_id = ANY (marked)), NULL);

      SELECT jsonb_agg(to_jsonb(n)) INTO numbered
      FROM number_received_cases(marked, (
        SELECT jsonb_agg(jsonb_build_object('case_id', s.application_id, 'receipt_year', s.receipt_year, 'receipt_order', s.receipt_order,
                                            'received_at', s.received_at, 'to_status', m.to_status))
        FROM submission_rows(submissions) s
        JOIN case_register c ON c.case_id = s.application_id
        JOIN jsonb_to_recordset(moves) AS m (from_status text, scheme_kind text, to_status text)
          ON m.from_status = c.status AND m.scheme_kind = c.scheme_kind
        WHERE c.case_id = ANY (marked))) n;

      PERFORM outbox_append('domain-events', 'ApplicationSubmitted', (
        SELECT jsonb_agg(jsonb_build_object('version', 1, 'data', jsonb_build_object(
                 'caseId', s.application_id, 'caseNumber', n.case_number, 'organisationNumber', n.organisation_number,
                 'schemeCode', n.scheme_code, 'budgetYear', n.budget_year,
                 'requestedOre', s.requested_ore::text, 'receivedAt', to_char(s.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
               ORDER BY s.receipt_order)
        FROM submission_rows(submissions) s
        JOIN jsonb_to_recordset(numbered) AS n (case_id uuid, case_number text, organisation_number text, scheme_code text, budget_year integer)
          ON n.case_id = s.application_id), NULL);

      PERFORM audit_append((
        SELECT jsonb_agg(jsonb_build_object(
                 'actor_id', s.submitted_by, 'actor_roles', s.actor_roles, 'action', 'case.submit', 'entity_type', 'case',
                 'entity_id', s.application_id::text, 'before', jsonb_build_object('status', n.from_status),
                 'after', s.audit_after || jsonb_build_object('status', n.status, 'caseNumber', n.case_number))
               ORDER BY s.receipt_order)
        FROM submission_rows(submissions) s
        JOIN jsonb_to_recordset(numbered) AS n (case_id uuid, from_status text, status text, case_number text)
          ON n.case_id = s.application_id));
    END IF;

    RETURN QUERY
      SELECT s.application_id,
             CASE
               WHEN NOT s.application_id = ANY (claimed) THEN 'key-taken'
               WHEN s.application_id = ANY (marked) THEN 'submitted'
               WHEN c.case_id IS NOT NULL AND NOT EXISTS (
                 SELECT FROM jsonb_to_recordset(moves) AS m (from_status text, scheme_kind text, to_status text)
                 WHERE m.from_status = c.status AND m.scheme_kind = c.scheme_kind) THEN 'not-allowed'
               ELSE 'changed-since-checked'
             END,
             c.status, c.case_number
      FROM submission_rows(submissions) s LEFT JOIN case_register c ON c.case_id = ANY (all_ids) AND c.case_id = s.application_id;
  END
  $$`;
