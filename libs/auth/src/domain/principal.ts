import type { Role } from './role';

/** The authenticated caller, as the token or the browser session describes them. */
export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /**
   * Organisation numbers an applicant acts for; empty for IMDi staff and the ministry. A person
   * signed in through the browser acts for exactly the one organisation chosen after login.
   */
  readonly organisationNumbers: readonly string[];
  /** The organisation a signed-in person has chosen to act for (recorded with the person in the audit). */
  readonly actingFor?: string;
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role);
}

/**
 * The organisations whose applicant-side data the caller may reach, for a route open to applicants and
 * some staff. A caller holding `applicant` is bounded by the organisations they act for, whatever
 * other roles they hold (a staff member acting as an applicant is an applicant); one holding a staff
 * role from `staffRoles` sees every organisation (null); anyone else sees none.
 */
export function organisationScope(principal: Principal, staffRoles: readonly Role[]): readonly string[] | null {
  if (principal.roles.includes('applicant')) return principal.organisationNumbers;
  return staffRoles.some((role) => principal.roles.includes(role)) ? null : [];
}

/** Whether the caller may reach data of `organisationNumber` on a route open to applicants and `staffRoles`. */
export function mayReachOrganisation(principal: Principal, organisationNumber: string, staffRoles: readonly Role[]): boolean {
  const scope = organisationScope(principal, staffRoles);
  return scope === null || scope.includes(organisationNumber);
}

export function actsFor(principal: Principal, organisationNumber: string): boolean {
  return principal.organisationNumbers.includes(organisationNumber);
}
