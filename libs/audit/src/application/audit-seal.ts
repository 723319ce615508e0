import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditChainRepository } from '../infrastructure/audit-chain.repository';

const SEAL_PAGE = 5000;

/** The keyed MAC over an entry's place and hash; the hash covers its content and its predecessor. */
export function sealMac(key: Buffer, entryId: number, hash: string): string {
  return createHmac('sha256', key).update(`imdi-audit-seal-v1\n${entryId}\n${hash}`).digest('hex');
}

export function sealMatches(key: Buffer, entryId: number, hash: string, mac: string): boolean {
  const expected = Buffer.from(sealMac(key, entryId, hash), 'hex');
  const stored = Buffer.from(mac, 'hex');
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}

export interface SealResult {
  readonly sealed: number;
  /** The last sealed entry and its seal: the anchor, exported to the log where the database cannot rewrite it. */
  readonly through: number;
  readonly anchor: string | null;
}

/**
 * Seals every committed entry not yet sealed, a page per transaction. Entries are read as committed,
 * so a seal vouches for what the table held when it was sealed: tampering after that is found.
 */
export async function sealAuditTrail(dataSource: DataSource, key: Buffer, repository = new AuditChainRepository()): Promise<SealResult> {
  let sealed = 0;
  let through = 0;
  let anchor: string | null = null;
  for (;;) {
    const page = await dataSource.transaction(async (manager) => {
      await repository.lockForSealing(manager);
      const last = await repository.lastSealedId(manager);
      const entries = await repository.entriesAfter(manager, last, SEAL_PAGE);
      const seals = entries.map((entry) => ({ entryId: entry.id, mac: sealMac(key, entry.id, entry.hash) }));
      await repository.insertSeals(manager, seals);
      return { last, seals };
    });
    sealed += page.seals.length;
    const newest = page.seals.at(-1);
    through = newest?.entryId ?? page.last;
    if (newest) anchor = newest.mac;
    if (page.seals.length < SEAL_PAGE) return { sealed, through, anchor };
  }
}
