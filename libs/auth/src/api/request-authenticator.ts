import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { WebSignIn } from '../application/web-sign-in.service';
import type { Principal } from '../domain/principal';
import type { Role } from '../domain/role';
import { SignInError } from '../domain/sign-in.errors';
import { MachineTokenVerifier } from '../infrastructure/machine-token.verifier';
import { TokenVerifier } from '../infrastructure/token-verifier';
import { CSRF_HEADER, readCookie, SESSION_COOKIE } from './session-cookies';

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}

/** Methods that change nothing; every other request made with the session cookie must carry the CSRF token. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export type Authentication =
  | { readonly ok: true; readonly principal: Principal; readonly via: 'bearer' | 'session' }
  | { readonly ok: false; readonly error: UnauthorizedException | SignInError };

export type AccessDecision =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly status: 401; readonly detail: string; readonly error: UnauthorizedException | SignInError }
  | { readonly ok: false; readonly status: 403; readonly detail: string; readonly error?: SignInError; readonly principal?: Principal };

export interface AuthenticationOptions {
  /**
   * For pages we do not write (the queue board), whose scripts cannot send the CSRF token, a browser's
   * own Sec-Fetch-Site / Origin saying the request came from this site stands in for it.
   */
  readonly sameOriginProof?: boolean;
}

/**
 * The one place a request's caller is established and its roles are checked: a bearer token (system
 * clients, tests, `npm run token`) or the browser's session cookie with its CSRF token. The Nest guard,
 * the sign-in routes and the queue board (a Fastify plugin outside Nest's guards) all ask here.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly machines: MachineTokenVerifier,
    private readonly signIn: WebSignIn,
  ) {}

  async authenticate(request: FastifyRequest, options: AuthenticationOptions = {}): Promise<Authentication> {
    const authorization = request.headers.authorization;
    const token = bearerToken(Array.isArray(authorization) ? undefined : authorization);
    if (token) {
      // A municipality's system (client credentials, Maskinporten-style) or a system client with our own token.
      const result = this.machines.claimsMachineIssuer(token) ? await this.machines.verify(token) : await this.verifier.verify(token);
      if (!result.ok)
        return {
          ok: false,
          error: new UnauthorizedException({
            detail: result.reason === 'expired' ? 'Innloggingen er utløpt. Logg inn på nytt.' : 'Innloggingen er ikke gyldig. Logg inn på nytt.',
          }),
        };
      return { ok: true, principal: result.principal, via: 'bearer' };
    }
    const sessionId = readCookie(request, SESSION_COOKIE);
    if (!sessionId) return { ok: false, error: new UnauthorizedException({ detail: 'Du er ikke logget inn. Logg inn og prøv igjen.' }) };
    const session = await this.signIn.session(sessionId);
    if (!session) return { ok: false, error: new SignInError('NOT_SIGNED_IN', 'Du er ikke logget inn, eller økten din er utløpt. Logg inn på nytt.') };
    const presented = request.headers[CSRF_HEADER];
    const proven =
      this.signIn.csrfMatches(session, typeof presented === 'string' ? presented : undefined) || (options.sameOriginProof === true && fromThisSite(request));
    if (!SAFE_METHODS.has(request.method) && !proven) {
      return {
        ok: false,
        error: new SignInError('CSRF_TOKEN_INVALID', 'Forespørselen mangler et gyldig CSRF-token (X-CSRF-Token). Last siden på nytt og prøv igjen.'),
      };
    }
    return { ok: true, principal: session.principal, via: 'session' };
  }

  async principalOf(request: FastifyRequest, options: AuthenticationOptions = {}): Promise<AccessDecision> {
    const authentication = await this.authenticate(request, options);
    if (authentication.ok) return { ok: true, principal: authentication.principal };
    const { error } = authentication;
    if (error instanceof SignInError && error.code === 'CSRF_TOKEN_INVALID') return { ok: false, status: 403, detail: error.message, error };
    return { ok: false, status: 401, detail: error.message, error };
  }

  /** Authenticates and checks that the caller holds one of `roles`. */
  async authorise(request: FastifyRequest, roles: readonly Role[], options: AuthenticationOptions = {}): Promise<AccessDecision> {
    const decision = await this.principalOf(request, options);
    return decision.ok ? requireRole(decision.principal, roles) : decision;
  }
}

export function requireRole(principal: Principal, roles: readonly Role[]): AccessDecision {
  if (roles.some((role) => principal.roles.includes(role))) return { ok: true, principal };
  return { ok: false, status: 403, detail: `Du har ikke tilgang. Dette krever en av rollene: ${roles.join(', ')}.`, principal };
}

function fromThisSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = request.headers.origin;
  return typeof origin === 'string' && origin === `${request.protocol}://${request.host}`;
}
