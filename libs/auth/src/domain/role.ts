/** `archivist`: keeps the journal (public titles, screening) and resends to the archive. `municipality-system`: a municipality's own system (Maskinporten-style client), reporting for its organisation only. */
export const ROLES = ['applicant', 'caseworker', 'approver', 'finance', 'ministry', 'admin', 'archivist', 'municipality-system'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
