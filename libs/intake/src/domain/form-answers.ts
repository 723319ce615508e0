import { Money } from '@imdi/kernel';

/** The part of a form's JSON schema the receipt reads: labels, formats and choice titles. */
export interface FormFieldSchema {
  readonly type?: string;
  readonly title?: string;
  readonly format?: string;
  readonly 'x-unit'?: string;
  readonly 'x-enumTitles'?: Readonly<Record<string, string>>;
  /** The nynorsk beside the bokmål (libs/schemes form-nynorsk.ts). */
  readonly 'x-nn'?: { readonly title?: string; readonly enumTitles?: Readonly<Record<string, string>> };
  readonly properties?: Readonly<Record<string, FormFieldSchema>>;
  readonly items?: FormFieldSchema;
}

export type AnswerLanguage = 'nb' | 'nn';

const YES_NO = { nb: ['Ja', 'Nei'], nn: ['Ja', 'Nei'] } as const;

/**
 * The form as label/value rows for the receipt, in the form's order and with its Norwegian labels:
 * amounts as "1 234 567 kr", dates as dd.mm.yyyy, organisation numbers as "974 760 673", lists as
 * numbered groups. A field the schema does not know is left out rather than shown by its key.
 */
export function formAnswers(form: Readonly<Record<string, unknown>>, schema: FormFieldSchema, language: AnswerLanguage = 'nb'): Array<[string, string]> {
  return Object.entries(schema.properties ?? {}).flatMap(([key, field]): Array<[string, string]> => answerRows(key, field, form[key], language));
}

function titleOf(field: FormFieldSchema, language: AnswerLanguage): string | undefined {
  return (language === 'nn' ? field['x-nn']?.title : undefined) ?? field.title;
}

function answerRows(key: string, field: FormFieldSchema, value: unknown, language: AnswerLanguage): Array<[string, string]> {
  if (value === undefined || value === null || value === '') return [];
  const label = titleOf(field, language) ?? key;
  if (Array.isArray(value)) {
    const itemLabel = (field.items && titleOf(field.items, language)) ?? label;
    return value.flatMap((item, index): Array<[string, string]> => {
      const heading = `${itemLabel} ${index + 1}`;
      if (typeof item === 'object' && item !== null && field.items?.properties) {
        return [
          [heading, ''],
          ...formAnswers(item as Record<string, unknown>, field.items, language).map(([nested, text]): [string, string] => [`   ${nested}`, text]),
        ];
      }
      return [[heading, formatValue(key, field.items ?? {}, item, language)]];
    });
  }
  if (typeof value === 'object')
    return field.properties
      ? [[label, ''], ...formAnswers(value as Record<string, unknown>, field, language).map(([nested, text]): [string, string] => [`   ${nested}`, text])]
      : [];
  return [[label, formatValue(key, field, value, language)]];
}

function formatValue(key: string, field: FormFieldSchema, value: unknown, language: AnswerLanguage): string {
  if (typeof value === 'boolean') return value ? YES_NO[language][0] : YES_NO[language][1];
  const text = String(value);
  const choice = (language === 'nn' ? (field['x-nn']?.enumTitles ?? field['x-enumTitles']) : field['x-enumTitles'])?.[text];
  if (choice) return choice;
  if (field['x-unit'] === 'NOK' && /^\d{1,12}(\.\d{1,2})?$/.test(text))
    return Money.parseNok(text)
      .formatNok()
      .replace(/,00 kr$/, ' kr');
  if (field.format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text.slice(8, 10)}.${text.slice(5, 7)}.${text.slice(0, 4)}`;
  if (/organisationNumber$/i.test(key) && /^\d{9}$/.test(text)) return `${text.slice(0, 3)} ${text.slice(3, 6)} ${text.slice(6)}`;
  // Numbers of five digits or more are grouped by thousands; a year or a count like 5000 is not.
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 10_000) return String(value).replace(/\B(?=(\d{3})+$)/g, ' ');
  if (typeof value === 'number') return String(value).replace('.', ',');
  return text;
}
