import { create } from 'xmlbuilder2';
import { Arkivmelding, Journalpost, Saksmappe } from '../domain/arkivmelding.model';
import { saksmappeSystemID } from '../domain/noark-system-id';
import { ARKIVMELDING_NAMESPACE, buildArkivmelding, VIRKSOMHETSSPESIFIKKE_METADATA_NAMESPACE } from './arkivmelding.builder';
import { readArkivmelding } from './arkivmelding.reader';
import { validateArkivmelding, validateArkivmeldingAsync } from './arkivmelding.validator';

// Case 2026/17: an application for the mentor scheme, answered by a decision letter.
const SAK = saksmappeSystemID(2026, 17);
const MOTTATT = new Date('2026-03-02T08:15:00Z'); // 09:15 in Oslo (winter time)
const SENDT = new Date('2026-06-10T10:30:00Z'); // 12:30 in Oslo (summer time)
const SHA = 'a3f1c8b2d4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081';

function innkommendeSoeknad(overrides: Partial<Journalpost> = {}): Journalpost {
  return {
    systemID: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081',
    opprettetDato: MOTTATT,
    opprettetAv: 'IMDi tilskudd',
    journalaar: 2026,
    journalsekvensnummer: 412,
    journalpostnummer: 1,
    journalposttype: 'I',
    journalstatus: 'Journalført',
    journaldato: '2026-03-02',
    dokumentetsDato: '2026-03-01',
    mottattDato: MOTTATT,
    tittel: 'Søknad om tilskudd – Mentor- og traineeordning 2026',
    offentligTittel: 'Søknad om tilskudd – Mentor- og traineeordning 2026',
    korrespondansepart: [
      {
        korrespondanseparttype: 'Avsender',
        korrespondansepartNavn: 'Bærum kommune',
        organisasjonsnummer: '974551342',
        postadresse: { adresselinjer: ['Postboks 700'], postnummer: '1304', poststed: 'Sandvika' },
      },
      {
        korrespondanseparttype: 'Intern mottaker',
        korrespondansepartNavn: 'Seksjon for tilskudd',
        administrativEnhet: 'Tilskudd',
        saksbehandler: 'kari.nordmann',
      },
    ],
    dokumentbeskrivelse: [
      {
        systemID: '2c3d4e5f-6071-4829-8b3c-4d5e6f708192',
        dokumenttype: 'Søknad',
        dokumentstatus: 'Dokumentet er ferdigstilt',
        tittel: 'Søknad',
        tilknyttetRegistreringSom: 'Hoveddokument',
        dokumentnummer: 1,
        dokumentobjekt: [
          {
            versjonsnummer: 1,
            variantformat: 'Arkivformat',
            referanseDokumentfil: 'soknad.pdf',
            format: 'PDF/A-2b',
            sjekksum: SHA,
            sjekksumAlgoritme: 'SHA256',
            filstoerrelse: 48213,
          },
        ],
      },
      {
        systemID: '3d4e5f60-7182-4930-9c4d-5e6f708192a3',
        dokumenttype: 'Vedlegg',
        dokumentstatus: 'Dokumentet er ferdigstilt',
        tittel: 'Budsjett',
        tilknyttetRegistreringSom: 'Vedlegg',
        dokumentnummer: 2,
        dokumentobjekt: [
          { versjonsnummer: 1, variantformat: 'Produksjonsformat', referanseDokumentfil: 'budsjett.xlsx', format: 'xlsx', sjekksum: SHA, filstoerrelse: 9120 },
        ],
      },
    ],
    antallVedlegg: 1,
    ...overrides,
  };
}

