import { Injectable } from '@nestjs/common';
import { AppConfig } from '@imdi/platform';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Principal } from '../domain/principal';
import type { VerificationResult } from './token-verifier';

/** Maskinporten names the organisation a client acts for as ISO 6523 `0192:<organisation number>`. */
const NORWEGIAN_ORGANISATION = /^0192:(\d{9})$/;

/**
 * Access tokens from the Maskinporten-style issuer: a municipality's system (client credentials)
 * with the configured scope, acting for the organisation in its `consumer` claim and no other.
 */
@Injectable()
export class MachineTokenVerifier {
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(private readonly config: AppConfig) {}

  /** Whether a token claims to come from the machine issuer (checked properly by verify). */
  claimsMachineIssuer(token: string): boolean {
    if (!this.config.AUTH_MACHINE_ISSUER) return false;
    try {
      return decodeJwt(token).iss === this.config.AUTH_MACHINE_ISSUER;
    } catch {
      return false;
    }
  }

  private keySet(issuer: string): Promise<JWTVerifyGetKey> {
    this.keys ??= (async () => {
      const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/oauth-authorization-server`, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`the machine issuer's metadata answered ${response.status}`);
      const metadata = (await response.json()) as { jwks_uri?: string };
      if (!metadata.jwks_uri) throw new Error('the machine issuer names no jwks_uri');
      return createRemoteJWKSet(new URL(metadata.jwks_uri));
    })();
    this.keys.catch(() => (this.keys = undefined));
    return this.keys;
  }

  async verify(token: string): Promise<VerificationResult> {
    const issuer = this.config.AUTH_MACHINE_ISSUER;
    if (!issuer) return { ok: false, reason: 'invalid' };
    try {
      const { payload } = await jwtVerify(token, await this.keySet(issuer), {
        issuer,
        audience: this.config.AUTH_MACHINE_AUDIENCE,
        algorithms: ['RS256', 'ES256', 'PS256'],
      });
      const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
      const consumer = payload.consumer as { ID?: unknown } | undefined;
      const organisation = typeof consumer?.ID === 'string' ? NORWEGIAN_ORGANISATION.exec(consumer.ID)?.[1] : undefined;
      const clientId = typeof payload.client_id === 'string' ? payload.client_id : undefined;
      if (!scopes.includes(this.config.AUTH_MACHINE_SCOPE) || !organisation || !clientId) return { ok: false, reason: 'invalid' };
      const principal: Principal = { userId: `system:${clientId}`, name: clientId, roles: ['municipality-system'], organisationNumbers: [organisation] };
      return { ok: true, principal };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      if (error instanceof errors.JOSEError) return { ok: false, reason: 'invalid' };
      throw error;
    }
  }
}
