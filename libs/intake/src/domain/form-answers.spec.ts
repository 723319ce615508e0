import { formAnswers, type FormFieldSchema } from './form-answers';

const SCHEMA: FormFieldSchema = {
  properties: {
    projectTitle: { type: 'string', title: 'Prosjektets navn' },
    periodStart: { type: 'string', format: 'date', title: 'Prosjektet starter' },
    budget: {
      type: 'array',
      title: 'Budsjett',
      items: {
        type: 'object',
        title: 'Budsjettlinje',
        properties: { description: { type: 'string', title: 'Hva pengene skal brukes til' }, amountNok: { type: 'string', title: 'Beløp', 'x-unit': 'NOK' } },
      },
    },
    requestedAmountNok: { type: 'string', title: 'Omsøkt beløp', 'x-unit': 'NOK' },
    partnerOrganisationNumber: { type: 'string', title: 'Samarbeidspartners organisasjonsnummer' },
    budgetYear: { type: 'integer', title: 'Budsjettår' },
    participantHours: { type: 'number', title: 'Deltakertimer i alt' },
    period: { type: 'string', title: 'Periode', 'x-enumTitles': { q1: '1. kvartal' } },
    acceptsAssignmentLetter: { type: 'boolean', title: 'Kommunen tar på seg oppdraget i oppdragsbrevet' },
    yourReference: { type: 'string', title: 'Deres referanse' },
  },
};

describe(formAnswers.name, () => {
  it("lists answers by the form's labels in Norwegian formats, never by their keys", () => {
    const rows = formAnswers(
      {
        budgetYear: 2017,
        projectTitle: 'Mentorer i arbeid',
        periodStart: '2017-03-01',
        budget: [
          { description: 'Koordinator', amountNok: '1234567' },
          { description: 'Reiser', amountNok: '2500.50' },
        ],
        requestedAmountNok: '1237067.50',
        partnerOrganisationNumber: '974760673',
        participantHours: 125000,
        period: 'q1',
        acceptsAssignmentLetter: true,
        unknownField: 'x',
      },
      SCHEMA,
    );
    expect(rows).toEqual([
      ['Prosjektets navn', 'Mentorer i arbeid'],
      ['Prosjektet starter', '01.03.2017'],
      ['Budsjettlinje 1', ''],
      ['   Hva pengene skal brukes til', 'Koordinator'],
      ['   Beløp', '1 234 567 kr'],
      ['Budsjettlinje 2', ''],
      ['   Hva pengene skal brukes til', 'Reiser'],
      ['   Beløp', '2 500,50 kr'],
      ['Omsøkt beløp', '1 237 067,50 kr'],
      ['Samarbeidspartners organisasjonsnummer', '974 760 673'],
      ['Budsjettår', '2017'],
      ['Deltakertimer i alt', '125 000'],
      ['Periode', '1. kvartal'],
      ['Kommunen tar på seg oppdraget i oppdragsbrevet', 'Ja'],
    ]);
  });

  it('for an organisation writing nynorsk, uses the nynorsk labels and choices the schema carries', () => {
    const schema: FormFieldSchema = {
      properties: {
        projectTitle: { type: 'string', title: 'Prosjektets navn', 'x-nn': { title: 'Namnet på prosjektet' } },
        budget: {
          type: 'array',
          title: 'Budsjett',
          'x-nn': { title: 'Budsjett' },
          items: {
            type: 'object',
            title: 'Budsjettlinje',
            'x-nn': { title: 'Budsjettlinje' },
            properties: { description: { type: 'string', title: 'Hva pengene skal brukes til', 'x-nn': { title: 'Kva pengane skal brukast til' } } },
          },
        },
        subGoal: {
          type: 'string',
          title: 'Delmål',
          'x-enumTitles': { settlement: 'Bosetting' },
          'x-nn': { title: 'Delmål', enumTitles: { settlement: 'Busetjing' } },
        },
      },
    };
    const form = { projectTitle: 'Mentorar i arbeid', budget: [{ description: 'Koordinator' }], subGoal: 'settlement' };
    expect(formAnswers(form, schema, 'nn')).toEqual([
      ['Namnet på prosjektet', 'Mentorar i arbeid'],
      ['Budsjettlinje 1', ''],
      ['   Kva pengane skal brukast til', 'Koordinator'],
      ['Delmål', 'Busetjing'],
    ]);
    expect(formAnswers(form, schema, 'nb')[0]).toEqual(['Prosjektets navn', 'Mentorar i arbeid']);
  });
});
