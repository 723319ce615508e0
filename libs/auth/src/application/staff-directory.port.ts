/** A person in the staff provider's directory, with the groups the provider puts in the person's sign-in. */
export interface DirectoryUser {
  /** The directory's id of the person (Entra ID: the object id). */
  readonly id: string;
  readonly name: string;
  /** The sign-in name, e.g. kari.saksbehandler@imdi.no. */
  readonly userName: string;
  /** Group names; the ids too where the directory names a group otherwise (the role map may use either). */
  readonly groups: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

export type DirectoryListing =
  | { readonly state: 'listed'; readonly users: readonly DirectoryUser[] }
  | { readonly state: 'not-configured' }
  | { readonly state: 'unavailable'; readonly reason: string };

/** The staff provider's directory: who may sign in as staff, and in which groups. */
export abstract class StaffDirectory {
  abstract list(): Promise<DirectoryListing>;
}
