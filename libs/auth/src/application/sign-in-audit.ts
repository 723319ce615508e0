import type { EntityManager } from 'typeorm';

/** The audit trail as sign-in writes to it (provided by the audit module, which depends on this one). */
export const SIGN_IN_AUDIT = Symbol('SIGN_IN_AUDIT');

export interface SignInAuditEntry {
  readonly actor: { readonly userId: string; readonly roles: readonly string[]; readonly actingFor?: string };
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly after?: object | null;
}

export interface SignInAudit {
  record(manager: EntityManager, entry: SignInAuditEntry): Promise<number>;
}
