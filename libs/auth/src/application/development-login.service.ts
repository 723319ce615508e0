import { Injectable } from '@nestjs/common';
import { AppConfig } from '@imdi/platform';
import type { Role } from '../domain/role';
import { LocalIssuer } from '../infrastructure/local-issuer';

export interface DevelopmentLoginRequest {
  readonly role: Role;
  readonly userName: string;
  readonly displayName?: string;
  readonly organisationNumber?: string;
}

export type DevelopmentLoginResult =
  | { readonly ok: true; readonly token: string; readonly expiresInSeconds: number }
  | { readonly ok: false; readonly reason: 'oidc-configured' };

/** How the web front end logs people in: the local issuer in development, the OpenID Connect provider otherwise. */
export type LoginOptions =
  | { readonly mode: 'development' }
  | { readonly mode: 'oidc'; readonly issuer: string };

const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

/**
 * Signs a token for whoever the developer says they are. Only while no OpenID Connect key set is
 * configured: with AUTH_JWKS_URL set (always in production) tokens come from the real issuer, and
 * this must not exist, or anyone could make themselves an approver.
 */
@Injectable()
export class DevelopmentLogin {
  private issuer?: Promise<LocalIssuer>;

  constructor(private readonly config: AppConfig) {}

  options(): LoginOptions {
    return this.enabled() ? { mode: 'development' } : { mode: 'oidc', issuer: this.config.AUTH_ISSUER };
  }

  async login(request: DevelopmentLoginRequest): Promise<DevelopmentLoginResult> {
    if (!this.enabled()) return { ok: false, reason: 'oidc-configured' };
    this.issuer ??= LocalIssuer.open(this.config.AUTH_LOCAL_KEY_DIR, this.config.AUTH_ISSUER, this.config.AUTH_AUDIENCE);
    const token = await (await this.issuer).sign({
      sub: request.userName,
      roles: [request.role],
      organisationNumbers: request.organisationNumber ? [request.organisationNumber] : [],
      name: request.displayName || request.userName,
      expiresIn: `${TOKEN_LIFETIME_SECONDS}s`,
    });
    return { ok: true, token, expiresInSeconds: TOKEN_LIFETIME_SECONDS };
  }

  private enabled(): boolean {
    return !this.config.AUTH_JWKS_URL && !this.config.isProduction;
  }
}
