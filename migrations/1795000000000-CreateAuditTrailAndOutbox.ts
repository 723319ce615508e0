import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only, hash-chained audit trail and the transactional outbox.
 *
 * The chain is computed by the database itself, in a BEFORE INSERT trigger that locks the single
 * chain-head row: ids are gap-free and follow the chain order even under concurrent writers, and no
 * code path can write an unchained row. UPDATE, DELETE and TRUNCATE are refused by triggers.
 */
export class CreateAuditTrailAndOutbox1795000000000 implements MigrationInterface {
  name = 'CreateAuditTrailAndOutbox1795000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_entry (
        id             bigint PRIMARY KEY,
        occurred_at    timestamptz NOT NULL DEFAULT now(),
        actor_id       text NOT NULL,
        actor_roles    text[] NOT NULL DEFAULT '{}',
        action         text NOT NULL,
        entity_type    text NOT NULL,
        entity_id      text NOT NULL,
        before         jsonb,
        after          jsonb,
        correlation_id text,
        prev_hash      text NOT NULL,
        hash           text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, id)`);
    await queryRunner.query(`
      CREATE TABLE audit_chain_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        last_id   bigint NOT NULL,
        last_hash text NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO audit_chain_head (last_id, last_hash) VALUES (0, repeat('0', 64))`);
    await queryRunner.query(`
      CREATE FUNCTION audit_entry_digest(
        prev_hash text, id bigint, occurred_at timestamptz, actor_id text, actor_roles text[],
        action text, entity_type text, entity_id text, before jsonb, after jsonb, correlation_id text
      ) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(
          prev_hash || '|' || id::text || '|' ||
          to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' ||
          actor_id || '|' || array_to_string(actor_roles, ',') || '|' || action || '|' ||
          entity_type || '|' || entity_id || '|' ||
          coalesce(before::text, 'null') || '|' || coalesce(after::text, 'null') || '|' ||
          coalesce(correlation_id, ''),
          'UTF8')), 'hex')
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head audit_chain_head%ROWTYPE;
      BEGIN
        SELECT * INTO head FROM audit_chain_head WHERE singleton FOR UPDATE;
        NEW.id := head.last_id + 1;
        NEW.occurred_at := coalesce(NEW.occurred_at, now());
        NEW.prev_hash := head.last_hash;
        NEW.hash := audit_entry_digest(NEW.prev_hash, NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_roles,
          NEW.action, NEW.entity_type, NEW.entity_id, NEW.before, NEW.after, NEW.correlation_id);
        UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash WHERE singleton;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_chain BEFORE INSERT ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_chain()`);
    await queryRunner.query(`
      CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()`);
    // The head may only move from inside the chaining trigger (trigger depth 2).
    await queryRunner.query(`
      CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION 'audit_chain_head moves only when an audit entry is inserted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_chain_head_guard BEFORE UPDATE OR DELETE ON audit_chain_head
      FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard()`);

    await queryRunner.query(`
      CREATE TABLE outbox_message (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        queue          text NOT NULL,
        job_name       text NOT NULL,
        payload        jsonb NOT NULL,
        correlation_id text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        relayed_at     timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_message_pending_idx ON outbox_message (created_at) WHERE relayed_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE FUNCTION outbox_message_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_message', '');
        RETURN NULL;
      END
      $$`);
    // NOTIFY is delivered on commit only, so the relay wakes for committed rows and never for rolled-back ones.
    await queryRunner.query(`
      CREATE TRIGGER outbox_message_notify AFTER INSERT ON outbox_message
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_message_notify()`);

    await queryRunner.query(`
      CREATE TABLE processed_job (
        job_id       text PRIMARY KEY,
        queue        text NOT NULL,
        job_name     text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE processed_job`);
    await queryRunner.query(`DROP TABLE outbox_message`);
    await queryRunner.query(`DROP FUNCTION outbox_message_notify()`);
    await queryRunner.query(`DROP TABLE audit_chain_head`);
    await queryRunner.query(`DROP FUNCTION audit_chain_head_guard()`);
    await queryRunner.query(`DROP TABLE audit_entry`);
    await queryRunner.query(`DROP FUNCTION audit_entry_refuse_change()`);
    await queryRunner.query(`DROP FUNCTION audit_entry_chain()`);
    await queryRunner.query(
      `DROP FUNCTION audit_entry_digest(text, bigint, timestamptz, text, text[], text, text, text, jsonb, jsonb, text)`,
    );
  }
}
