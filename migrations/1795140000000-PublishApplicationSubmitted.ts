import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SubmitApplicationsInOneStatement1795001500000 } from './1795001500000-SubmitApplicationsInOneStatement';

/**
 * The submit function publishes ApplicationSubmitted in the statement that numbers the cases: one
 * outbox row per submitted application on the domain-events queue, written the way DomainEvents.publish
 * writes one (`{ version, data }`), in receipt order. It adds one data-modifying CTE to the statement that
 * already writes the audit entries, so the submit path keeps its single round trip. Everything else is
 * the function of 1795001500000 unchanged.
 */
export class PublishApplicationSubmitted1795140000000 implements MigrationInterface {
  name = 'PublishApplicationSubmitted1795140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
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
      BEGIN
        WITH claim AS (
          INSERT INTO submission_request (organisation_id, idempotency_key, application_id)
          SELECT s.organisation_id, s.idempotency_key, s.application_id FROM submission_rows(submissions) s
          ORDER BY s.organisation_id, s.idempotency_key
          ON CONFLICT DO NOTHING
          RETURNING submission_request.application_id)
        SELECT coalesce(array_agg(claim.application_id), '{}') INTO claimed FROM claim;

        PERFORM FROM case_file c WHERE c.id = ANY (claimed) ORDER BY c.id FOR UPDATE;

        WITH marking AS (
          UPDATE application a
          SET submitted_at = s.received_at, submitted_by = s.submitted_by, requested_ore = s.requested_ore, updated_at = now()
          FROM submission_rows(submissions) s, case_file c,
               jsonb_to_recordset(moves) AS m (from_status text, scheme_kind text, to_status text)
          WHERE a.id = ANY (claimed) AND c.id = ANY (claimed) AND a.id = s.application_id AND a.xmin::text = s.checked_row_version
            AND c.id = a.id AND m.from_status = c.status AND m.scheme_kind = c.scheme_kind
          RETURNING a.id)
        SELECT coalesce(array_agg(marking.id), '{}') INTO marked FROM marking;

        DELETE FROM submission_request r USING submission_rows(submissions) s
        WHERE r.organisation_id = s.organisation_id AND r.idempotency_key = s.idempotency_key
          AND s.application_id = ANY (claimed) AND NOT s.application_id = ANY (marked);

        IF cardinality(marked) > 0 THEN
          INSERT INTO outbox_message (queue, job_name, payload)
          SELECT receipt_queue, receipt_job, jsonb_build_object('applicationId', s.application_id)
          FROM submission_rows(submissions) s WHERE s.application_id = ANY (marked) ORDER BY s.receipt_order;

          WITH chosen AS (
            SELECT s.application_id, s.receipt_year, s.received_at, c.status AS from_status, m.to_status,
                   row_number() OVER (PARTITION BY s.receipt_year ORDER BY s.receipt_order) AS place,
                   count(*) OVER (PARTITION BY s.receipt_year) AS taken_in_year
            FROM submission_rows(submissions) s
            JOIN case_file c ON c.id = s.application_id
            JOIN jsonb_to_recordset(moves) AS m (from_status text, scheme_kind text, to_status text)
              ON m.from_status = c.status AND m.scheme_kind = c.scheme_kind
            WHERE c.id = ANY (marked)),
          counter AS (
            INSERT INTO case_number_counter (year, last_number)
            SELECT chosen.receipt_year, count(*) FROM chosen GROUP BY chosen.receipt_year ORDER BY chosen.receipt_year
            ON CONFLICT (year) DO UPDATE SET last_number = case_number_counter.last_number + EXCLUDED.last_number
            RETURNING case_number_counter.year, case_number_counter.last_number),
          numbered AS (
            UPDATE case_file c
            SET status = chosen.to_status,
                case_number = format_case_number(chosen.receipt_year, counter.last_number - chosen.taken_in_year + chosen.place),
                received_at = chosen.received_at, status_changed_at = now(), updated_at = now()
            FROM chosen JOIN counter ON counter.year = chosen.receipt_year
            WHERE c.id = ANY (marked) AND c.id = chosen.application_id
            RETURNING c.id, chosen.from_status, c.status, c.case_number, c.organisation_number, c.scheme_code, c.budget_year),
          -- ApplicationSubmitted (libs/outbox/EVENTS.md), one per numbered case in receipt order, as
          -- DomainEvents.publish writes it: an outbox row on the domain-events queue.
          published AS (
            INSERT INTO outbox_message (queue, job_name, payload)
            SELECT 'domain-events', 'ApplicationSubmitted', jsonb_build_object('version', 1, 'data', jsonb_build_object(
                     'caseId', s.application_id, 'caseNumber', numbered.case_number, 'organisationNumber', numbered.organisation_number,
                     'schemeCode', numbered.scheme_code, 'budgetYear', numbered.budget_year,
                     'requestedOre', s.requested_ore::text, 'receivedAt', to_char(s.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
            FROM submission_rows(submissions) s JOIN numbered ON numbered.id = s.application_id
            ORDER BY s.receipt_order)
          INSERT INTO audit_entry (actor_id, actor_roles, action, entity_type, entity_id, before, after, prev_hash, hash)
          SELECT s.submitted_by, s.actor_roles, 'case.submit', 'case', s.application_id::text,
                 jsonb_build_object('status', numbered.from_status),
                 s.audit_after || jsonb_build_object('status', numbered.status, 'caseNumber', numbered.case_number),
                 '', ''
          FROM submission_rows(submissions) s JOIN numbered ON numbered.id = s.application_id
          ORDER BY s.receipt_order;
        END IF;

        RETURN QUERY
          SELECT s.application_id,
                 CASE
                   WHEN NOT s.application_id = ANY (claimed) THEN 'key-taken'
                   WHEN s.application_id = ANY (marked) THEN 'submitted'
                   WHEN c.id IS NOT NULL AND NOT EXISTS (
                     SELECT FROM jsonb_to_recordset(moves) AS m (from_status text, scheme_kind text, to_status text)
                     WHERE m.from_status = c.status AND m.scheme_kind = c.scheme_kind) THEN 'not-allowed'
                   ELSE 'changed-since-checked'
                 END,
                 c.status, c.case_number
          FROM submission_rows(submissions) s LEFT JOIN case_file c ON c.id = ANY (all_ids) AND c.id = s.application_id;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await new SubmitApplicationsInOneStatement1795001500000().down(queryRunner);
    await new SubmitApplicationsInOneStatement1795001500000().up(queryRunner);
  }
}
