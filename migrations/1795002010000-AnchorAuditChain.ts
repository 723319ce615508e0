import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain's hash gets an unambiguous encoding, and the chain an anchor the database cannot
 * forge.
 *
 * Version 1 joined fields with '|' and roles with ',', so `{a,b}` and `{"a,b"}` hashed alike. Version 2
 * hashes a JSON array of the fields (jsonb's text form is canonical: strings escaped, object keys
 * ordered), so each field's bounds are unambiguous. Entries keep the version they were written with
 * (rows are immutable), and the trigger always writes the newest.
 *
 * An unkeyed chain is recomputable by whoever can write the table. audit_seal holds an HMAC per entry
 * under a key the application holds and the database never sees (AUDIT_CHAIN_KEY); the worker seals
 * committed entries after the fact, so writers (the submit path included) pay nothing for it. A seal
 * has no foreign key: it outlives a deleted entry and names it.
 */
export class AnchorAuditChain1795002010000 implements MigrationInterface {
  name = 'AnchorAuditChain1795002010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_entry ADD COLUMN digest_version smallint NOT NULL DEFAULT 1`);
    await queryRunner.query(`
      CREATE FUNCTION audit_entry_digest_v2(
        prev_hash text, id bigint, occurred_at timestamptz, actor_id text, actor_roles text[],
        action text, entity_type text, entity_id text, before jsonb, after jsonb, correlation_id text
      ) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(jsonb_build_array(
          'audit-v2', prev_hash, id::text, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          actor_id, to_jsonb(actor_roles), action, entity_type, entity_id, before, after, correlation_id
        )::text, 'UTF8')), 'hex')
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_entry_expected_hash(entry audit_entry) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE entry.digest_version
          WHEN 1 THEN audit_entry_digest(entry.prev_hash, entry.id, entry.occurred_at, entry.actor_id, entry.actor_roles,
                                         entry.action, entry.entity_type, entry.entity_id, entry.before, entry.after, entry.correlation_id)
          WHEN 2 THEN audit_entry_digest_v2(entry.prev_hash, entry.id, entry.occurred_at, entry.actor_id, entry.actor_roles,
                                            entry.action, entry.entity_type, entry.entity_id, entry.before, entry.after, entry.correlation_id)
        END
      $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head audit_chain_head%ROWTYPE;
      BEGIN
        SELECT * INTO head FROM audit_chain_head WHERE singleton FOR UPDATE;
        NEW.id := head.last_id + 1;
        NEW.occurred_at := coalesce(NEW.occurred_at, now());
        NEW.prev_hash := head.last_hash;
        NEW.digest_version := 2;
        NEW.hash := audit_entry_digest_v2(NEW.prev_hash, NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_roles,
          NEW.action, NEW.entity_type, NEW.entity_id, NEW.before, NEW.after, NEW.correlation_id);
        UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash WHERE singleton;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TABLE audit_seal (
        entry_id  bigint PRIMARY KEY,
        mac       text NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal
      FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_seal`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(`DROP FUNCTION audit_entry_expected_hash(audit_entry)`);
    await queryRunner.query(`DROP FUNCTION audit_entry_digest_v2(text, bigint, timestamptz, text, text[], text, text, text, jsonb, jsonb, text)`);
    await queryRunner.query(`ALTER TABLE audit_entry DROP COLUMN digest_version`);
  }
}
