/**
 * The scheme forms' words in nynorsk, keyed by the bokmål the form decorators are given (the state's
 * forms must exist in both). The decorators look every title, help text and choice up here and put
 * the nynorsk beside the bokmål in the JSON schema (`x-nn`); a word missing here stops the scheme
 * catalogue from loading, so no form can reach an applicant in bokmål only.
 */
export const NYNORSK: Readonly<Record<string, string>> = {
  // Every application-based scheme (ProjectApplicationForm)
  'Hva pengene skal brukes til': 'Kva pengane skal brukast til',
  Beløp: 'Beløp',
  'Prosjektets navn': 'Namnet på prosjektet',
  'Beskrivelse av prosjektet': 'Skildring av prosjektet',
  'Hva skal gjøres, for hvem, og hvordan?': 'Kva skal gjerast, for kven, og korleis?',
  'Prosjektet starter': 'Prosjektet startar',
  'Prosjektet slutter': 'Prosjektet sluttar',
  Budsjett: 'Budsjett',
  'Én linje per kostnad.': 'Éi linje per kostnad.',
  Budsjettlinje: 'Budsjettlinje',
  'Omsøkt beløp': 'Omsøkt beløp',
  'Kan ikke være større enn budsjettet.': 'Kan ikkje vere større enn budsjettet.',
  Kontaktperson: 'Kontaktperson',
  'E-postadresse til kontaktpersonen': 'E-postadresse til kontaktpersonen',
  'Deres referanse': 'Dykkar referanse',
  'Deres eget saksnummer eller referanse, om dere har en. Vi oppgir den i brevene våre.':
    'Dykkar eige saksnummer eller referanse, om de har ein. Vi oppgir han i breva våre.',
  // Municipal claims (MunicipalClaimForm)
  Kommunenummer: 'Kommunenummer',
  'Fire siffer, for eksempel 3005.': 'Fire siffer, til dømes 3005.',
  Budsjettår: 'Budsjettår',
  // bosettingsordningen-ks
  'Oppfølging av samarbeidsavtalen mellom staten og KS': 'Oppfølging av samarbeidsavtalen mellom staten og KS',
  'Hvordan planen følger opp avtalen om mottak og bosetting av flyktninger.': 'Korleis planen følgjer opp avtalen om mottak og busetjing av flyktningar.',
  // enslige-mindreaarige
  'Antall personer kommunen krever tilskudd for': 'Talet på personar kommunen krev tilskot for',
  'Tallet kontrolleres mot folkeregisteret før noe utbetales.': 'Talet blir kontrollert mot folkeregisteret før noko blir utbetalt.',
  // etablerersentre
  'Område senteret dekker': 'Område senteret dekkjer',
  'Fylker eller kommuner.': 'Fylke eller kommunar.',
  'Planlagt antall veiledede etablerere': 'Planlagt tal på rettleidde etablerarar',
  // frivillige-lokale
  'Kommunen tar på seg oppdraget i oppdragsbrevet': 'Kommunen tek på seg oppdraget i oppdragsbrevet',
  // frivillige-regionale
  Nivå: 'Nivå',
  Regionalt: 'Regionalt',
  Nasjonalt: 'Nasjonalt',
  'Antall frivillige som deltar': 'Talet på frivillige som deltek',
  // gronland
  'Mereffekt av tiltakene': 'Meireffekt av tiltaka',
  'Vis hvordan tiltakene kommer i tillegg til kommunens ordinære innsats.': 'Vis korleis tiltaka kjem i tillegg til den ordinære innsatsen til kommunen.',
  'Prioritert område': 'Prioritert område',
  Kriminalitetsforebygging: 'Kriminalitetsførebygging',
  Levekår: 'Levekår',
  // integreringsmottak and norsk-asylmottak
  'Navn på mottaket': 'Namnet på mottaket',
  'Planlagt antall deltakere': 'Planlagt tal på deltakarar',
  'Beboere som skal starte i et fulltidsprogram innen to uker etter ankomst.': 'Bebuarar som skal starte i eit fulltidsprogram innan to veker etter ankomst.',
  'Antall deltakere': 'Tal på deltakarar',
  'Deltakertimer i alt': 'Deltakartimar i alt',
  // integreringstilskudd
  Periode: 'Periode',
  'År 1': 'År 1',
  '1. kvartal': '1. kvartal',
  '2. kvartal': '2. kvartal',
  '3. kvartal': '3. kvartal',
  '4. kvartal': '4. kvartal',
  // jobbsjansen-a, -b, -c
  'Innvandrere som står langt fra arbeidsmarkedet og ikke er omfattet av andre ordninger.':
    'Innvandrarar som står langt frå arbeidsmarknaden og ikkje er omfatta av andre ordningar.',
  'Forventet andel over i arbeid eller utdanning (prosent)': 'Forventa del over i arbeid eller utdanning (prosent)',
  'Vei videre til videregående opplæring': 'Veg vidare til vidaregåande opplæring',
  'Hvordan elevene får fullført videregående opplæring.': 'Korleis elevane får fullført vidaregåande opplæring.',
  'Deltakere i introduksjonsprogrammet i dag': 'Deltakarar i introduksjonsprogrammet i dag',
  'Planlagt antall deltakere med ekstra år': 'Planlagt tal på deltakarar med ekstra år',
  // kommunale-utviklingsmidler
  Delmål: 'Delmål',
  Bosetting: 'Busetjing',
  Kvalifisering: 'Kvalifisering',
  'Personer med høyere utdanning fra utlandet': 'Personar med høgare utdanning frå utlandet',
  'Likeverdige offentlige tjenester': 'Likeverdige offentlege tenester',
  // mentor-trainee
  'Antall mentorer': 'Tal på mentorar',
  'Null for en traineeordning uten mentorer.': 'Null for ei traineeordning utan mentorar.',
  'Antall mentees og traineer': 'Tal på menteear og traineear',
  // nasjonale-ressursmiljoer
  'Organisasjonens nasjonale rolle på integreringsfeltet': 'Den nasjonale rolla organisasjonen har på integreringsfeltet',
  'Kompetanse, rådgivning og nettverk.': 'Kompetanse, rådgiving og nettverk.',
  // nedsatt-funksjonsevne
  'Antall personer som er eller skal bosettes': 'Tal på personar som er eller skal busetjast',
  'Behovet er dokumentert av helse- eller spesialisthelsetjenesten': 'Behovet er dokumentert av helse- eller spesialisthelsetenesta',
  // norsk-samfunnskunnskap
  'Antall beståtte prøver': 'Tal på beståtte prøver',
  // omradesatsing-oslo
  Satsing: 'Satsing',
  'Gratis kjernetid i barnehage, Søndre Nordstrand': 'Gratis kjernetid i barnehage, Søndre Nordstrand',
  'Gratis SFO, Oslo Sør': 'Gratis SFO, Oslo Sør',
  'Områdesatsing indre Oslo øst': 'Områdesatsing indre Oslo aust',
};

/** The nynorsk for a form's bokmål words; throws for words not translated yet. */
export function nynorsk(bokmal: string): string {
  const translated = NYNORSK[bokmal];
  if (translated === undefined) throw new Error(`Skjemateksten «${bokmal}» manglar nynorsk i libs/schemes/src/definitions/shared/form-nynorsk.ts`);
  return translated;
}

/** The `x-nn` schema extension: the nynorsk title, help text and choice labels of one field. */
export function nynorskSchema(title: string, description?: string, enumTitles?: Readonly<Record<string, string>>): Record<string, unknown> {
  return {
    'x-nn': {
      title: nynorsk(title),
      ...(description ? { description: nynorsk(description) } : {}),
      ...(enumTitles ? { enumTitles: Object.fromEntries(Object.entries(enumTitles).map(([code, label]) => [code, nynorsk(label)])) } : {}),
    },
  };
}
