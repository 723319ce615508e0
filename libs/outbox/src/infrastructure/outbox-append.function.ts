/**
 * outbox_append(target_queue, target_job, payloads jsonb, correlation): the one way an outbox message
 * is written, by OutboxWriter, the domain-event store and SQL writers (the submit path) alike. One
 * message per element of the JSON array `payloads`, in array order; answers their ids in that order.
 * Installed by migration 1796040100000.
 */
export const OUTBOX_APPEND_FUNCTION = `
  CREATE OR REPLACE FUNCTION outbox_append(target_queue text, target_job text, payloads jsonb, correlation text) RETURNS SETOF uuid LANGUAGE sql AS $$
    INSERT INTO outbox_message (queue, job_name, payload, correlation_id)
    SELECT target_queue, target_job, message.payload, correlation
    FROM jsonb_array_elements(payloads) WITH ORDINALITY AS message (payload, position)
    ORDER BY message.position
    RETURNING id
  $$`;
