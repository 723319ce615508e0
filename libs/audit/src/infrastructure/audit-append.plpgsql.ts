/**
 * audit_append(entries jsonb), as PL/pgSQL: the same insert as the first version (audit-append.function.ts,
 * still what migration 1796040100000 installs), answering the same ids. A SQL-language function is planned
 * again on every call; this one keeps its plan for the connection. The one way an audit entry is
 * written, by the TypeScript AuditTrail and by SQL writers (the submit path) alike. Entries are a JSON
 * array of `{ actor_id, actor_roles, action, entity_type, entity_id, before, after, correlation_id }`,
 * inserted in the order given; the chaining trigger (migration AnchorAuditChain) links them in that
 * order and numbers them. Answers the new entries' ids in that order. Installed by migration 1796320000000.
 */
export const AUDIT_APPEND_PLPGSQL = `
  CREATE OR REPLACE FUNCTION audit_append(entries jsonb) RETURNS SETOF bigint LANGUAGE plpgsql AS $$
  BEGIN
    RETURN QUERY
    WITH added AS (
      INSERT INTO audit_entry (actor_id, actor_roles, action, entity_type, entity_id, before, after, correlation_id, prev_hash, hash)
      SELECT entry.actor_id, entry.actor_roles, entry.action, entry.entity_type, entry.entity_id, entry.before, entry.after, entry.correlation_id, '', ''
      FROM ROWS FROM (jsonb_to_recordset(entries)
        AS (actor_id text, actor_roles text[], action text, entity_type text, entity_id text, before jsonb, after jsonb, correlation_id text))
        WITH ORDINALITY AS entry (actor_id, actor_roles, action, entity_type, entity_id, before, after, correlation_id, position)
      ORDER BY entry.position
      RETURNING id)
    SELECT added.id FROM added;
  END
  $$`;
