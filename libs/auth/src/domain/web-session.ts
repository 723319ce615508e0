import type { Principal } from './principal';
import type { Role } from './role';

/** Staff sign in at the agency's provider; applicants as persons at ID-porten. */
export const SESSION_KINDS = ['staff', 'applicant'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export function isSessionKind(value: unknown): value is SessionKind {
  return typeof value === 'string' && (SESSION_KINDS as readonly string[]).includes(value);
}

/** An organisation a person may act for here (they hold the service's right for it). */
export interface Representation {
  readonly organisationNumber: string;
  readonly name: string;
}

export interface WebSession {
  readonly kind: SessionKind;
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly representations: readonly Representation[];
  readonly actingFor: string | null;
  readonly csrfToken: string;
}

export function principalOf(session: WebSession): Principal {
  if (session.kind === 'staff') return { userId: session.userId, name: session.name, roles: session.roles, organisationNumbers: [] };
  // Every applicant route is scoped by the chosen organisation: before a choice, by none.
  return session.actingFor
    ? { userId: session.userId, name: session.name, roles: session.roles, organisationNumbers: [session.actingFor], actingFor: session.actingFor }
    : { userId: session.userId, name: session.name, roles: session.roles, organisationNumbers: [] };
}

/**
 * Where to go after login: a path on this site only. Anything else (another host, `//host`,
 * a backslash some browsers read as a slash) goes to the front page, so login is no open redirect.
 */
export function safeReturnPath(candidate: string | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\') || candidate.length > 2000) return '/';
  return candidate;
}

/** The roles a staff member's groups give, by the configured map; groups not in it give nothing. */
export function rolesForGroups(groups: readonly string[], map: ReadonlyMap<string, string>, isRole: (value: unknown) => value is Role): Role[] {
  const roles = new Set<Role>();
  for (const group of groups) {
    const role = map.get(group);
    if (isRole(role) && role !== 'applicant') roles.add(role);
  }
  return [...roles];
}

/**
 * ID-porten's levels, lowest first: a person at a higher level than the service requires is let in.
 * A level outside this list must match exactly.
 */
const IDPORTEN_LEVELS = ['idporten-loa-substantial', 'idporten-loa-high'];

export function meetsAssuranceLevel(actual: unknown, required: string): boolean {
  if (typeof actual !== 'string') return false;
  if (actual === required) return true;
  const have = IDPORTEN_LEVELS.indexOf(actual);
  const need = IDPORTEN_LEVELS.indexOf(required);
  return have >= 0 && need >= 0 && have >= need;
}
