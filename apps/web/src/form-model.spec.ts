import { fieldAt, fieldsOf, type ObjectSchema, toAnswers, toRaw } from './form-model';

/** The shape class-validator-jsonschema produces for a project form, with the labels the scheme declares. */
const schema: ObjectSchema = {
  type: 'object',
  properties: {
    projectTitle: { type: 'string', minLength: 3, maxLength: 200, title: 'Prosjektets navn' },
    description: { type: 'string', minLength: 20, maxLength: 10000, title: 'Beskrivelse av prosjektet' },
    periodStart: { type: 'string', format: 'date', title: 'Prosjektet starter' },
    budget: {
      type: 'array',
      minItems: 1,
      title: 'Budsjett',
      items: { type: 'object', title: 'Budsjettlinje', properties: { description: { type: 'string', minLength: 2, title: 'Hva pengene skal brukes til' }, amountNok: { type: 'string', 'x-unit': 'NOK', title: 'Beløp' } }, required: ['description', 'amountNok'] },
    },
    requestedAmountNok: { type: 'string', 'x-unit': 'NOK', title: 'Omsøkt beløp' },
    contactEmail: { type: 'string', format: 'email', title: 'E-post' },
    plannedParticipants: { type: 'integer', minimum: 1, maximum: 10000, title: 'Planlagt antall deltakere' },
    subGoal: { type: 'string', enum: ['settlement', 'qualification'], 'x-enumTitles': { settlement: 'Bosetting', qualification: 'Kvalifisering' }, title: 'Delmål' },
    needDocumented: { type: 'boolean', title: 'Behovet er dokumentert' },
  },
  required: ['projectTitle', 'description', 'periodStart', 'budget', 'requestedAmountNok', 'contactEmail', 'plannedParticipants', 'subGoal', 'needDocumented'],
};
const fields = fieldsOf(schema);

describe('forms generated from a scheme\'s JSON schema', () => {
  it('chooses an input for each field from its schema', () => {
    expect(fields.map((field) => [field.name, field.kind])).toEqual([
      ['projectTitle', 'text'],
      ['description', 'textarea'],
      ['periodStart', 'date'],
      ['budget', 'list'],
      ['requestedAmountNok', 'amount'],
      ['contactEmail', 'email'],
      ['plannedParticipants', 'integer'],
      ['subGoal', 'choice'],
      ['needDocumented', 'boolean'],
    ]);
    expect(fields.find((field) => field.name === 'subGoal')?.choices).toEqual([{ value: 'settlement', label: 'Bosetting' }, { value: 'qualification', label: 'Kvalifisering' }]);
  });

  it('turns what was typed into the answers the API takes', () => {
    const { answers, problems } = toAnswers(
      fields,
      {
        projectTitle: ' Jobbsjansen ',
        description: 'Et program for kvinner langt fra arbeidslivet.',
        periodStart: '2017-03-01',
        budget: [{ description: 'Rådgivere', amountNok: '600 000,50' }, { description: '', amountNok: '' }],
        requestedAmountNok: '600 000',
        contactEmail: 'kari@nordby.kommune.no',
        plannedParticipants: '15',
        subGoal: 'qualification',
        needDocumented: false,
      },
      'submission',
    );
    expect(problems).toEqual([]);
    expect(answers).toEqual({
      projectTitle: 'Jobbsjansen',
      description: 'Et program for kvinner langt fra arbeidslivet.',
      periodStart: '2017-03-01',
      budget: [{ description: 'Rådgivere', amountNok: '600000.50' }],
      requestedAmountNok: '600000',
      contactEmail: 'kari@nordby.kommune.no',
      plannedParticipants: 15,
      subGoal: 'qualification',
      needDocumented: false,
    });
  });

  it('says in bokmål what is missing on submission, but lets a draft be incomplete', () => {
    const empty = { budget: [{ description: '', amountNok: '' }], needDocumented: false };
    expect(toAnswers(fields, empty, 'draft').problems).toEqual([]);
    expect(toAnswers(fields, empty, 'submission').problems).toEqual(
      expect.arrayContaining([
        { path: 'projectTitle', message: 'Du må fylle ut «Prosjektets navn».' },
        { path: 'budget', message: '«Budsjett» må ha minst 1 linje.' },
        { path: 'subGoal', message: 'Du må velge «Delmål».' },
      ]),
    );
  });

  it('refuses what is there but wrong, even in a draft, naming the row of a list', () => {
    const { problems } = toAnswers(fields, { projectTitle: 'Ja', budget: [{ description: 'Lønn', amountNok: '12,345' }], plannedParticipants: '0', contactEmail: 'kari' }, 'draft');
    expect(problems).toEqual([
      { path: 'projectTitle', message: '«Prosjektets navn» må være mellom 3 og 200 tegn.' },
      { path: 'budget.0.amountNok', message: '«Beløp» må være et beløp i kroner, for eksempel 125 000 eller 125 000,50.' },
      { path: 'contactEmail', message: '«E-post» må være en e-postadresse, for eksempel navn@kommune.no.' },
      { path: 'plannedParticipants', message: '«Planlagt antall deltakere» må være et helt tall mellom 1 og 10000.' },
    ]);
  });

  it('shows saved answers back in the inputs, amounts with a decimal comma', () => {
    expect(toRaw(fields, { requestedAmountNok: '600000.50', plannedParticipants: 15, budget: [{ description: 'Lønn', amountNok: '10' }] })).toMatchObject({
      requestedAmountNok: '600000,50',
      plannedParticipants: '15',
      budget: [{ description: 'Lønn', amountNok: '10' }],
      projectTitle: '',
    });
  });

  it('finds the field a server message names, inside a list row too', () => {
    expect(fieldAt(fields, 'budget.2.amountNok')?.label).toBe('Beløp');
    expect(fieldAt(fields, 'budget')?.label).toBe('Budsjett');
    expect(fieldAt(fields, 'nonsense')).toBeUndefined();
  });
});
