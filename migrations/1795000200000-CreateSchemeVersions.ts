import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per budget year, the data of each scheme: names, kind, kap./post, earmarks, who may apply, the
 * application window and the rates. A version used by a decision is frozen; the database refuses
 * changes to a frozen version's terms and rates (confirming a rate remains possible).
 */
export class CreateSchemeVersions1795000200000 implements MigrationInterface {
  name = 'CreateSchemeVersions1795000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE scheme_version (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_code      text NOT NULL CHECK (scheme_code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        budget_year      integer NOT NULL,
        name_nb          text NOT NULL,
        name_nn          text NOT NULL,
        kind             text NOT NULL CHECK (kind IN ('sokbar', 'rettighet', 'navngitt')),
        chapter          text NOT NULL,
        post             text NOT NULL,
        earmark_codes    text[] NOT NULL DEFAULT '{}',
        applicant_types  text[] NOT NULL CHECK (applicant_types <@ ARRAY['kommune', 'fylkeskommune', 'organisasjon', 'ks']),
        appeal_route     text NOT NULL CHECK (appeal_route IN ('enkeltvedtak', 'renewed-assessment')),
        opens_at         timestamptz,
        deadline_at      timestamptz,
        legal_basis      text NOT NULL,
        purpose_nb       text NOT NULL,
        purpose_nn       text NOT NULL,
        notes            text,
        frozen_at        timestamptz,
        frozen_by_reason text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (scheme_code, budget_year),
        CHECK ((opens_at IS NULL) = (deadline_at IS NULL)),
        CHECK (deadline_at IS NULL OR deadline_at > opens_at)
      )`);
    await queryRunner.query(`
      CREATE TABLE scheme_rate (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_version_id uuid NOT NULL REFERENCES scheme_version (id),
        code              text NOT NULL,
        label             text NOT NULL,
        amount_ore        bigint NOT NULL CHECK (amount_ore >= 0),
        unit              text NOT NULL,
        provisional       boolean NOT NULL,
        source            text NOT NULL,
        confirmed_at      timestamptz,
        confirmed_by      text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        UNIQUE (scheme_version_id, code),
        CHECK ((confirmed_at IS NULL) = (confirmed_by IS NULL))
      )`);
    await queryRunner.query(`
      CREATE FUNCTION scheme_version_guard_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.frozen_at IS NOT NULL THEN
          RAISE EXCEPTION 'scheme version %/% is frozen: it has been used by a decision', OLD.scheme_code, OLD.budget_year
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER scheme_version_guard_frozen BEFORE UPDATE OR DELETE ON scheme_version
      FOR EACH ROW EXECUTE FUNCTION scheme_version_guard_frozen()`);
    await queryRunner.query(`
      CREATE FUNCTION scheme_rate_guard_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        version_id uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.scheme_version_id ELSE OLD.scheme_version_id END;
      BEGIN
        IF EXISTS (SELECT 1 FROM scheme_version WHERE id = version_id AND frozen_at IS NOT NULL) THEN
          -- Confirming a rate (provisional → confirmed by an admin) changes no term of a decision.
          IF TG_OP = 'UPDATE' AND NEW.amount_ore = OLD.amount_ore AND NEW.code = OLD.code
             AND NEW.unit = OLD.unit AND NEW.scheme_version_id = OLD.scheme_version_id THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'the rates of a frozen scheme version cannot change' USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER scheme_rate_guard_frozen BEFORE INSERT OR UPDATE OR DELETE ON scheme_rate
      FOR EACH ROW EXECUTE FUNCTION scheme_rate_guard_frozen()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE scheme_rate`);
    await queryRunner.query(`DROP FUNCTION scheme_rate_guard_frozen()`);
    await queryRunner.query(`DROP TABLE scheme_version`);
    await queryRunner.query(`DROP FUNCTION scheme_version_guard_frozen()`);
  }
}
