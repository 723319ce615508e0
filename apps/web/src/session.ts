/** Who is logged in: the bearer token (sessionStorage, gone when the tab closes) and what /me said about it. */

export type Role = 'applicant' | 'caseworker' | 'approver' | 'finance' | 'ministry' | 'admin';

export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly organisationNumbers: readonly string[];
}

const TOKEN_KEY = 'imdi.token';
let principal: Principal | undefined;

export function token(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export function startSession(newToken: string, who: Principal): void {
  sessionStorage.setItem(TOKEN_KEY, newToken);
  principal = who;
}

export function endSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  principal = undefined;
}

export function currentPrincipal(): Principal | undefined {
  return principal;
}

export function rememberPrincipal(who: Principal): void {
  principal = who;
}

export function hasRole(...roles: readonly Role[]): boolean {
  return principal !== undefined && roles.some((role) => principal!.roles.includes(role));
}

/** Where each role starts. */
export function homeOf(who: Principal): string {
  if (who.roles.includes('applicant')) return '/ordninger';
  if (who.roles.includes('caseworker') || who.roles.includes('approver')) return '/saksbehandling';
  if (who.roles.includes('finance')) return '/okonomi';
  if (who.roles.includes('ministry')) return '/departementet';
  return '/rapporter';
}