function utgaaendeVedtaksbrev(): Journalpost {
  return {
    systemID: '4e5f6071-8293-4a41-8d5e-6f708192a3b4',
    opprettetDato: SENDT,
    opprettetAv: 'kari.nordmann',
    journalaar: 2026,
    journalsekvensnummer: 980,
    journalpostnummer: 2,
    journalposttype: 'U',
    journalstatus: 'Ekspedert',
    journaldato: '2026-06-10',
    dokumentetsDato: '2026-06-10',
    sendtDato: SENDT,
    tittel: 'Vedtak om tilskudd – Mentor- og traineeordning 2026',
    korrespondansepart: [{ korrespondanseparttype: 'Mottaker', korrespondansepartNavn: 'Bærum kommune', organisasjonsnummer: '974551342' }],
    dokumentbeskrivelse: [
      {
        systemID: '5f607182-93a4-4b52-9e6f-708192a3b4c5',
        dokumenttype: 'Vedtak',
        dokumentstatus: 'Dokumentet er ferdigstilt',
        tittel: 'Vedtaksbrev',
        tilknyttetRegistreringSom: 'Hoveddokument',
        dokumentnummer: 1,
        dokumentobjekt: [
          { versjonsnummer: 1, variantformat: 'Arkivformat', referanseDokumentfil: 'vedtak.pdf', format: 'PDF/A-2b', sjekksum: SHA, filstoerrelse: 30511 },
        ],
      },
    ],
  };
}

function saksmappe(journalposter: readonly Journalpost[], overrides: Partial<Saksmappe> = {}): Saksmappe {
  return {
    systemID: SAK,
    saksaar: 2026,
    sakssekvensnummer: 17,
    tittel: 'Tilskudd – Mentor- og traineeordning 2026 – Bærum kommune',
    offentligTittel: 'Tilskudd – Mentor- og traineeordning 2026 – Bærum kommune',
    opprettetDato: MOTTATT,
    opprettetAv: 'IMDi tilskudd',
    saksdato: '2026-03-02',
    administrativEnhet: 'Tilskudd',
    saksansvarlig: 'kari.nordmann',
    saksstatus: 'Under behandling',
    klassifikasjon: [{ referanseKlassifikasjonssystem: 'Arkivnøkkel', klasseID: '223', tittel: 'Tilskudd' }],
    sakspart: [{ sakspartID: '974551342', sakspartNavn: 'Bærum kommune', sakspartRolle: 'Søker' }],
    journalposter,
    ...overrides,
  };
}

function melding(saksmappeOrJournalpost: Pick<Arkivmelding, 'saksmappe'> | Pick<Arkivmelding, 'journalpost'>): Arkivmelding {
  return { system: 'IMDi tilskudd', meldingId: '9a8b7c6d-5e4f-4321-8fed-cba987654321', tidspunkt: SENDT, ...saksmappeOrJournalpost } as Arkivmelding;
}

/** The text of every element with this name in this namespace, in document order, as an XML parser reads it. */
function textsOf(xml: string, name: string, namespace = ARKIVMELDING_NAMESPACE): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === 1 && (node as Element).localName === name && (node as Element).namespaceURI === namespace) found.push(node.textContent ?? '');
    node.childNodes.forEach(visit);
  };
  visit(create(xml).node as unknown as Node);
  return found;
}

interface Node {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: { forEach(visit: (node: Node) => void): void };
}
interface Element extends Node {
  readonly localName: string;
  readonly namespaceURI: string | null;
}

