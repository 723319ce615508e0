import type { MessageTexts } from '@imdi/messaging';

/**
 * Tells the applicant that the ministry, as appeal body, has decided their klage. As with letters,
 * the outcome and reasons are read after logging in, never sent by e-mail.
 */
export function appealDecidedMail(organisationName: string, caseNumber: string): MessageTexts {
  return {
    nb: {
      subject: `Klagen i sak ${caseNumber} er avgjort`,
      body: [
        `Departementet har som klageinstans avgjort klagen fra ${organisationName} i sak ${caseNumber}.`,
        '',
        'Logg inn i søknadsportalen og åpne saken for å lese resultatet og departementets begrunnelse. Av hensyn til personvernet sender vi ikke innholdet på e-post.',
        'Departementets avgjørelse i klagesaken er endelig og kan ikke påklages videre (forvaltningsloven § 28 tredje ledd).',
        'Denne e-posten kan ikke besvares.',
      ].join('\n'),
    },
    nn: {
      subject: `Klaga i sak ${caseNumber} er avgjord`,
      body: [
        `Departementet har som klageinstans avgjort klaga frå ${organisationName} i sak ${caseNumber}.`,
        '',
        'Logg inn i søknadsportalen og opne saka for å lese resultatet og grunngivinga til departementet. Av omsyn til personvernet sender vi ikkje innhaldet på e-post.',
        'Avgjerda til departementet i klagesaka er endeleg og kan ikkje påklagast vidare (forvaltningslova § 28 tredje ledd).',
        'Denne e-posten kan ikkje svarast på.',
      ].join('\n'),
    },
  };
}
