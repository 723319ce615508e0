import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@imdi/platform';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Principal } from '../domain/principal';
import { isRole } from '../domain/role';
import { CLAIM_NAME, CLAIM_ORGANISATIONS, CLAIM_ROLES, TOKEN_ALGORITHM } from './token-claims';
import { LocalIssuer } from './local-issuer';

export type VerificationResult = { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly reason: 'expired' | 'invalid' };

/** A verified token is trusted again without its signature checked for at most this long (and never past `exp`). */
const VERIFIED_TOKEN_TTL_MS = 60_000;
const VERIFIED_TOKEN_CACHE_LIMIT = 10_000;

@Injectable()
export class TokenVerifier implements OnModuleInit {
  private keySet?: JWTVerifyGetKey;
  /** Signature checks are the costliest part of a small request; a client sends the same token many times. */
  private readonly verified = new Map<string, { readonly principal: Principal; readonly trustedUntil: number }>();

  constructor(private readonly config: AppConfig) {}

  /** Without an OpenID Connect key set (development, tests) the local issuer's key is created on first start. */
  async onModuleInit(): Promise<void> {
    if (!this.config.AUTH_JWKS_URL) {
      await LocalIssuer.open(this.config.AUTH_LOCAL_KEY_DIR, this.config.AUTH_ISSUER, this.config.AUTH_AUDIENCE);
    }
  }

  private keys(): JWTVerifyGetKey {
    if (this.keySet) return this.keySet;
    if (this.config.AUTH_JWKS_URL) {
      this.keySet = createRemoteJWKSet(new URL(this.config.AUTH_JWKS_URL));
    } else {
      const publicJwk = LocalIssuer.readPublicJwk(this.config.AUTH_LOCAL_KEY_DIR);
      if (!publicJwk) {
        throw new Error(`no local issuer key in ${this.config.AUTH_LOCAL_KEY_DIR}: run "npm run token" once to create it`);
      }
      this.keySet = createLocalJWKSet({ keys: [publicJwk] });
    }
    return this.keySet;
  }

  async verify(token: string): Promise<VerificationResult> {
    const cached = this.verified.get(token);
    if (cached && Date.now() < cached.trustedUntil) return { ok: true, principal: cached.principal };
    if (cached) this.verified.delete(token);
    const result = await this.verifySignature(token);
    if (result.ok) this.remember(token, result);
    return result;
  }

  private remember(token: string, result: { principal: Principal; expiresAt: number }): void {
    if (result.expiresAt <= Date.now()) return;
    if (this.verified.size >= VERIFIED_TOKEN_CACHE_LIMIT) this.verified.clear();
    this.verified.set(token, { principal: result.principal, trustedUntil: Math.min(result.expiresAt, Date.now() + VERIFIED_TOKEN_TTL_MS) });
  }

  private async verifySignature(token: string): Promise<VerificationResult & { expiresAt: number }> {
    try {
      const { payload } = await jwtVerify(token, this.keys(), {
        issuer: this.config.AUTH_ISSUER,
        audience: this.config.AUTH_AUDIENCE,
        algorithms: [TOKEN_ALGORITHM, 'RS256'],
      });
      const roles = Array.isArray(payload[CLAIM_ROLES]) ? payload[CLAIM_ROLES].filter(isRole) : [];
      const organisations = Array.isArray(payload[CLAIM_ORGANISATIONS])
        ? payload[CLAIM_ORGANISATIONS].filter((value): value is string => typeof value === 'string')
        : [];
      if (!payload.sub) return { ok: false, reason: 'invalid', expiresAt: 0 };
      const name = typeof payload[CLAIM_NAME] === 'string' ? payload[CLAIM_NAME] : payload.sub;
      // A token without exp is checked every time it comes.
      const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
      return { ok: true, principal: { userId: payload.sub, name, roles, organisationNumbers: organisations }, expiresAt };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired', expiresAt: 0 };
      if (error instanceof errors.JOSEError) return { ok: false, reason: 'invalid', expiresAt: 0 };
      throw error;
    }
  }
}
