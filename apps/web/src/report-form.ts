import { type FieldModel, fieldsOf, type FormProblem, type ObjectSchema, type RawRow, type SchemaProperty, toAnswers } from './form-model.js';
import { missing } from './messages.js';

/*
 * The recipient's report is a form generated from what the scheme's reporting duty asks for
 * (requiredContents), in the same schema shape as a scheme's application form, so it gets the
 * same inputs, help texts, list rows and inline messages.
 */

/** What each part of a reporting duty is called for the recipient. */
export const REPORT_CONTENT_LABELS: Readonly<Record<string, string>> = {
  'use-of-funds': 'Hvordan midlene er brukt, og hvor mye som er brukt',
  results: 'Resultater',
  'goal-achievement': 'Måloppnåelse',
  participants: 'Antall deltakere, kvinner og menn',
  accounts: 'Regnskap for tilskuddet',
};

export const AUDITOR_CONTENT_LABEL = 'Regnskapet bekreftet av revisor (tilskudd på 400 000 kr eller mer)';

/** The API's field for each part of the duty; the same table the API checks a submission against. */
const FIELDS_OF_CONTENT: Readonly<Record<string, readonly string[]>> = {
  'use-of-funds': ['useOfFunds', 'spentNok'],
  results: ['results'],
  'goal-achievement': ['goalAchievement'],
  participants: ['participantsFemale', 'participantsMale'],
  accounts: ['accounts'],
};

// The limits are the API's (SubmitRecipientReportDto), so the form says them before the API does.
const longText = (title: string, description: string): SchemaProperty => ({ type: 'string', minLength: 10, maxLength: 20000, title, description });
const participants = (title: string): SchemaProperty => ({ type: 'integer', minimum: 0, maximum: 1000000, title });

/** Every field a report can have, in the order the form shows them. */
const PROPERTIES: ReadonlyArray<readonly [string, SchemaProperty]> = [
  ['useOfFunds', longText('Hvordan midlene er brukt', 'Beskriv hva tilskuddet er brukt til.')],
  ['spentNok', { type: 'string', 'x-unit': 'NOK', title: 'Brukt beløp', description: 'Hvor mye av tilskuddet som er brukt.' }],
  ['results', longText('Resultater', 'Hva tiltaket har oppnådd.')],
  ['goalAchievement', longText('Måloppnåelse', 'I hvilken grad målene for tilskuddet er nådd, og hvorfor.')],
  ['participantsFemale', participants('Antall deltakere, kvinner')],
  ['participantsMale', participants('Antall deltakere, menn')],
  [
    'accounts',
    {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      title: 'Regnskap',
      description: 'Én linje for hver post i regnskapet for tilskuddet.',
      items: {
        type: 'object',
        title: 'Regnskapslinje',
        properties: { description: { type: 'string', minLength: 2, maxLength: 200, title: 'Post i regnskapet' }, amountNok: { type: 'string', 'x-unit': 'NOK', title: 'Beløp' } },
        required: ['description', 'amountNok'],
      },
    },
  ],
  ['auditorConfirmed', { type: 'boolean', title: 'Regnskapet er bekreftet av revisor', description: 'Tilskudd på 400 000 kr eller mer skal ha regnskap bekreftet av revisor.' }],
];

/** The fields a duty asks for: each required, since the API refuses a report without them. */
export function reportSchema(requiredContents: readonly string[], auditorRequired: boolean): ObjectSchema {
  const wanted = new Set(requiredContents.flatMap((content) => FIELDS_OF_CONTENT[content] ?? []));
  if (auditorRequired) wanted.add('auditorConfirmed');
  const chosen = PROPERTIES.filter(([name]) => wanted.has(name));
  return { type: 'object', properties: Object.fromEntries(chosen), required: chosen.map(([name]) => name) };
}

/** For reading a report: the fields the duty asked for, and any other the recipient filled in. */
export function reportReadingFields(requiredContents: readonly string[], auditorRequired: boolean, content: Readonly<Record<string, unknown>>): FieldModel[] {
  const required = new Set(Object.keys(reportSchema(requiredContents, auditorRequired).properties ?? {}));
  const shown = PROPERTIES.filter(([name]) => required.has(name) || (content[name] !== null && content[name] !== undefined));
  return fieldsOf({ type: 'object', properties: Object.fromEntries(shown), required: [...required] });
}

/** What must be reported, in words, for the duty's description. */
export function reportContentLabels(requiredContents: readonly string[], auditorRequired: boolean): string[] {
  return [...requiredContents.map((content) => REPORT_CONTENT_LABELS[content] ?? content), ...(auditorRequired ? [AUDITOR_CONTENT_LABEL] : [])];
}

/**
 * The typed answers as the API's body, and what is wrong in bokmål. A tick box is never "missing"
 * to the generic form, so the auditor's confirmation is checked here.
 */
export function toReportBody(fields: readonly FieldModel[], raw: RawRow): { body: Record<string, unknown>; problems: FormProblem[] } {
  const { answers, problems } = toAnswers(fields, raw, 'submission');
  const auditor = fields.find((field) => field.name === 'auditorConfirmed');
  if (auditor && answers.auditorConfirmed !== true) problems.push({ path: auditor.name, message: missing(auditor) });
  return { body: answers, problems };
}
