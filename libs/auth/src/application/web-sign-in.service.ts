import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, PersonalDataCipher, staffRoleMap } from '@imdi/platform';
import { NationalIdNumber } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { isRole } from '../domain/role';
import {
  meetsAssuranceLevel,
  principalOf,
  rolesForGroups,
  safeReturnPath,
  type Representation,
  type SessionKind,
  type WebSession,
} from '../domain/web-session';
import type { Principal } from '../domain/principal';
import { IdentityProviders } from '../infrastructure/identity-providers';
import { RepresentationClient } from '../infrastructure/representation.client';
import { WebSessionRepository } from '../infrastructure/web-session.repository';
import { SIGN_IN_AUDIT, type SignInAudit } from './sign-in-audit';

export type StartedLogin =
  { readonly ok: true; readonly attemptId: string; readonly redirectTo: string } | { readonly ok: false; readonly reason: 'not-configured' };

export type FinishedLogin =
  | { readonly ok: true; readonly sessionId: string; readonly redirectTo: string }
  | { readonly ok: false; readonly reason: 'no-attempt' | 'refused' | 'no-role' | 'assurance-level' | 'no-identity'; readonly name?: string };

export type OrganisationChoice =
  { readonly ok: true; readonly session: WebSession } | { readonly ok: false; readonly reason: 'not-an-applicant' | 'not-represented' };

const CALLBACK_PATH: Record<SessionKind, string> = { staff: '/auth/callback/staff', applicant: '/auth/callback/applicant' };
export const LOGGED_OUT_PATH = '/logget-ut';
export const CHOOSE_ORGANISATION_PATH = '/velg-organisasjon';

