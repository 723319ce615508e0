import { createHash } from 'node:crypto';
import { Dokumentobjekt } from './arkivmelding.model';

export type Dokumentfil = Required<Pick<Dokumentobjekt, 'referanseDokumentfil' | 'sjekksum' | 'sjekksumAlgoritme' | 'filstoerrelse'>>;

/** A file's name in the message with its SHA-256 (hex), for a dokumentobjekt: `{ versjonsnummer: 1, variantformat, format, ...dokumentfil(name, bytes) }`. */
export function dokumentfil(referanseDokumentfil: string, innhold: Uint8Array): Dokumentfil {
  return {
    referanseDokumentfil,
    sjekksum: createHash('sha256').update(innhold).digest('hex'),
    sjekksumAlgoritme: 'SHA256',
    filstoerrelse: innhold.byteLength,
  };
}