describe(buildArkivmelding.name, () => {
  it('writes an incoming application with an attachment that the official schema accepts', () => {
    const xml = buildArkivmelding(melding({ saksmappe: saksmappe([innkommendeSoeknad()]) }));

    expect(validateArkivmelding(xml)).toEqual({ valid: true, errors: [] });
    expect(textsOf(xml, 'journalposttype')).toEqual(['Inngående dokument']);
    expect(textsOf(xml, 'antallFiler')).toEqual(['2']);
    expect(textsOf(xml, 'mappeID')).toEqual(['2026/17']);
    expect(textsOf(xml, 'registreringsID')).toEqual(['2026/412']);
    expect(textsOf(xml, 'referanseForelderMappe')).toEqual([SAK]);
    expect(textsOf(xml, 'referanseDokumentfil')).toEqual(['soknad.pdf', 'budsjett.xlsx']);
    expect(textsOf(xml, 'tilknyttetRegistreringSom')).toEqual(['Hoveddokument', 'Vedlegg']);
    // This schema version has no elements for these: they travel in virksomhetsspesifikkeMetadata.
    const own = VIRKSOMHETSSPESIFIKKE_METADATA_NAMESPACE;
    expect(textsOf(xml, 'referanseDokumentfil', own)).toEqual(['soknad.pdf', 'budsjett.xlsx']);
    expect(textsOf(xml, 'format', own)).toEqual(['PDF/A-2b', 'xlsx']);
    expect(textsOf(xml, 'sjekksum', own)).toEqual([SHA, SHA]);
    expect(textsOf(xml, 'sjekksumAlgoritme', own)).toEqual(['SHA256', 'SHA256']);
    expect(textsOf(xml, 'filstoerrelse', own)).toEqual(['48213', '9120']);
    expect(textsOf(xml, 'organisasjonsnummer', own)).toEqual(['974551342']);
    expect(xml).toContain('<mappe xsi:type="saksmappe">');
    expect(xml).toContain('<basisregistrering xsi:type="journalpost">');
  });

  it('writes instants as Oslo time with the offset in force, and calendar days as given', () => {
    const xml = buildArkivmelding(melding({ saksmappe: saksmappe([innkommendeSoeknad(), utgaaendeVedtaksbrev()]) }));

    expect(textsOf(xml, 'tidspunkt')).toEqual(['2026-06-10T12:30:00+02:00']);
    expect(textsOf(xml, 'mottattDato')).toEqual(['2026-03-02T09:15:00+01:00']);
    expect(textsOf(xml, 'sendtDato')).toEqual(['2026-06-10T12:30:00+02:00']);
    expect(textsOf(xml, 'journaldato')).toEqual(['2026-03-02', '2026-06-10']);
  });

  it('writes an outgoing letter and the incoming application it answers (avskrivning BU) so the schema accepts them', () => {
    const besvart = innkommendeSoeknad({
      journalstatus: 'Arkivert',
      avskrivning: [{ avskrivningsdato: '2026-06-10', avskrevetAv: 'kari.nordmann', avskrivningsmaate: 'BU', referanseAvskrivesAvJournalpost: '2026/980' }],
    });
    const xml = buildArkivmelding(melding({ saksmappe: saksmappe([besvart, utgaaendeVedtaksbrev()], { saksstatus: 'Avsluttet' }) }));

    expect(validateArkivmelding(xml)).toEqual({ valid: true, errors: [] });
    expect(textsOf(xml, 'journalposttype')).toEqual(['Inngående dokument', 'Utgående dokument']);
    expect(textsOf(xml, 'avskrivningsmaate')).toEqual(['Besvart med brev']);
    expect(textsOf(xml, 'referanseAvskrivesAvJournalpost')).toEqual(['2026/980']);
    expect(textsOf(xml, 'korrespondanseparttype')).toEqual(['Avsender', 'Intern mottaker', 'Mottaker']);
  });

  it('writes an internal note (N) sent on its own, pointing to its saksmappe by the case number', () => {
    const notat: Journalpost = {
      systemID: '6071829a-3b4c-4d5e-8f70-8192a3b4c5d6',
      opprettetDato: SENDT,
      opprettetAv: 'ola.nordmann',
      journalaar: 2026,
      journalsekvensnummer: 981,
      journalposttype: 'N',
      journalstatus: 'Journalført',
      journaldato: '2026-06-10',
      tittel: 'Notat: vurdering av budsjett',
      korrespondansepart: [
        { korrespondanseparttype: 'Intern avsender', korrespondansepartNavn: 'Ola Nordmann', administrativEnhet: 'Tilskudd', saksbehandler: 'ola.nordmann' },
        { korrespondanseparttype: 'Intern mottaker', korrespondansepartNavn: 'Kari Nordmann', administrativEnhet: 'Tilskudd', saksbehandler: 'kari.nordmann' },
      ],
      dokumentbeskrivelse: [
        {
          systemID: '708192a3-b4c5-4d6e-9f70-8192a3b4c5d6',
          dokumenttype: 'Notat',
          dokumentstatus: 'Dokumentet er ferdigstilt',
          tittel: 'Notat',
          tilknyttetRegistreringSom: 'Hoveddokument',
          dokumentnummer: 1,
          dokumentobjekt: [{ versjonsnummer: 1, variantformat: 'Arkivformat', referanseDokumentfil: 'notat.pdf' }],
        },
      ],
    };
    const xml = buildArkivmelding(melding({ journalpost: { ...notat, referanseForelderMappe: saksmappeSystemID(2026, 17) } }));

    expect(validateArkivmelding(xml)).toEqual({ valid: true, errors: [] });
    expect(xml).not.toContain('<mappe');
    expect(textsOf(xml, 'referanseForelderMappe')).toEqual([SAK]);
    expect(textsOf(xml, 'journalposttype')).toEqual(['Organinternt dokument for oppfølging']);
    expect(textsOf(xml, 'antallFiler')).toEqual(['1']);
    // Nothing to put in virksomhetsspesifikkeMetadata: no identifiers, no file format or checksum.
    expect(textsOf(xml, 'virksomhetsspesifikkeMetadata')).toEqual([]);
  });

  it('writes a screened entry (skjerming) on the journalpost and its document', () => {
    const skjerming = {
      tilgangsrestriksjon: '13',
      skjermingshjemmel: 'Offl. § 13 jf. fvl. § 13',
      skjermingMetadata: ['tittel', 'korrespondansepart'],
    } as const;
    const soknad = innkommendeSoeknad();
    const skjermet = innkommendeSoeknad({
      tittel: 'Søknad om tilskudd – opplysninger om helse for Kari Nordmann',
      offentligTittel: 'Søknad om tilskudd – opplysninger om ***** for *****',
      skjerming,
      dokumentbeskrivelse: soknad.dokumentbeskrivelse.map((beskrivelse) => ({
        ...beskrivelse,
        skjerming: { ...skjerming, skjermingDokument: 'Skjerming av hele dokumentet' as const },
      })),
    });
    const xml = buildArkivmelding(melding({ saksmappe: saksmappe([skjermet]) }));

    expect(validateArkivmelding(xml)).toEqual({ valid: true, errors: [] });
    expect(textsOf(xml, 'tilgangsrestriksjon')).toEqual(['13', '13', '13']);
    expect(textsOf(xml, 'skjermingshjemmel')[0]).toBe('Offl. § 13 jf. fvl. § 13');
    expect(textsOf(xml, 'skjermingMetadata').slice(0, 2)).toEqual(['tittel', 'korrespondansepart']);
    expect(textsOf(xml, 'skjermingDokument')).toEqual(['Skjerming av hele dokumentet', 'Skjerming av hele dokumentet']);
  });

  it('keeps æøå and XML special characters (& < > " \') intact through XML and back', () => {
    const tittel = 'Søknad fra «Ærlig & Åpen» <AS> – "Øvre" \'Lia\' gård';
    const xml = buildArkivmelding(
      melding({
        saksmappe: saksmappe(
          [innkommendeSoeknad({ tittel, korrespondansepart: [{ korrespondanseparttype: 'Avsender', korrespondansepartNavn: 'Ærlig & Åpen <AS>' }] })],
          { tittel },
        ),
      }),
    );

    expect(validateArkivmelding(xml)).toEqual({ valid: true, errors: [] });
    expect(xml).toContain('&amp;');
    expect(xml).toContain('&lt;AS&gt;');
    expect(textsOf(xml, 'tittel')).toContain(tittel);
    expect(textsOf(xml, 'tittel').filter((text) => text === tittel)).toHaveLength(2);
    expect(textsOf(xml, 'korrespondansepartNavn')).toEqual(['Ærlig & Åpen <AS>']);
  });
});

