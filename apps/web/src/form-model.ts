import { normaliseAmount } from './format.js';
import { amountMessage, dateMessage, emailMessage, type FieldFacts, integerMessage, lengthMessage, missing } from './messages.js';

/** The part of JSON Schema the scheme forms use (class-validator-jsonschema's output plus our labels). */
export interface SchemaProperty {
  readonly type?: string;
  readonly format?: string;
  readonly title?: string;
  readonly description?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly 'x-enumTitles'?: Readonly<Record<string, string>>;
  readonly 'x-unit'?: string;
  readonly items?: ObjectSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface ObjectSchema {
  readonly type?: string;
  readonly title?: string;
  readonly properties?: Readonly<Record<string, SchemaProperty>>;
  readonly required?: readonly string[];
}

export type FieldKind = NonNullable<FieldFacts['kind']>;

export interface FieldModel extends FieldFacts {
  readonly name: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly help?: string;
  readonly choices?: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  /** For a list: the fields of one row, and what one row is called. */
  readonly item?: readonly FieldModel[];
  readonly itemLabel?: string;
}

/** Long free text gets a text area; the threshold is where a single line stops being comfortable. */
const TEXTAREA_FROM = 500;

export function fieldsOf(schema: ObjectSchema): FieldModel[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => fieldOf(name, property, required.has(name)));
}

function fieldOf(name: string, property: SchemaProperty, required: boolean): FieldModel {
  const base = {
    name,
    label: property.title ?? name,
    help: property.description,
    required,
    minLength: property.minLength,
    maxLength: property.maxLength,
    minimum: property.minimum,
    maximum: property.maximum,
    minItems: property.minItems,
    maxItems: property.maxItems,
  };
  if (property.enum) {
    const titles = property['x-enumTitles'] ?? {};
    return { ...base, kind: 'choice', choices: property.enum.map((value) => ({ value, label: titles[value] ?? value })) };
  }
  if (property.type === 'boolean') return { ...base, kind: 'boolean' };
  if (property.type === 'integer' || property.type === 'number') return { ...base, kind: 'integer' };
  if (property.type === 'array' && property.items?.properties) {
    return { ...base, kind: 'list', item: fieldsOf(property.items), itemLabel: property.items.title ?? 'Linje' };
  }
  if (property.format === 'date') return { ...base, kind: 'date' };
  if (property.format === 'email') return { ...base, kind: 'email' };
  if (property['x-unit'] === 'NOK') return { ...base, kind: 'amount' };
  return { ...base, kind: (property.maxLength ?? 0) >= TEXTAREA_FROM ? 'textarea' : 'text' };
}

/** What the inputs hold, before interpretation: text, a tick, or the rows of a list. */
export type RawValue = string | boolean | readonly RawRow[];
export type RawRow = Readonly<Record<string, RawValue>>;

export interface FormProblem {
  /** The input's path, e.g. "budget.0.amountNok". */
  readonly path: string;
  readonly message: string;
}

/**
 * Turns what was typed into the answers the API takes, and says what is wrong in bokmål. A draft
 * may be incomplete (the API saves drafts the same way), but what is there must be right.
 */
export function toAnswers(fields: readonly FieldModel[], raw: RawRow, mode: 'draft' | 'submission', prefix = ''): { answers: Record<string, unknown>; problems: FormProblem[] } {
  const answers: Record<string, unknown> = {};
  const problems: FormProblem[] = [];
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    const value = raw[field.name];
    if (field.kind === 'list') {
      const rows = (Array.isArray(value) ? (value as readonly RawRow[]) : []).filter((row) => !isBlankRow(row));
      const converted = rows.map((row, index) => toAnswers(field.item ?? [], row, mode, `${path}.${index}.`));
      problems.push(...converted.flatMap((row) => row.problems));
      if (rows.length > 0) answers[field.name] = converted.map((row) => row.answers);
      if (mode === 'submission' && field.required && rows.length < (field.minItems ?? 1)) problems.push({ path, message: missing(field) });
      if (field.maxItems !== undefined && rows.length > field.maxItems) problems.push({ path, message: `«${field.label}» kan ha høyst ${field.maxItems} linjer.` });
      continue;
    }
    if (field.kind === 'boolean') {
      answers[field.name] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      if (mode === 'submission' && field.required) problems.push({ path, message: missing(field) });
      continue;
    }
    const interpreted = interpret(field, text);
    if ('problem' in interpreted) problems.push({ path, message: interpreted.problem });
    else answers[field.name] = interpreted.value;
  }
  return { answers, problems };
}

function isBlankRow(row: RawRow): boolean {
  return Object.values(row).every((value) => value === '' || value === false);
}

function interpret(field: FieldModel, text: string): { value: unknown } | { problem: string } {
  switch (field.kind) {
    case 'integer': {
      if (!/^-?\d{1,9}$/.test(text)) return { problem: integerMessage(field) };
      // Counts of people and hours, never money: a plain number is exact here.
      const number = Number(text);
      if ((field.minimum !== undefined && number < field.minimum) || (field.maximum !== undefined && number > field.maximum)) return { problem: integerMessage(field) };
      return { value: number };
    }
    case 'amount': {
      const amount = normaliseAmount(text);
      return amount === undefined || amount.split('.')[0].length > 12 ? { problem: amountMessage(field) } : { value: amount };
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? { value: text } : { problem: emailMessage(field) };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? { value: text } : { problem: dateMessage(field) };
    case 'choice':
      return field.choices?.some((choice) => choice.value === text) ? { value: text } : { problem: `Du må velge et av alternativene for «${field.label}».` };
    case 'text':
    case 'textarea':
    case 'file':
    case 'boolean':
    case 'list':
      if ((field.minLength !== undefined && text.length < field.minLength) || (field.maxLength !== undefined && text.length > field.maxLength)) return { problem: lengthMessage(field) };
      return { value: text };
  }
}

/** The saved answers back as what the inputs show: amounts with a decimal comma, as people write them. */
export function toRaw(fields: readonly FieldModel[], answers: Readonly<Record<string, unknown>>): RawRow {
  const raw: Record<string, RawValue> = {};
  for (const field of fields) {
    const value = answers[field.name];
    if (field.kind === 'list') {
      raw[field.name] = Array.isArray(value) ? value.filter(isObject).map((row) => toRaw(field.item ?? [], row)) : [];
    } else if (field.kind === 'boolean') {
      raw[field.name] = value === true;
    } else if (typeof value === 'string' || typeof value === 'number') {
      raw[field.name] = field.kind === 'amount' ? String(value).replace('.', ',') : String(value);
    } else {
      raw[field.name] = '';
    }
  }
  return raw;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field an input path names ("budget.0.amountNok" → the line's amount field), for server messages. */
export function fieldAt(fields: readonly FieldModel[], path: string): FieldModel | undefined {
  const [head, ...rest] = path.split('.');
  const field = fields.find((candidate) => candidate.name === head);
  if (!field || rest.length === 0) return field;
  if (field.kind === 'list' && /^\d+$/.test(rest[0])) return rest.length === 1 ? field : fieldAt(field.item ?? [], rest.slice(1).join('.'));
  return undefined;
}
