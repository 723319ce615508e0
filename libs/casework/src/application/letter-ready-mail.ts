import type { MessageTexts } from '@imdi/messaging';

/** Says a letter is waiting in the portal; never what it decides: that is read after logging in. */
export function letterReadyMail(organisationName: string, caseNumber: string): MessageTexts {
  return {
    nb: {
      subject: `Nytt brev fra IMDi i sak ${caseNumber}`,
      body: [
        `Det ligger et nytt brev fra Integrerings- og mangfoldsdirektoratet (IMDi) til ${organisationName} i sak ${caseNumber}.`,
        '',
        'Logg inn i søknadsportalen for å lese brevet. Av hensyn til personvernet sender vi ikke innholdet på e-post.',
        'Denne e-posten kan ikke besvares.',
      ].join('\n'),
    },
    nn: {
      subject: `Nytt brev frå IMDi i sak ${caseNumber}`,
      body: [
        `Det ligg eit nytt brev frå Integrerings- og mangfaldsdirektoratet (IMDi) til ${organisationName} i sak ${caseNumber}.`,
        '',
        'Logg inn i søknadsportalen for å lese brevet. Av omsyn til personvernet sender vi ikkje innhaldet på e-post.',
        'Denne e-posten kan ikkje svarast på.',
      ].join('\n'),
    },
  };
}
