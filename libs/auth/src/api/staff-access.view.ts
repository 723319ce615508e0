export interface DirectoryUserView {
  readonly id: string;
  readonly name: string;
  readonly userName: string;
  readonly groups: readonly string[];
  /** The roles the sign-in would give: none when no group is in AUTH_STAFF_ROLE_MAP (such a person cannot sign in). */
  readonly roles: readonly string[];
}

export interface StaffAccessView {
  /** The claim of the staff provider's ID token that names the person's groups (AUTH_STAFF_GROUP_CLAIM). */
  readonly groupClaim: string;
  /** AUTH_STAFF_ROLE_MAP: which group gives which role. A group not listed gives none. */
  readonly roleMap: ReadonlyArray<{ readonly group: string; readonly role: string }>;
  /** The staff provider's users (AUTH_STAFF_DIRECTORY_URL), each with its groups and the roles they map to. */
  readonly directory:
    { readonly state: 'listed'; readonly users: readonly DirectoryUserView[] } | { readonly state: 'not-configured' } | { readonly state: 'unavailable' };
}
