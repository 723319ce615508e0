import type { Role } from './role';

/** The authenticated caller, as the token describes them. */
export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** Organisation numbers an applicant acts for; empty for IMDi staff and the ministry. */
  readonly organisationNumbers: readonly string[];
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role);
}

export function actsFor(principal: Principal, organisationNumber: string): boolean {
  return principal.organisationNumbers.includes(organisationNumber);
}
