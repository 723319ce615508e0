// oidc-provider 9 ships ESM without types; Node >= 20.19 loads it through require(esm). These are the parts we use.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>> | Record<string, unknown>;
  }
  export interface ProviderContext {
    readonly oidc: { readonly client?: { readonly clientId: string; readonly [property: string]: unknown } };
    body?: string;
    type?: string;
  }
  export interface InteractionDetails {
    readonly uid: string;
    readonly prompt: { readonly name: string; readonly details: Record<string, unknown> };
    readonly params: Record<string, string | undefined>;
    readonly session?: { readonly accountId?: string };
    readonly grantId?: string;
  }
  export interface Grant {
    addOIDCScope(scope: string): void;
    addResourceScope(indicator: string, scope: string): void;
    save(): Promise<string>;
  }
  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris?: string[];
    post_logout_redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    [property: string]: unknown;
  }
  export interface Configuration {
    clients?: ClientMetadata[];
    jwks?: { keys: object[] };
    cookies?: { keys?: string[]; names?: Record<string, string> };
    claims?: Record<string, string[]>;
    conformIdTokenClaims?: boolean;
    acrValues?: string[];
    scopes?: string[];
    findAccount?: (context: ProviderContext, sub: string) => Promise<Account | undefined>;
    interactions?: { url: (context: ProviderContext, interaction: { uid: string }) => string };
    features?: Record<string, unknown>;
    extraClientMetadata?: { properties: string[] };
    extraTokenClaims?: (context: ProviderContext, token: { clientId?: string; kind: string }) => Promise<Record<string, unknown> | undefined>;
    pkce?: { required: () => boolean };
    ttl?: Record<string, number>;
    clientBasedCORS?: () => boolean;
    renderError?: (context: ProviderContext, out: Record<string, string>, error: Error) => Promise<void>;
  }
  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    proxy: boolean;
    readonly Grant: new (properties: { accountId: string; clientId: string }) => Grant;
    readonly Client: { find(id: string): Promise<{ readonly [property: string]: unknown } | undefined> };
    /** A valid (unexpired) client-credentials access token, or undefined. */
    readonly ClientCredentials: { find(token: string): Promise<{ readonly clientId: string; readonly scope?: string } | undefined> };
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(request: IncomingMessage, response: ServerResponse, result: object, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
  export default Provider;
}
