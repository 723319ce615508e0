import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The journal (Noark 5): a case file (saksmappe) per case, a journal entry (journalpost) per document
 * received, sent or written internally, and each entry's delivery to the archive.
 * - Journal numbers come from `journal_number_counter`, one row per year taken with a row lock in the
 *   transaction that writes the entry: a rollback gives the number back, so numbers have no gaps
 *   (a sequence would leave one per rollback). The unique key backs it against races.
 * - `source_key` names the event an entry records, so an event delivered twice journals once.
 * - `archive_delivery` is one row per sending of an entry (version 1, and one more per resend).
 */
export class CreateJournal1795120000000 implements MigrationInterface {
  name = 'CreateJournal1795120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE journal_classification (
        scheme_code  text NOT NULL,
        budget_year  integer NOT NULL CHECK (budget_year BETWEEN 2000 AND 2100),
        class_system text NOT NULL CHECK (length(class_system) BETWEEN 1 AND 100),
        class_id     text NOT NULL CHECK (length(class_id) BETWEEN 1 AND 50),
        class_title  text NOT NULL CHECK (length(class_title) BETWEEN 1 AND 200),
        updated_by   text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scheme_code, budget_year)
      )`);
    await queryRunner.query(`
      CREATE TABLE journal_case_file (
        id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id                uuid NOT NULL UNIQUE,
        case_number            text NOT NULL UNIQUE CHECK (case_number ~ '^[0-9]{4}/[0-9]{5,}$'),
        title                  text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        public_title           text NOT NULL CHECK (length(public_title) BETWEEN 1 AND 500),
        case_date              date NOT NULL,
        administrative_unit    text NOT NULL,
        responsible_caseworker text,
        status                 text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        closed_on              date,
        scheme_code            text NOT NULL,
        budget_year            integer NOT NULL,
        class_system           text NOT NULL,
        class_id               text NOT NULL,
        class_title            text NOT NULL,
        parties                jsonb NOT NULL DEFAULT '[]',
        last_document_number   integer NOT NULL DEFAULT 0 CHECK (last_document_number >= 0),
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'closed') = (closed_on IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE journal_number_counter (
        year        integer PRIMARY KEY,
        last_number integer NOT NULL CHECK (last_number >= 1),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE journal_entry (
        id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_file_id           uuid NOT NULL REFERENCES journal_case_file (id),
        source_key             text NOT NULL UNIQUE,
        journal_year           integer NOT NULL,
        journal_sequence       integer NOT NULL CHECK (journal_sequence >= 1),
        document_number        integer NOT NULL CHECK (document_number >= 1),
        kind                   text NOT NULL,
        entry_type             text NOT NULL CHECK (entry_type IN ('I', 'U', 'N', 'X')),
        status                 text NOT NULL CHECK (status IN ('J', 'F', 'E', 'A')),
        title                  text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        public_title           text NOT NULL CHECK (length(public_title) BETWEEN 1 AND 500),
        journal_date           date NOT NULL,
        document_date          date NOT NULL,
        received_date          date,
        sent_date              date,
        correspondence_parties jsonb NOT NULL DEFAULT '[]',
        screening              jsonb,
        review_state           text NOT NULL CHECK (review_state IN ('proposed', 'final')),
        reviewed_by            text,
        reviewed_at            timestamptz,
        answered_by_entry_id   uuid REFERENCES journal_entry (id),
        answered_on            date,
        answer_method          text CHECK (answer_method IN ('BU', 'TO', 'TE')),
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        UNIQUE (journal_year, journal_sequence),
        UNIQUE (case_file_id, document_number),
        CHECK ((answered_by_entry_id IS NULL) = (answer_method IS NULL)),
        CHECK (entry_type <> 'I' OR received_date IS NOT NULL),
        CHECK (entry_type <> 'U' OR sent_date IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX journal_entry_journal_date_idx ON journal_entry (journal_date, journal_year, journal_sequence)`);
    await queryRunner.query(`
      CREATE TABLE journal_document (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_id    uuid NOT NULL REFERENCES journal_entry (id),
        number      integer NOT NULL CHECK (number >= 1),
        role        text NOT NULL CHECK (role IN ('main', 'attachment')),
        title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        file_name   text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        media_type  text NOT NULL,
        content     bytea NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (entry_id, number)
      )`);
    await queryRunner.query(`
      CREATE TABLE archive_delivery (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_id        uuid NOT NULL REFERENCES journal_entry (id),
        version         integer NOT NULL CHECK (version >= 1),
        state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'failing', 'failed', 'delivered')),
        attempts        integer NOT NULL DEFAULT 0,
        last_error      text,
        last_attempt_at timestamptz,
        receipt         jsonb,
        delivered_at    timestamptz,
        requested_by    text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (entry_id, version),
        CHECK ((state = 'delivered') = (delivered_at IS NOT NULL AND receipt IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX archive_delivery_state_idx ON archive_delivery (state) WHERE state <> 'delivered'`);
    await queryRunner.query(`
      CREATE TABLE public_journal_export (
        day        date PRIMARY KEY,
        entries    integer NOT NULL,
        csv        text NOT NULL,
        json       jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE public_journal_export`);
    await queryRunner.query(`DROP TABLE archive_delivery`);
    await queryRunner.query(`DROP TABLE journal_document`);
    await queryRunner.query(`DROP TABLE journal_entry`);
    await queryRunner.query(`DROP TABLE journal_number_counter`);
    await queryRunner.query(`DROP TABLE journal_case_file`);
    await queryRunner.query(`DROP TABLE journal_classification`);
  }
}