function randomId(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Browser sign-in as a backend-for-frontend: the api runs the OpenID Connect flow, keeps the tokens,
 * and gives the browser only a random session id. A new id at every login (no fixation), login and
 * logout audited, and the provider's session ended at logout.
 */
@Injectable()
export class WebSignIn {
  private readonly logger = new Logger(WebSignIn.name);
  private readonly roleMap: ReadonlyMap<string, string>;

  constructor(
    private readonly config: AppConfig,
    private readonly providers: IdentityProviders,
    private readonly sessions: WebSessionRepository,
    private readonly representation: RepresentationClient,
    private readonly cipher: PersonalDataCipher,
    private readonly dataSource: DataSource,
    @Inject(SIGN_IN_AUDIT) private readonly audit: SignInAudit,
  ) {
    this.roleMap = staffRoleMap(config);
  }

  configured(kind: SessionKind): boolean {
    return this.providers.settings(kind) !== undefined;
  }

  /** The address the provider sends people back to: the configured public one, else (development) the request's own. */
  origin(requestOrigin: string): string {
    return (this.config.AUTH_PUBLIC_URL ?? requestOrigin).replace(/\/$/, '');
  }

  async start(kind: SessionKind, requestOrigin: string, returnTo: string | undefined): Promise<StartedLogin> {
    if (!this.configured(kind)) return { ok: false, reason: 'not-configured' };
    const request = await this.providers.authorizationRequest(kind, `${this.origin(requestOrigin)}${CALLBACK_PATH[kind]}`);
    const attemptId = randomId();
    await this.sessions.createLoginAttempt(attemptId, {
      kind,
      state: request.state,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
      returnTo: safeReturnPath(returnTo),
    });
    return { ok: true, attemptId, redirectTo: request.url };
  }

  async finish(kind: SessionKind, attemptId: string | undefined, requestOrigin: string, query: string): Promise<FinishedLogin> {
    const attempt = attemptId ? await this.sessions.takeLoginAttempt(attemptId) : undefined;
    if (!attempt || attempt.kind !== kind) return { ok: false, reason: 'no-attempt' };
    const callbackUrl = new URL(`${this.origin(requestOrigin)}${CALLBACK_PATH[kind]}${query}`);
    const result = await this.providers.completeAuthorization(kind, callbackUrl, attempt);
    if (!result.ok) {
      this.logger.warn(`a ${kind} login was refused: ${result.reason}`);
      return { ok: false, reason: 'refused' };
    }
    const identity = kind === 'staff' ? this.staffIdentity(result.claims) : await this.personIdentity(result.claims);
    if (!identity.ok) return identity;
    const sessionId = randomId();
    await this.sessions.create(sessionId, {
      kind,
      userId: identity.userId,
      name: identity.name,
      roles: identity.roles,
      representations: identity.representations,
      csrfToken: randomId(),
      idTokenSealed: this.cipher.encrypt(result.idToken),
      absoluteSeconds: this.config.SESSION_ABSOLUTE_SECONDS,
    });
    await this.audit.record(this.dataSource.manager, {
      actor: { userId: identity.userId, roles: identity.roles },
      action: 'user.logged-in',
      entityType: 'user',
      entityId: identity.userId,
      after: {
        provider: kind,
        assuranceLevel: typeof result.claims.acr === 'string' ? result.claims.acr : null,
        organisations: identity.representations.map((party) => party.organisationNumber),
      },
    });
    const redirectTo = kind === 'applicant' ? `${CHOOSE_ORGANISATION_PATH}?neste=${encodeURIComponent(attempt.returnTo)}` : attempt.returnTo;
    return { ok: true, sessionId, redirectTo };
  }

  private staffIdentity(claims: Readonly<Record<string, unknown>>): IdentityResult {
    const userId = claims[this.config.AUTH_STAFF_USER_ID_CLAIM];
    if (typeof userId !== 'string' || !userId) return { ok: false, reason: 'no-identity' };
    const groupClaim = claims[this.config.AUTH_STAFF_GROUP_CLAIM];
    const groups = Array.isArray(groupClaim) ? groupClaim.filter((group): group is string => typeof group === 'string') : [];
    const roles = rolesForGroups(groups, this.roleMap, isRole);
    const name = typeof claims.name === 'string' ? claims.name : userId;
    if (roles.length === 0) return { ok: false, reason: 'no-role', name };
    return { ok: true, userId, name, roles, representations: [] };
  }

  private async personIdentity(claims: Readonly<Record<string, unknown>>): Promise<IdentityResult> {
    if (!meetsAssuranceLevel(claims.acr, this.config.AUTH_APPLICANT_ACR)) return { ok: false, reason: 'assurance-level' };
    let person: NationalIdNumber;
    try {
      person = NationalIdNumber.of(String(claims.pid ?? ''));
    } catch {
      return { ok: false, reason: 'no-identity' };
    }
    const representations = await this.representation.organisationsOf(person.value);
    // The audit names the person by a keyed hash of the national identity number: the same person, never the number itself.
    const userId = `person:${this.cipher.blindIndex(person.value).slice(0, 32)}`;
    return { ok: true, userId, name: typeof claims.name === 'string' ? claims.name : 'Innlogget person', roles: ['applicant'], representations };
  }

  async session(sessionId: string | undefined): Promise<(WebSession & { readonly principal: Principal }) | undefined> {
    if (!sessionId) return undefined;
    const session = await this.sessions.findLive(sessionId, this.config.SESSION_IDLE_SECONDS);
    return session ? { ...session, principal: principalOf(session) } : undefined;
  }

  csrfMatches(session: WebSession, presented: string | undefined): boolean {
    if (!presented) return false;
    const expected = Buffer.from(session.csrfToken);
    const actual = Buffer.from(presented);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  async chooseOrganisation(sessionId: string, session: WebSession, organisationNumber: string): Promise<OrganisationChoice> {
    if (session.kind !== 'applicant') return { ok: false, reason: 'not-an-applicant' };
    if (!session.representations.some((party) => party.organisationNumber === organisationNumber)) return { ok: false, reason: 'not-represented' };
    await this.sessions.chooseOrganisation(sessionId, organisationNumber);
    await this.audit.record(this.dataSource.manager, {
      actor: { userId: session.userId, roles: session.roles, actingFor: organisationNumber },
      action: 'user.acting-for-organisation',
      entityType: 'organisation',
      entityId: organisationNumber,
      after: { previous: session.actingFor },
    });
    return { ok: true, session: { ...session, actingFor: organisationNumber } };
  }

  /** Ends the session here; the answer is where to send the browser so the provider ends its session too. */
  async logout(sessionId: string | undefined, requestOrigin: string): Promise<string> {
    const loggedOut = `${this.origin(requestOrigin)}${LOGGED_OUT_PATH}`;
    const session = sessionId ? await this.session(sessionId) : undefined;
    const ended = sessionId ? await this.sessions.delete(sessionId) : undefined;
    if (!session || !ended) return loggedOut;
    await this.audit.record(this.dataSource.manager, {
      actor: { userId: ended.userId, roles: ended.roles, actingFor: ended.actingFor ?? undefined },
      action: 'user.logged-out',
      entityType: 'user',
      entityId: ended.userId,
      after: { provider: session.kind },
    });
    const idToken = ended.idTokenSealed ? this.cipher.decrypt(ended.idTokenSealed) : null;
    return (await this.providers.endSessionUrl(session.kind, idToken, loggedOut)) ?? loggedOut;
  }
}

type IdentityResult =
  | {
      readonly ok: true;
      readonly userId: string;
      readonly name: string;
      readonly roles: WebSession['roles'];
      readonly representations: readonly Representation[];
    }
  | { readonly ok: false; readonly reason: 'no-role' | 'assurance-level' | 'no-identity'; readonly name?: string };
