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

export function actsFor(principal: Principal, organisationNumber: string): boolean {
  return principal.organisationNumbers.includes(organisationNumber);
}
