import { Injectable } from '@nestjs/common';
import { AppConfig } from '@imdi/platform';
import * as oidc from 'openid-client';
import type { SessionKind } from '../domain/web-session';

export interface ProviderSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scopes: string;
  readonly acr?: string;
}

export interface AuthorizationRequest {
  readonly url: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export type CallbackResult =
  { readonly ok: true; readonly claims: Readonly<Record<string, unknown>>; readonly idToken: string } | { readonly ok: false; readonly reason: string };

/**
 * The two OpenID Connect providers the browser signs in at, through openid-client: the
 * authorization-code flow with PKCE, state and nonce, and RP-initiated logout. Each provider's
 * metadata is discovered on first use and kept.
 */
@Injectable()
export class IdentityProviders {
  private readonly discovered = new Map<SessionKind, Promise<oidc.Configuration>>();
  private readonly tokens = new Map<string, { readonly token: string; readonly expiresAt: number }>();

  constructor(private readonly config: AppConfig) {}

  settings(kind: SessionKind): ProviderSettings | undefined {
    const c = this.config;
    if (kind === 'staff') {
      return c.AUTH_STAFF_ISSUER && c.AUTH_STAFF_CLIENT_ID && c.AUTH_STAFF_CLIENT_SECRET
        ? { issuer: c.AUTH_STAFF_ISSUER, clientId: c.AUTH_STAFF_CLIENT_ID, clientSecret: c.AUTH_STAFF_CLIENT_SECRET, scopes: c.AUTH_STAFF_SCOPES }
        : undefined;
    }
    return c.AUTH_APPLICANT_ISSUER && c.AUTH_APPLICANT_CLIENT_ID && c.AUTH_APPLICANT_CLIENT_SECRET
      ? {
          issuer: c.AUTH_APPLICANT_ISSUER,
          clientId: c.AUTH_APPLICANT_CLIENT_ID,
          clientSecret: c.AUTH_APPLICANT_CLIENT_SECRET,
          scopes: c.AUTH_APPLICANT_SCOPES,
          acr: c.AUTH_APPLICANT_ACR,
        }
      : undefined;
  }

  private configuration(kind: SessionKind): Promise<oidc.Configuration> {
    const settings = this.settings(kind);
    if (!settings) throw new Error(`no ${kind} identity provider is configured`);
    let found = this.discovered.get(kind);
    if (!found) {
      // Plain http only for the local provider in development and tests; production is refused at start.
      const options = this.config.isProduction ? undefined : { execute: [oidc.allowInsecureRequests] };
      found = oidc.discovery(new URL(settings.issuer), settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), options);
      // A provider that was down is asked again next time rather than never.
      found.catch(() => this.discovered.delete(kind));
      this.discovered.set(kind, found);
    }
    return found;
  }

  async authorizationRequest(kind: SessionKind, redirectUri: string): Promise<AuthorizationRequest> {
    const settings = this.settings(kind)!;
    const configuration = await this.configuration(kind);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const parameters: Record<string, string> = {
      redirect_uri: redirectUri,
      scope: settings.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    };
    if (settings.acr) parameters.acr_values = settings.acr;
    return { url: oidc.buildAuthorizationUrl(configuration, parameters).href, state, nonce, codeVerifier };
  }

  /** Exchanges the code; openid-client checks state, nonce, PKCE, issuer, audience and the ID token's signature. */
  async completeAuthorization(kind: SessionKind, callbackUrl: URL, expected: { state: string; nonce: string; codeVerifier: string }): Promise<CallbackResult> {
    const configuration = await this.configuration(kind);
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        pkceCodeVerifier: expected.codeVerifier,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) return { ok: false, reason: 'no ID token' };
      return { ok: true, claims, idToken: tokens.id_token };
    } catch (error) {
      if (error instanceof oidc.AuthorizationResponseError) return { ok: false, reason: `the provider refused: ${error.error}` };
      if (error instanceof oidc.ResponseBodyError) return { ok: false, reason: `the token endpoint refused: ${error.error}` };
      if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('OAUTH_'))
        return { ok: false, reason: error.message };
      throw error;
    }
  }

  /** An access token for the api itself (client credentials), e.g. to read the staff directory; kept until shortly before it expires. */
  async clientCredentialsToken(kind: SessionKind, scope: string | undefined): Promise<string> {
    const key = `${kind} ${scope ?? ''}`;
    const kept = this.tokens.get(key);
    if (kept && kept.expiresAt > Date.now()) return kept.token;
    const configuration = await this.configuration(kind);
    const tokens = await oidc.clientCredentialsGrant(configuration, scope ? { scope } : {});
    // A minute's margin, so a token is never sent in its last seconds.
    this.tokens.set(key, { token: tokens.access_token, expiresAt: Date.now() + Math.max((tokens.expires_in ?? 60) - 60, 0) * 1000 });
    return tokens.access_token;
  }

  /** Where to send the browser to end the session at the provider too (RP-initiated logout). */
  async endSessionUrl(kind: SessionKind, idToken: string | null, postLogoutRedirectUri: string): Promise<string | undefined> {
    if (!this.settings(kind)) return undefined;
    const configuration = await this.configuration(kind);
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    const parameters: Record<string, string> = { post_logout_redirect_uri: postLogoutRedirectUri };
    if (idToken) parameters.id_token_hint = idToken;
    return oidc.buildEndSessionUrl(configuration, parameters).href;
  }
}
