/**
 * Who is logged in, as the api's session says (GET /auth/session). The browser holds no token: the
 * session is an httpOnly cookie the page cannot read, and changes carry the session's CSRF token.
 */

export type Role = 'applicant' | 'caseworker' | 'approver' | 'finance' | 'ministry' | 'admin' | 'archivist';

export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly organisationNumbers: readonly string[];
  readonly actingFor?: string;
}

export interface Representation {
  readonly organisationNumber: string;
  readonly name: string;
}

export type SessionState =
  | { readonly authenticated: false; readonly providers: { readonly staff: boolean; readonly applicant: boolean } }
  | {
      readonly authenticated: true;
      readonly kind: 'staff' | 'applicant';
      readonly principal: Principal;
      readonly csrfToken: string;
      readonly representations: readonly Representation[];
      readonly actingFor: string | null;
    };

let state: SessionState = { authenticated: false, providers: { staff: false, applicant: false } };

export function rememberSession(next: SessionState): void {
  state = next;
}

export function sessionState(): SessionState {
  return state;
}

export function currentPrincipal(): Principal | undefined {
  return state.authenticated ? state.principal : undefined;
}

export function csrfToken(): string | undefined {
  return state.authenticated ? state.csrfToken : undefined;
}

/** A person who has not yet chosen which organisation to act for. */
export function mustChooseOrganisation(): boolean {
  return state.authenticated && state.kind === 'applicant' && !state.actingFor;
}

export function actingForName(): string | undefined {
  if (!state.authenticated || !state.actingFor) return undefined;
  const acting = state.actingFor;
  return state.representations.find((party) => party.organisationNumber === acting)?.name ?? acting;
}

export function hasRole(...roles: readonly Role[]): boolean {
  const principal = currentPrincipal();
  return principal !== undefined && roles.some((role) => principal.roles.includes(role));
}

/** Where each role starts. */
export function homeOf(who: Principal): string {
  if (who.roles.includes('applicant')) return '/ordninger';
  if (who.roles.includes('caseworker') || who.roles.includes('approver')) return '/saksbehandling';
  if (who.roles.includes('finance')) return '/okonomi';
  if (who.roles.includes('ministry')) return '/departementet';
  return '/rapporter';
}
