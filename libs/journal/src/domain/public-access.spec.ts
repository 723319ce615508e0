import { findNationalIdentityNumbers } from './national-identity-number';
import { PERSONAL_CIRCUMSTANCES_BASIS, proposePublicAccess, removePrivateData, SCREENED_MARK } from './public-access';

describe('proposePublicAccess', () => {
  const organisation = { name: 'Nordby frivilligsentral', kind: 'organisation', role: 'sender', organisationNumber: '974760673' } as const;

  it('keeps a title without private data and proposes no screening', () => {
    const proposal = proposePublicAccess({
      title: 'Søknad om tilskudd – Jobbsjansen A 2017 – Nordby frivilligsentral',
      privatePersonNames: ['Kari Nordmann'],
      content: 'Et program.',
      parties: [organisation],
    });
    expect(proposal).toEqual({ publicTitle: 'Søknad om tilskudd – Jobbsjansen A 2017 – Nordby frivilligsentral', screening: null, needsReview: false });
  });

  it('removes a private person from the title and screens the document holding an identity number', () => {
    const proposal = proposePublicAccess({
      title: 'Klage fra Ola Nordmann på vedtak',
      privatePersonNames: ['Ola Nordmann'],
      content: 'Jeg, Ola Nordmann (fnr. 01017012343), klager.',
      parties: [organisation, { name: 'Ola Nordmann', kind: 'person', role: 'sender' }],
    });
    expect(proposal.publicTitle).toBe(`Klage fra ${SCREENED_MARK} på vedtak`);
    expect(proposal.screening).toEqual({ restriction: '13', basis: PERSONAL_CIRCUMSTANCES_BASIS, fields: ['title', 'parties', 'documents'] });
    expect(proposal.needsReview).toBe(true);
  });

  it('removes a surname alone and an identity number written with a space', () => {
    expect(removePrivateData('Rapport om Nordmann, 010170 12343', ['Ola Nordmann'])).toBe(`Rapport om ${SCREENED_MARK}, ${SCREENED_MARK}`);
  });
});

describe('findNationalIdentityNumbers', () => {
  it('finds numbers whose check digits are right and ignores other eleven digits', () => {
    expect(findNationalIdentityNumbers('01017012343 og 01017012345 og kontonummer 12345678901')).toEqual(['01017012343']);
  });
});