describe(validateArkivmelding.name, () => {
  it('refuses a journalpost without a title and says which element is missing where', () => {
    const utenTittel = { ...innkommendeSoeknad(), tittel: undefined } as unknown as Journalpost;
    const xml = buildArkivmelding(melding({ saksmappe: saksmappe([utenTittel]) }));

    const verdict = validateArkivmelding(xml);

    expect(verdict.valid).toBe(false);
    expect(verdict.errors).toHaveLength(1);
    expect(verdict.errors[0]).toMatch(
      /^linje \d+: elementet «offentligTittel» er ikke ventet her; ventet er ett av «dokumentbeskrivelse», «dokumentobjekt», «tittel»$/,
    );
    const linje = Number(/^linje (\d+)/.exec(verdict.errors[0])?.[1]);
    expect(xml.split('\n')[linje - 1].trim()).toMatch(/^<offentligTittel>/);
  });

  it('refuses a code value the schema does not list', () => {
    const xml = buildArkivmelding(melding({ saksmappe: saksmappe([innkommendeSoeknad({ journalstatus: 'Journalfort' as never })]) }));

    const verdict = validateArkivmelding(xml);

    expect(verdict.valid).toBe(false);
    expect(verdict.errors[0]).toMatch(
      /^linje \d+: «Journalfort» er ikke en tillatt verdi for «journalstatus»; tillatt er «Journalført», «Ferdigstilt fra saksbehandler», .*«Utgår»$/,
    );
    expect(verdict.errors.join('\n')).not.toContain('{http');
  });

  it('refuses an impossible instant and a malformed systemID, naming each element', () => {
    const post = innkommendeSoeknad({ systemID: 'ikke-en-guid', mottattDato: new Date('2026-02-30T25:00:00') });
    const verdict = validateArkivmelding(buildArkivmelding(melding({ saksmappe: saksmappe([post]) })));

    expect(verdict.valid).toBe(false);
    expect(verdict.errors).toEqual([
      expect.stringMatching(/^linje \d+: «ikke-en-guid» har ikke formen «systemID» krever$/),
      expect.stringMatching(/^linje \d+: «ugyldig tidspunkt» er ikke en gyldig verdi for «mottattDato»$/),
    ]);
  });

  it('refuses text that is not well-formed XML and says so', () => {
    const verdict = validateArkivmelding('<arkivmelding xmlns="http://www.arkivverket.no/standarder/noark5/arkivmelding"><system>x</arkivmelding>');

    expect(verdict.valid).toBe(false);
    expect(verdict.errors[0]).toMatch(/^linje 1: ikke velformet XML: /);
  });

  it('gives the same verdicts without blocking (async)', async () => {
    const gyldig = buildArkivmelding(melding({ saksmappe: saksmappe([innkommendeSoeknad()]) }));
    const utenTittel = buildArkivmelding(melding({ saksmappe: saksmappe([{ ...innkommendeSoeknad(), tittel: undefined } as unknown as Journalpost]) }));

    await expect(validateArkivmeldingAsync(gyldig)).resolves.toEqual({ valid: true, errors: [] });
    await expect(validateArkivmeldingAsync(utenTittel)).resolves.toEqual(validateArkivmelding(utenTittel));
  });
});

