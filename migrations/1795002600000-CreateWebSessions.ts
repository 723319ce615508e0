import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions kept on the server (the browser holds only a random id in an httpOnly cookie).
 * Ids are stored as their SHA-256, so a copy of the table cannot be replayed as cookies; the ID token
 * (needed for the provider's logout) is encrypted at rest. A login attempt keeps the state, nonce and
 * PKCE verifier between the redirect to the provider and its answer, and is used once.
 */
export class CreateWebSessions1795002600000 implements MigrationInterface {
  name = 'CreateWebSessions1795002600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE web_session (
        id_hash          text PRIMARY KEY,
        kind             text NOT NULL CHECK (kind IN ('staff', 'applicant')),
        user_id          text NOT NULL,
        name             text NOT NULL,
        roles            text[] NOT NULL,
        representations  jsonb NOT NULL DEFAULT '[]',
        acting_for       text,
        csrf_token       text NOT NULL,
        id_token_sealed  text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        last_seen_at     timestamptz NOT NULL DEFAULT now(),
        expires_at       timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX web_session_expires_at ON web_session (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE web_login_attempt (
        id_hash        text PRIMARY KEY,
        kind           text NOT NULL CHECK (kind IN ('staff', 'applicant')),
        state          text NOT NULL,
        nonce          text NOT NULL,
        code_verifier  text NOT NULL,
        return_to      text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX web_login_attempt_created_at ON web_login_attempt (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE web_login_attempt`);
    await queryRunner.query(`DROP TABLE web_session`);
  }
}
