import type { Principal } from '@imdi/auth';

/** The organisations an applicant may see; null for IMDi staff, who see every application. */
export type OrganisationScope = readonly string[] | null;

export const STAFF_ROLES = ['caseworker', 'approver', 'admin'] as const;

export function scopeOf(principal: Principal): OrganisationScope {
  return principal.roles.some((role) => (STAFF_ROLES as readonly string[]).includes(role)) ? null : principal.organisationNumbers;
}
