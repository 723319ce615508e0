import type { MessageTexts } from '@imdi/messaging';

export interface ReceiptMailFacts {
  readonly organisationName: string;
  readonly schemeName: { readonly nb: string; readonly nn: string };
  readonly budgetYear: number;
  readonly caseNumber: string;
  readonly receivedAt: string;
}

/**
 * The e-mail that says the application arrived. It names the case, not what was applied for:
 * the receipt itself (answers, amounts, attachments) is read after logging in.
 */
export function receiptMail(facts: ReceiptMailFacts): MessageTexts {
  return {
    nb: {
      subject: `Kvittering: søknaden er mottatt (sak ${facts.caseNumber})`,
      body: [
        `Integrerings- og mangfoldsdirektoratet (IMDi) har mottatt søknaden fra ${facts.organisationName} om tilskudd fra ${facts.schemeName.nb} ${facts.budgetYear}.`,
        '',
        `Saksnummer: ${facts.caseNumber}`,
        `Mottatt: ${facts.receivedAt}`,
        '',
        'Kvitteringen med alt dere sendte inn, finner dere når dere logger inn i søknadsportalen.',
        'Denne e-posten kan ikke besvares.',
      ].join('\n'),
    },
    nn: {
      subject: `Kvittering: søknaden er motteken (sak ${facts.caseNumber})`,
      body: [
        `Integrerings- og mangfaldsdirektoratet (IMDi) har motteke søknaden frå ${facts.organisationName} om tilskot frå ${facts.schemeName.nn} ${facts.budgetYear}.`,
        '',
        `Saksnummer: ${facts.caseNumber}`,
        `Motteke: ${facts.receivedAt}`,
        '',
        'Kvitteringa med alt de sende inn, finn de når de loggar inn i søknadsportalen.',
        'Denne e-posten kan ikkje svarast på.',
      ].join('\n'),
    },
  };
}
