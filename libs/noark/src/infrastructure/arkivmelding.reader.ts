import { create } from 'xmlbuilder2';
import { ARKIVMELDING_NAMESPACE } from './arkivmelding.builder';

/** What a receiving archive needs to file a message and answer it; read from XML that has passed `validateArkivmelding`. */
export interface ArkivmeldingSammendrag {
  readonly system: string;
  readonly meldingId: string;
  /** As written, e.g. "2026-06-10T12:30:00+02:00". */
  readonly tidspunkt: string;
  readonly antallFiler: number;
  /** Every referanseDokumentfil, each once, in document order: the files the envelope must carry. */
  readonly referanseDokumentfiler: readonly string[];
  /** The saksmappe when the message carries one. */
  readonly saksmappe?: { readonly systemID: string; readonly mappeID?: string; readonly tittel: string };
  readonly journalposter: readonly {
    readonly systemID: string;
    readonly registreringsID?: string;
    readonly referanseForelderMappe?: string;
    /** For an entry filed directly in an arkivdel (belonging to no saksmappe). */
    readonly referanseArkivdel?: string;
    readonly journalposttype?: string;
    readonly tittel: string;
  }[];
}

interface DomNode {
  readonly nodeType: number;
  readonly localName?: string;
  readonly namespaceURI?: string | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

/** Reads the summary of a (validated) arkivmelding; only elements in the arkivmelding namespace count. */
export function readArkivmelding(xml: string): ArkivmeldingSammendrag {
  let document: DomNode;
  try {
    document = create(xml).node as unknown as DomNode;
  } catch {
    throw new Error('Arkivmeldingen er ikke velformet XML.');
  }
  const root = elements(document)[0];
  if (!root || root.localName !== 'arkivmelding') throw new Error('Meldingen er ikke en arkivmelding.');
  const mappe = first(root, 'mappe');
  const registreringer = mappe ? children(mappe, 'basisregistrering') : children(root, 'basisregistrering');
  return {
    system: text(root, 'system') ?? '',
    meldingId: text(root, 'meldingId') ?? '',
    tidspunkt: text(root, 'tidspunkt') ?? '',
    antallFiler: Number(text(root, 'antallFiler')),
    referanseDokumentfiler: [...new Set(descendants(root, 'referanseDokumentfil').map((node) => node.textContent ?? ''))],
    ...(mappe ? { saksmappe: { systemID: text(mappe, 'systemID') ?? '', mappeID: text(mappe, 'mappeID'), tittel: text(mappe, 'tittel') ?? '' } } : {}),
    journalposter: registreringer.map((registrering) => ({
      systemID: text(registrering, 'systemID') ?? '',
      registreringsID: text(registrering, 'registreringsID'),
      referanseForelderMappe: text(registrering, 'referanseForelderMappe'),
      referanseArkivdel: text(registrering, 'referanseArkivdel'),
      journalposttype: text(registrering, 'journalposttype'),
      tittel: text(registrering, 'tittel') ?? '',
    })),
  };
}

function elements(node: DomNode): DomNode[] {
  return Array.from(node.childNodes).filter((child) => child.nodeType === 1 && child.namespaceURI === ARKIVMELDING_NAMESPACE);
}

function children(node: DomNode, name: string): DomNode[] {
  return elements(node).filter((child) => child.localName === name);
}

function first(node: DomNode, name: string): DomNode | undefined {
  return children(node, name)[0];
}

function text(node: DomNode, name: string): string | undefined {
  return first(node, name)?.textContent ?? undefined;
}

function descendants(node: DomNode, name: string): DomNode[] {
  return elements(node).flatMap((child) => (child.localName === name ? [child] : descendants(child, name)));
}
