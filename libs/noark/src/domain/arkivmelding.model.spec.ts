import { avskrivningsmaateOf, journalposttypeOf } from './arkivmelding.model';
import { dokumentfil } from './dokumentfil';
import { noarkSystemID, saksmappeSystemID } from './noark-system-id';

describe(journalposttypeOf.name, () => {
  it.each([
    ['I', 'Inngående dokument'],
    ['U', 'Utgående dokument'],
    ['N', 'Organinternt dokument for oppfølging'],
    ['X', 'Organinternt dokument uten oppfølging'],
    ['S', 'Saksframlegg'],
    ['Utgående dokument', 'Utgående dokument'],
  ] as const)('writes %s as the schema value «%s»', (given, written) => {
    expect(journalposttypeOf(given)).toBe(written);
  });
});

describe(avskrivningsmaateOf.name, () => {
  it('writes the journal code BU (answered by an outgoing letter) as «Besvart med brev»', () => {
    expect(avskrivningsmaateOf('BU')).toBe('Besvart med brev');
    expect(avskrivningsmaateOf('TO')).toBe('Tatt til orientering');
    expect(avskrivningsmaateOf('Besvart med e-post')).toBe('Besvart med e-post');
  });
});

describe(saksmappeSystemID.name, () => {
  it('gives a case number the same version 5 UUID every time, and another case another one', () => {
    const id = saksmappeSystemID(2026, 17);

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(saksmappeSystemID(2026, 17)).toBe(id);
    expect(saksmappeSystemID(2026, 18)).not.toBe(id);
    expect(saksmappeSystemID(2025, 17)).not.toBe(id);
    expect(noarkSystemID('saksmappe:2026/17')).toBe(id);
  });
});

describe(dokumentfil.name, () => {
  it('gives a file its SHA-256 in hex and its size in bytes', () => {
    expect(dokumentfil('brev.txt', Buffer.from('abc', 'utf8'))).toEqual({
      referanseDokumentfil: 'brev.txt',
      sjekksum: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      sjekksumAlgoritme: 'SHA256',
      filstoerrelse: 3,
    });
  });
});
