import type { DataSource } from 'typeorm';
import { AuditChainRepository } from '../infrastructure/audit-chain.repository';
import { sealMatches } from './audit-seal';

/** A seal as the worker logged it: `audit anchor: … through entry <entryId>, seal <mac>`. */
export interface AuditAnchor {
  readonly entryId: number;
  readonly mac: string;
}

export type ChainVerification =
  | { readonly intact: true; readonly entries: number; readonly sealedThrough: number }
  | { readonly intact: false; readonly entries: number; readonly sealedThrough: number; readonly firstBrokenId: number; readonly reason: string };

const PAGE = 10_000;

/**
 * Two checks, and the lowest entry either finds is named:
 * - the unkeyed chain, recomputed in the database: a changed row breaks its own hash, a deleted row
 *   leaves a gap in the gap-free ids (named by its own id), a cut-off tail disagrees with the head;
 * - the seals, checked with the key the database never sees: an entry changed and re-hashed by
 *   someone who can write the table (and its chain) no longer matches its seal, a sealed entry that
 *   is gone is named by its seal, and a seal missing below the last one was removed.
 * Entries after the last seal are covered by the unkeyed chain only until the worker seals them.
 * Someone who can write the database could still cut the tail together with its seals; `anchor`, a
 * seal the worker logged earlier, catches that: the entry it names must still be there and match it.
 */
export async function verifyAuditChain(
  dataSource: DataSource,
  key: Buffer,
  anchor?: AuditAnchor,
  repository = new AuditChainRepository(),
): Promise<ChainVerification> {
  const findings: Array<{ id: number; reason: string }> = [];
  if (anchor) {
    const hash = await repository.hashOf(dataSource, anchor.entryId);
    if (hash === undefined) findings.push({ id: anchor.entryId, reason: 'the anchored entry is gone (the tail was cut, seals included)' });
    else if (!sealMatches(key, anchor.entryId, hash, anchor.mac))
      findings.push({ id: anchor.entryId, reason: 'it does not match the anchor logged when it was sealed' });
  }
  const inconsistency = await repository.firstInconsistency(dataSource);
  if (inconsistency) findings.push(inconsistency);

  const head = await repository.head(dataSource);
  if (head.maxId !== head.headId || (head.maxHash !== null && head.maxHash !== head.headHash)) {
    findings.push({
      id: head.maxId + 1,
      reason: `the chain head says ${head.headId} entries were written, the table ends at ${head.maxId} (entries were removed from the end)`,
    });
  }

  let sealedThrough = 0;
  let sealFinding: { id: number; reason: string } | undefined;
  for (let after = 0; sealFinding === undefined;) {
    const seals = await repository.sealsAfter(dataSource, after, PAGE);
    for (const seal of seals) {
      if (seal.entryId !== sealedThrough + 1) {
        sealFinding = { id: sealedThrough + 1, reason: 'its seal was removed' };
      } else if (seal.hash === null) {
        sealFinding = { id: seal.entryId, reason: 'the entry was deleted (its seal remains)' };
      } else if (!sealMatches(key, seal.entryId, seal.hash, seal.mac)) {
        sealFinding = { id: seal.entryId, reason: 'it no longer matches its seal (the row was changed and its hash recomputed)' };
      }
      if (sealFinding) break;
      sealedThrough = seal.entryId;
    }
    if (seals.length < PAGE) break;
    after = seals[seals.length - 1].entryId;
  }
  if (sealFinding) findings.push(sealFinding);

  const first = findings.sort((a, b) => a.id - b.id)[0];
  if (first) return { intact: false, entries: head.entries, sealedThrough, firstBrokenId: first.id, reason: first.reason };
  return { intact: true, entries: head.entries, sealedThrough };
}
