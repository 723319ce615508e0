import { organisationScope, type Principal, type Role } from '@imdi/auth';

/** The organisations a caller may see on the applicant side; null for IMDi staff, who see every application. */
export type OrganisationScope = readonly string[] | null;

export const STAFF_ROLES: readonly Role[] = ['caseworker', 'approver', 'admin'];

/** For routes open to applicants and casework staff: an applicant is bounded by their organisations whatever else they hold. */
export function scopeOf(principal: Principal): OrganisationScope {
  return organisationScope(principal, STAFF_ROLES);
}

/** For routes open to staff only: the staff role decides, and staff see every organisation. */
export const STAFF_SCOPE: OrganisationScope = null;