describe(readArkivmelding.name, () => {
  it('reads back what the archive needs to file a saksmappe message: ids, files and journalposter', () => {
    const xml = buildArkivmelding(melding({ saksmappe: saksmappe([innkommendeSoeknad(), utgaaendeVedtaksbrev()]) }));

    expect(readArkivmelding(xml)).toEqual({
      system: 'IMDi tilskudd',
      meldingId: '9a8b7c6d-5e4f-4321-8fed-cba987654321',
      tidspunkt: '2026-06-10T12:30:00+02:00',
      antallFiler: 3,
      referanseDokumentfiler: ['soknad.pdf', 'budsjett.xlsx', 'vedtak.pdf'],
      saksmappe: { systemID: SAK, mappeID: '2026/17', tittel: 'Tilskudd – Mentor- og traineeordning 2026 – Bærum kommune' },
      journalposter: [
        {
          systemID: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081',
          registreringsID: '2026/412',
          referanseForelderMappe: SAK,
          journalposttype: 'Inngående dokument',
          tittel: 'Søknad om tilskudd – Mentor- og traineeordning 2026',
        },
        {
          systemID: '4e5f6071-8293-4a41-8d5e-6f708192a3b4',
          registreringsID: '2026/980',
          referanseForelderMappe: SAK,
          journalposttype: 'Utgående dokument',
          tittel: 'Vedtak om tilskudd – Mentor- og traineeordning 2026',
        },
      ],
    });
  });

  it('reads a journalpost sent on its own, with æøå and & < " in its title', () => {
    const tittel = 'Notat om «Ærlig & Åpen» <AS> – "Øvre" gård';
    const post = { ...innkommendeSoeknad({ tittel, dokumentbeskrivelse: [] }), referanseForelderMappe: SAK };
    const lest = readArkivmelding(buildArkivmelding(melding({ journalpost: post })));

    expect(lest.saksmappe).toBeUndefined();
    expect(lest.antallFiler).toBe(0);
    expect(lest.journalposter).toEqual([expect.objectContaining({ tittel, referanseForelderMappe: SAK })]);
  });

  it('refuses a document that is not an arkivmelding, in Norwegian', () => {
    expect(() => readArkivmelding('<arkivmelding xmlns="urn:noe:annet"><system>x</system></arkivmelding>')).toThrow('Meldingen er ikke en arkivmelding.');
  });
});
