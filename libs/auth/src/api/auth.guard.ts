import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { WebSignIn } from '../application/web-sign-in.service';
import type { Principal } from '../domain/principal';
import type { Role } from '../domain/role';
import { SignInError } from '../domain/sign-in.errors';
import { MachineTokenVerifier } from '../infrastructure/machine-token.verifier';
import { TokenVerifier } from '../infrastructure/token-verifier';
import { PUBLIC_METADATA, ROLES_METADATA } from './access.decorators';
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

/**
 * Who is calling: a bearer token (system clients, tests, `npm run token`) or the browser's session
 * cookie. Shared by the guard and the queue board, which sits outside Nest's guards.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly machines: MachineTokenVerifier,
    private readonly signIn: WebSignIn,
  ) {}

  /**
   * `sameOriginProof`: for pages we do not write (the queue board), whose scripts cannot send the
   * token, a browser's own Sec-Fetch-Site / Origin saying the request came from this site stands in for it.
   */
  async authenticate(request: FastifyRequest, options: { readonly sameOriginProof?: boolean } = {}): Promise<Authentication> {
    const token = bearerToken(request.headers.authorization);
    if (token) {
      const result = this.machines.claimsMachineIssuer(token) ? await this.machines.verify(token) : await this.verifier.verify(token);
      if (!result.ok) return { ok: false, error: new UnauthorizedException(result.reason === 'expired' ? 'The token has expired' : 'The token is not valid') };
      return { ok: true, principal: result.principal, via: 'bearer' };
    }
    const sessionId = readCookie(request, SESSION_COOKIE);
    if (!sessionId) return { ok: false, error: new UnauthorizedException('A bearer token or a session is required') };
    const session = await this.signIn.session(sessionId);
    if (!session) return { ok: false, error: new SignInError('NOT_SIGNED_IN', 'Du er ikke logget inn, eller økten din er utløpt. Logg inn på nytt.') };
    const presented = request.headers[CSRF_HEADER];
    const proven = this.signIn.csrfMatches(session, typeof presented === 'string' ? presented : undefined) || (options.sameOriginProof === true && fromThisSite(request));
    if (!SAFE_METHODS.has(request.method) && !proven) {
      return { ok: false, error: new SignInError('CSRF_TOKEN_INVALID', 'Forespørselen mangler et gyldig CSRF-token (X-CSRF-Token). Last siden på nytt og prøv igjen.') };
    }
    return { ok: true, principal: session.principal, via: 'session' };
  }
}

function fromThisSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = request.headers.origin;
  return typeof origin === 'string' && origin === `${request.protocol}://${request.host}`;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets);

    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const authentication = await this.authenticator.authenticate(request);
    if (!authentication.ok) throw authentication.error;
    const { principal } = authentication;
    if (!roles || roles.length === 0) throw new ForbiddenException('This route is closed: it declares no roles');
    if (!roles.some((role) => principal.roles.includes(role))) {
      throw new ForbiddenException(`This route requires one of the roles: ${roles.join(', ')}`);
    }
    request.principal = principal;
    return true;
  }
}
