import type { MessageTexts } from '@imdi/messaging';

/** Tells the recipient a notice is waiting and by when to comment; the amount and reasons are in the letter. */
export function reclaimNoticeMail(organisationName: string, caseNumber: string, commentDeadline: string): MessageTexts {
  const deadline = commentDeadline.split('-').reverse().join('.');
  return {
    nb: {
      subject: `Varsel fra IMDi om mulig tilbakebetaling i sak ${caseNumber}`,
      body: [
        `Integrerings- og mangfoldsdirektoratet (IMDi) har sendt ${organisationName} et forhåndsvarsel i sak ${caseNumber} om at vi vurderer å kreve tilskudd betalt tilbake.`,
        '',
        `Dere kan uttale dere innen ${deadline}. Logg inn i søknadsportalen for å lese varselet og svare. Av hensyn til personvernet sender vi ikke innholdet på e-post.`,
        'Denne e-posten kan ikke besvares.',
      ].join('\n'),
    },
    nn: {
      subject: `Varsel frå IMDi om mogleg tilbakebetaling i sak ${caseNumber}`,
      body: [
        `Integrerings- og mangfaldsdirektoratet (IMDi) har sendt ${organisationName} eit førehandsvarsel i sak ${caseNumber} om at vi vurderer å krevje tilskot betalt tilbake.`,
        '',
        `De kan uttale dykk innan ${deadline}. Logg inn i søknadsportalen for å lese varselet og svare. Av omsyn til personvernet sender vi ikkje innhaldet på e-post.`,
        'Denne e-posten kan ikkje svarast på.',
      ].join('\n'),
    },
  };
}

/** Tells the recipient a reclaim decision is waiting, and the appeal deadline; the amount and reasons are in the letter. */
export function reclaimDecisionMail(organisationName: string, caseNumber: string, appealDeadline: string | null): MessageTexts {
  const deadline = appealDeadline?.split('-').reverse().join('.');
  return {
    nb: {
      subject: `Vedtak fra IMDi om tilbakebetaling av tilskudd i sak ${caseNumber}`,
      body: [
        `Integrerings- og mangfoldsdirektoratet (IMDi) har fattet vedtak om at ${organisationName} skal betale tilbake tilskudd i sak ${caseNumber}.`,
        '',
        `Logg inn i søknadsportalen for å lese vedtaksbrevet.${deadline ? ` Dere kan klage på vedtaket innen ${deadline}.` : ''} Av hensyn til personvernet sender vi ikke innholdet på e-post.`,
        'Denne e-posten kan ikke besvares.',
      ].join('\n'),
    },
    nn: {
      subject: `Vedtak frå IMDi om tilbakebetaling av tilskot i sak ${caseNumber}`,
      body: [
        `Integrerings- og mangfaldsdirektoratet (IMDi) har gjort vedtak om at ${organisationName} skal betale tilbake tilskot i sak ${caseNumber}.`,
        '',
        `Logg inn i søknadsportalen for å lese vedtaksbrevet.${deadline ? ` De kan klage på vedtaket innan ${deadline}.` : ''} Av omsyn til personvernet sender vi ikkje innhaldet på e-post.`,
        'Denne e-posten kan ikkje svarast på.',
      ].join('\n'),
    },
  };
}
