import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '../domain/role';
import { isRole } from '../domain/role';
import type { Representation, SessionKind, WebSession } from '../domain/web-session';

/** Cookie values are random 256-bit ids; only their hash is stored, so the table holds nothing a browser could present. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

export interface NewWebSession {
  readonly kind: SessionKind;
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly representations: readonly Representation[];
  readonly csrfToken: string;
  readonly idTokenSealed: string | null;
  readonly absoluteSeconds: number;
}

export interface LoginAttempt {
  readonly kind: SessionKind;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
}

// A bare DELETE … RETURNING comes back from TypeORM as [rows, count]; wrapped in a SELECT it is rows, as everywhere else.
interface SessionRow {
  kind: SessionKind;
  user_id: string;
  name: string;
  roles: string[];
  representations: Representation[];
  acting_for: string | null;
  csrf_token: string;
  id_token_sealed: string | null;
}

/** A login attempt is good for this long: the time a person may spend at the provider's login page. */
const LOGIN_ATTEMPT_SECONDS = 15 * 60;
/** last_seen_at is written at most this often per session, not on every request. */
const TOUCH_EVERY_SECONDS = 15;

@Injectable()
export class WebSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(id: string, session: NewWebSession): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO web_session (id_hash, kind, user_id, name, roles, representations, csrf_token, id_token_sealed, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(secs => $9))`,
      [
        hashSessionId(id),
        session.kind,
        session.userId,
        session.name,
        [...session.roles],
        JSON.stringify(session.representations),
        session.csrfToken,
        session.idTokenSealed,
        session.absoluteSeconds,
      ],
    );
    // Old sessions are removed as new ones come: no job needed for a table this size.
    await this.dataSource.query(`DELETE FROM web_session WHERE expires_at < now() - interval '1 day'`);
  }

  /** The live session for a cookie (neither idle too long nor past its absolute end), seen now. */
  async findLive(id: string, idleSeconds: number): Promise<(WebSession & { readonly idTokenSealed: string | null }) | undefined> {
    const rows: SessionRow[] = await this.dataSource.query(
      `WITH live AS (
         SELECT * FROM web_session
         WHERE id_hash = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(secs => $2)
       ), touched AS (
         UPDATE web_session SET last_seen_at = now()
         FROM live WHERE web_session.id_hash = live.id_hash AND live.last_seen_at < now() - make_interval(secs => $3)
       )
       SELECT kind, user_id, name, roles, representations, acting_for, csrf_token, id_token_sealed FROM live`,
      [hashSessionId(id), idleSeconds, TOUCH_EVERY_SECONDS],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      kind: row.kind,
      userId: row.user_id,
      name: row.name,
      roles: row.roles.filter(isRole),
      representations: row.representations,
      actingFor: row.acting_for,
      csrfToken: row.csrf_token,
      idTokenSealed: row.id_token_sealed,
    };
  }

  async chooseOrganisation(id: string, organisationNumber: string): Promise<void> {
    await this.dataSource.query(`UPDATE web_session SET acting_for = $2 WHERE id_hash = $1`, [hashSessionId(id), organisationNumber]);
  }

  /** Ends the session; what it held (for the provider's logout) is returned once. */
  async delete(
    id: string,
  ): Promise<
    { readonly userId: string; readonly roles: readonly string[]; readonly actingFor: string | null; readonly idTokenSealed: string | null } | undefined
  > {
    const rows: Array<{ user_id: string; roles: string[]; acting_for: string | null; id_token_sealed: string | null }> = await this.dataSource.query(
      `WITH ended AS (DELETE FROM web_session WHERE id_hash = $1 RETURNING user_id, roles, acting_for, id_token_sealed) SELECT * FROM ended`,
      [hashSessionId(id)],
    );
    const row = rows[0];
    return row ? { userId: row.user_id, roles: row.roles, actingFor: row.acting_for, idTokenSealed: row.id_token_sealed } : undefined;
  }

  async createLoginAttempt(id: string, attempt: LoginAttempt): Promise<void> {
    await this.dataSource.query(`INSERT INTO web_login_attempt (id_hash, kind, state, nonce, code_verifier, return_to) VALUES ($1, $2, $3, $4, $5, $6)`, [
      hashSessionId(id),
      attempt.kind,
      attempt.state,
      attempt.nonce,
      attempt.codeVerifier,
      attempt.returnTo,
    ]);
    await this.dataSource.query(`DELETE FROM web_login_attempt WHERE created_at < now() - make_interval(secs => $1)`, [LOGIN_ATTEMPT_SECONDS]);
  }

  /** Takes the attempt for good: a callback can be answered once, so a replayed one finds nothing. */
  async takeLoginAttempt(id: string): Promise<LoginAttempt | undefined> {
    const rows: Array<{ kind: SessionKind; state: string; nonce: string; code_verifier: string; return_to: string }> = await this.dataSource.query(
      `WITH taken AS (
         DELETE FROM web_login_attempt WHERE id_hash = $1 AND created_at > now() - make_interval(secs => $2)
         RETURNING kind, state, nonce, code_verifier, return_to
       ) SELECT * FROM taken`,
      [hashSessionId(id), LOGIN_ATTEMPT_SECONDS],
    );
    const row = rows[0];
    return row ? { kind: row.kind, state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to } : undefined;
  }
}
