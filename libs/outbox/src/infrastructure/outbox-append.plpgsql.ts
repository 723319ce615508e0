/**
 * outbox_append(target_queue, target_job, payloads jsonb, correlation), as PL/pgSQL: the same insert as
 * the first version (outbox-append.function.ts, still what migration 1796040100000 installs), answering
 * the same ids. A SQL-language function is planned again on every call; this one keeps its plan for the
 * connection. The one way an outbox message is written, by OutboxWriter, the domain-event store and SQL
 * writers (the submit path) alike: one message per element of the JSON array `payloads`, in array
 * order; answers their ids in that order. Installed by migration 1796320000000.
 */
export const OUTBOX_APPEND_PLPGSQL = `
  CREATE OR REPLACE FUNCTION outbox_append(target_queue text, target_job text, payloads jsonb, correlation text) RETURNS SETOF uuid LANGUAGE plpgsql AS $$
  BEGIN
    RETURN QUERY
    WITH added AS (
      INSERT INTO outbox_message (queue, job_name, payload, correlation_id)
      SELECT target_queue, target_job, message.payload, correlation
      FROM jsonb_array_elements(payloads) WITH ORDINALITY AS message (payload, position)
      ORDER BY message.position
      RETURNING id)
    SELECT added.id FROM added;
  END
  $$`;
