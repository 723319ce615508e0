import { Injectable } from '@nestjs/common';
import type { Principal } from '../domain/principal';
import type { Role } from '../domain/role';
import { TokenVerifier } from '../infrastructure/token-verifier';

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}

export interface RequestWithHeaders {
  readonly headers: Record<string, string | string[] | undefined>;
}

export type AccessDecision =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly status: 401; readonly reason: 'missing' | 'expired' | 'invalid'; readonly detail: string }
  | { readonly ok: false; readonly status: 403; readonly reason: 'role'; readonly detail: string; readonly principal: Principal };

/**
 * The one place a request's caller is established and its roles are checked: the Nest guard and the
 * queue board (a Fastify plugin outside Nest's guards) both ask here, so another way to sign in is
 * added once.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(private readonly verifier: TokenVerifier) {}

  async principalOf(request: RequestWithHeaders): Promise<AccessDecision> {
    const authorization = request.headers.authorization;
    const token = bearerToken(Array.isArray(authorization) ? undefined : authorization);
    if (!token) return { ok: false, status: 401, reason: 'missing', detail: 'A bearer token is required' };
    const result = await this.verifier.verify(token);
    if (!result.ok) {
      return { ok: false, status: 401, reason: result.reason, detail: result.reason === 'expired' ? 'The token has expired' : 'The token is not valid' };
    }
    return { ok: true, principal: result.principal };
  }

  /** Authenticates and checks that the caller holds one of `roles`. */
  async authorise(request: RequestWithHeaders, roles: readonly Role[]): Promise<AccessDecision> {
    const decision = await this.principalOf(request);
    return decision.ok ? requireRole(decision.principal, roles) : decision;
  }
}

export function requireRole(principal: Principal, roles: readonly Role[]): AccessDecision {
  if (roles.some((role) => principal.roles.includes(role))) return { ok: true, principal };
  return { ok: false, status: 403, reason: 'role', detail: `This route requires one of the roles: ${roles.join(', ')}`, principal };
}
