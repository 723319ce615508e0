import { ApiProblem } from './api';
import { fieldAt, fieldsOf, toRaw } from './form-model';
import { fieldMessage, problemMessage } from './messages';
import { reportContentLabels, reportReadingFields, reportSchema, toReportBody } from './report-form';

describe("the recipient's report form, generated from the reporting duty", () => {
  it('asks for exactly the fields the duty names, each required, in a fixed order', () => {
    const fields = fieldsOf(reportSchema(['use-of-funds', 'results', 'participants', 'accounts'], false));
    expect(fields.map((field) => [field.name, field.kind, field.required])).toEqual([
      ['useOfFunds', 'textarea', true],
      ['spentNok', 'amount', true],
      ['results', 'textarea', true],
      ['participantsFemale', 'integer', true],
      ['participantsMale', 'integer', true],
      ['accounts', 'list', true],
    ]);
    expect(fieldsOf(reportSchema(['participants'], false)).map((field) => field.name)).toEqual(['participantsFemale', 'participantsMale']);
  });

  it('adds the auditor confirmation for grants that need it, and names it among what must be reported', () => {
    expect(fieldsOf(reportSchema(['results'], true)).map((field) => [field.name, field.kind])).toEqual([['results', 'textarea'], ['auditorConfirmed', 'boolean']]);
    expect(reportContentLabels(['results', 'goal-achievement'], true)).toEqual(['Resultater', 'Måloppnåelse', 'Regnskapet bekreftet av revisor (tilskudd på 400 000 kr eller mer)']);
  });

  it('turns what was typed into the API body, amounts as exact decimal strings and counts as numbers', () => {
    const fields = fieldsOf(reportSchema(['use-of-funds', 'participants', 'accounts'], false));
    const { body, problems } = toReportBody(fields, {
      useOfFunds: 'Midlene er brukt til mentorer.',
      spentNok: '299 999,99',
      participantsFemale: '7',
      participantsMale: '0',
      accounts: [{ description: 'Mentorer', amountNok: '299 999,99' }],
    });
    expect(problems).toEqual([]);
    expect(body).toEqual({ useOfFunds: 'Midlene er brukt til mentorer.', spentNok: '299999.99', participantsFemale: 7, participantsMale: 0, accounts: [{ description: 'Mentorer', amountNok: '299999.99' }] });
  });

  it('names every missing part in bokmål, including an unticked auditor confirmation', () => {
    const fields = fieldsOf(reportSchema(['participants', 'accounts'], true));
    const { problems } = toReportBody(fields, { participantsFemale: '3', participantsMale: '', accounts: [{ description: '', amountNok: '' }], auditorConfirmed: false });
    expect(problems).toEqual([
      { path: 'participantsMale', message: 'Du må fylle ut «Antall deltakere, menn».' },
      { path: 'accounts', message: '«Regnskap» må ha minst 1 linje.' },
      { path: 'auditorConfirmed', message: 'Du må krysse av for «Regnskapet er bekreftet av revisor».' },
    ]);
  });

  it("puts the API's REPORT_INCOMPLETE beside the field it names", () => {
    const fields = fieldsOf(reportSchema(['use-of-funds', 'participants'], false));
    const problem = new ApiProblem(422, 'REPORT_INCOMPLETE', 'participantsFemale is required', [{ field: 'participantsFemale', rule: 'REPORT_INCOMPLETE', message: 'participantsFemale is required: the scheme\'s reporting duty asks for participants' }], {});
    const field = fieldAt(fields, problem.errors[0].field)!;
    expect(fieldMessage(problem.errors[0], field)).toBe('Du må fylle ut «Antall deltakere, kvinner».');
    expect(problemMessage(problem)).toBe('Rapporten mangler noe av det som skal rapporteres. Se feltene som er merket.');
  });

  it('shows a submitted report under the same labels, with what the recipient added beyond the duty', () => {
    const content = { useOfFunds: null, results: 'Tolv fikk jobb.', goalAchievement: 'Målet er nådd.', spentNok: null, participantsFemale: null, participantsMale: null, accounts: null, auditorConfirmed: null };
    expect(reportReadingFields(['results'], false, content).map((field) => field.label)).toEqual(['Resultater', 'Måloppnåelse']);
    // A report sent back for more is shown again as it was sent, amounts with a decimal comma.
    const fields = fieldsOf(reportSchema(['use-of-funds', 'accounts'], false));
    expect(toRaw(fields, { useOfFunds: 'Brukt.', spentNok: '1200.50', accounts: [{ description: 'Leie', amountNok: '1200.50' }] })).toEqual({ useOfFunds: 'Brukt.', spentNok: '1200,50', accounts: [{ description: 'Leie', amountNok: '1200,50' }] });
  });
});
