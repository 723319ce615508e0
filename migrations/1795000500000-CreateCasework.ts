import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Casework: assignments, declared conflicts of interest, approvers' written delegations,
 * assessments, decisions (four-eyes backed by a check), ministry pre-notifications and letters.
 * A grant letter of a søkbar decision cannot be stored before its notification is delivered.
 */
export class CreateCasework1795000500000 implements MigrationInterface {
  name = 'CreateCasework1795000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_assignment (
        case_id       uuid PRIMARY KEY REFERENCES case_file (id),
        caseworker_id text NOT NULL,
        assigned_by   text NOT NULL,
        assigned_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_assignment_caseworker_idx ON case_assignment (caseworker_id)`);
    await queryRunner.query(`
      CREATE TABLE conflict_of_interest (
        user_id             text NOT NULL,
        organisation_number text NOT NULL CHECK (organisation_number ~ '^[0-9]{9}$'),
        reason              text NOT NULL,
        declared_at         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, organisation_number)
      )`);
    await queryRunner.query(`
      CREATE TABLE approver_delegation (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        approver_id    text NOT NULL,
        chapter        text NOT NULL,
        post           text NOT NULL,
        max_amount_ore bigint NOT NULL CHECK (max_amount_ore > 0),
        reference      text NOT NULL,
        granted_by     text NOT NULL,
        granted_at     timestamptz NOT NULL DEFAULT now(),
        revoked_at     timestamptz,
        UNIQUE (approver_id, chapter, post, granted_at)
      )`);
    await queryRunner.query(`
      CREATE TABLE assessment (
        case_id     uuid PRIMARY KEY REFERENCES case_file (id),
        scores      jsonb NOT NULL,
        total_score integer NOT NULL,
        comment     text NOT NULL,
        assessed_by text NOT NULL,
        assessed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE decision (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id           uuid NOT NULL REFERENCES case_file (id),
        outcome           text NOT NULL CHECK (outcome IN ('granted', 'partly_granted', 'refused')),
        amount_ore        bigint NOT NULL CHECK (amount_ore >= 0),
        requested_ore     bigint,
        reasons           text NOT NULL,
        conditions        text NOT NULL DEFAULT '',
        legal_basis       text NOT NULL,
        budget_year       integer NOT NULL,
        chapter           text NOT NULL,
        post              text NOT NULL,
        earmark_code      text,
        scheme_version_id uuid NOT NULL REFERENCES scheme_version (id),
        status            text NOT NULL CHECK (status IN ('proposed', 'approved', 'superseded')),
        proposed_by       text NOT NULL,
        proposed_at       timestamptz NOT NULL DEFAULT now(),
        approved_by       text,
        approved_at       timestamptz,
        CHECK ((outcome = 'refused') = (amount_ore = 0)),
        CHECK (approved_by IS NULL OR approved_by <> proposed_by),
        CHECK ((status = 'proposed' AND approved_by IS NULL) OR (status = 'approved' AND approved_by IS NOT NULL) OR status = 'superseded')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX decision_one_open_per_case ON decision (case_id) WHERE status <> 'superseded'`);
    await queryRunner.query(`
      CREATE TABLE ministry_notification (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_code  text NOT NULL,
        budget_year  integer NOT NULL,
        round        integer NOT NULL,
        total_ore    bigint NOT NULL,
        created_by   text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        UNIQUE (scheme_code, budget_year, round)
      )`);
    await queryRunner.query(`
      CREATE TABLE ministry_notification_item (
        notification_id     uuid NOT NULL REFERENCES ministry_notification (id),
        decision_id         uuid NOT NULL UNIQUE REFERENCES decision (id),
        case_number         text NOT NULL,
        recipient_name      text NOT NULL,
        organisation_number text NOT NULL,
        amount_ore          bigint NOT NULL,
        budget_post         text NOT NULL,
        PRIMARY KEY (notification_id, decision_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE letter (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id          uuid NOT NULL REFERENCES case_file (id),
        decision_id      uuid NOT NULL REFERENCES decision (id),
        kind             text NOT NULL CHECK (kind IN ('grant', 'refusal')),
        written_standard text NOT NULL CHECK (written_standard IN ('nb', 'nn')),
        pdf              bytea NOT NULL,
        sha256           text NOT NULL,
        produced_by      text NOT NULL,
        produced_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (decision_id, kind)
      )`);
    // Instruks 6.1, in the database too: no grant letter of a søkbar decision before the ministry has it.
    await queryRunner.query(`
      CREATE FUNCTION letter_requires_ministry_notification() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.kind = 'grant'
           AND (SELECT scheme_kind FROM case_file WHERE id = NEW.case_id) = 'sokbar'
           AND NOT EXISTS (
             SELECT 1 FROM ministry_notification_item i JOIN ministry_notification n ON n.id = i.notification_id
             WHERE i.decision_id = NEW.decision_id AND n.delivered_at IS NOT NULL) THEN
          RAISE EXCEPTION 'grant letter for decision % refused: its ministry notification has not been delivered (Instruks 6.1)', NEW.decision_id
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER letter_requires_ministry_notification BEFORE INSERT ON letter
      FOR EACH ROW EXECUTE FUNCTION letter_requires_ministry_notification()`);
    await queryRunner.query(`
      CREATE FUNCTION letter_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'letters are immutable once produced' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`CREATE TRIGGER letter_immutable BEFORE UPDATE OR DELETE ON letter FOR EACH ROW EXECUTE FUNCTION letter_immutable()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE letter`);
    await queryRunner.query(`DROP FUNCTION letter_immutable()`);
    await queryRunner.query(`DROP FUNCTION letter_requires_ministry_notification()`);
    await queryRunner.query(`DROP TABLE ministry_notification_item`);
    await queryRunner.query(`DROP TABLE ministry_notification`);
    await queryRunner.query(`DROP TABLE decision`);
    await queryRunner.query(`DROP TABLE assessment`);
    await queryRunner.query(`DROP TABLE approver_delegation`);
    await queryRunner.query(`DROP TABLE conflict_of_interest`);
    await queryRunner.query(`DROP TABLE case_assignment`);
  }
}
