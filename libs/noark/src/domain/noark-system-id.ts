import { createHash } from 'node:crypto';

/** Our own UUID namespace for Noark systemIDs (a random v4, fixed forever: changing it breaks every reference). */
const NOARK_NAMESPACE = '6f1c2b7e-3d0a-4c5e-9a8b-2e4f7d9c1a35';

/**
 * A name-based UUID (RFC 4122 version 5): the same name always gives the same systemID, so a
 * journalpost sent on its own can point to its saksmappe knowing only the case number, and a
 * message sent twice carries the same ids.
 */
export function noarkSystemID(name: string): string {
  const namespace = Buffer.from(NOARK_NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The saksmappe's systemID for case number saksaar/sakssekvensnummer ("2026/17"). */
export function saksmappeSystemID(saksaar: number, sakssekvensnummer: number): string {
  return noarkSystemID(`saksmappe:${saksaar}/${sakssekvensnummer}`);
}
