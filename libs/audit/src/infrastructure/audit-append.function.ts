/**
 * audit_append(entries jsonb): the one way an audit entry is written, by the TypeScript AuditTrail and
 * by SQL writers (the submit path) alike. Entries are a JSON array of
 * `{ actor_id, actor_roles, action, entity_type, entity_id, before, after, correlation_id }`, inserted
 * in the order given; the chaining trigger (migration AnchorAuditChain) links them in that order and
 * numbers them. Answers the new entries' ids in that order. Installed by migration 1796040100000.
 */
export const AUDIT_APPEND_FUNCTION = `
  CREATE OR REPLACE FUNCTION audit_append(entries jsonb) RETURNS SETOF bigint LANGUAGE sql AS $$
    INSERT INTO audit_entry (actor_id, actor_roles, action, entity_type, entity_id, before, after, correlation_id, prev_hash, hash)
    SELECT entry.actor_id, entry.actor_roles, entry.action, entry.entity_type, entry.entity_id, entry.before, entry.after, entry.correlation_id, '', ''
    FROM ROWS FROM (jsonb_to_recordset(entries)
      AS (actor_id text, actor_roles text[], action text, entity_type text, entity_id text, before jsonb, after jsonb, correlation_id text))
      WITH ORDINALITY AS entry (actor_id, actor_roles, action, entity_type, entity_id, before, after, correlation_id, position)
    ORDER BY entry.position
    RETURNING id
  $$`;
