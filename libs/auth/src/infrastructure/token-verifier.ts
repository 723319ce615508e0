import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@imdi/platform';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Principal } from '../domain/principal';
import { isRole } from '../domain/role';
import { CLAIM_NAME, CLAIM_ORGANISATIONS, CLAIM_ROLES, TOKEN_ALGORITHM } from './token-claims';
import { LocalIssuer } from './local-issuer';

export type VerificationResult =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly reason: 'expired' | 'invalid' };

@Injectable()
export class TokenVerifier implements OnModuleInit {
  private keySet?: JWTVerifyGetKey;

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
      if (!payload.sub) return { ok: false, reason: 'invalid' };
      const name = typeof payload[CLAIM_NAME] === 'string' ? payload[CLAIM_NAME] : payload.sub;
      return { ok: true, principal: { userId: payload.sub, name, roles, organisationNumbers: organisations } };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      if (error instanceof errors.JOSEError) return { ok: false, reason: 'invalid' };
      throw error;
    }
  }
}
