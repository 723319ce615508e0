import { Button, Fieldset, Select, Textfield } from '@digdir/designsystemet-react';
import type { JsonSchema } from './api/views';
import { addMessages, useLanguage, type Language, type Translate } from './i18n';

addMessages({
  nb: {
    'form.required': 'Fyll ut {label}.',
    'form.tooShort': '{label} må ha minst {count} tegn.',
    'form.tooLong': '{label} kan ha høyst {count} tegn.',
    'form.tooSmall': '{label} må være minst {count}.',
    'form.tooLarge': '{label} kan være høyst {count}.',
    'form.amount': '{label} skal være et beløp i hele kroner, for eksempel 150000.',
    'form.date': '{label} skal være en dato.',
    'form.email': '{label} skal være en e-postadresse, for eksempel navn@eksempel.no.',
    'form.pattern': '{label} har feil format.',
    'form.fewRows': '{label} må ha minst {count} rad.',
    'form.addRow': 'Legg til rad i {label}',
    'form.removeRow': 'Fjern rad {number}',
    'form.row': 'Rad {number}',
    'form.choose': 'Velg',
    'form.limits': 'Minst {min}, høyst {max} tegn.',
    'form.max': 'Høyst {max} tegn.',
    'form.optional': '(valgfritt)',
  },
  nn: {
    'form.required': 'Fyll ut {label}.',
    'form.tooShort': '{label} må ha minst {count} teikn.',
    'form.tooLong': '{label} kan ha høgst {count} teikn.',
    'form.tooSmall': '{label} må vere minst {count}.',
    'form.tooLarge': '{label} kan vere høgst {count}.',
    'form.amount': '{label} skal vere eit beløp i heile kroner, til dømes 150000.',
    'form.date': '{label} skal vere ein dato.',
    'form.email': '{label} skal vere ei e-postadresse, til dømes namn@døme.no.',
    'form.pattern': '{label} har feil format.',
    'form.fewRows': '{label} må ha minst {count} rad.',
    'form.addRow': 'Legg til rad i {label}',
    'form.removeRow': 'Fjern rad {number}',
    'form.row': 'Rad {number}',
    'form.choose': 'Vel',
    'form.limits': 'Minst {min}, høgst {max} teikn.',
    'form.max': 'Høgst {max} teikn.',
    'form.optional': '(valfritt)',
  },
});

export type FormValues = Record<string, unknown>;

/** One problem with one field: the field's id (for the error summary's link) and the sentence. */
export interface FormError {
  readonly id: string;
  readonly message: string;
}

/** A scheme's form schema in the chosen language: the nynorsk the server puts beside each bokmål word (`x-nn`). */
export function inLanguage(schema: JsonSchema, language: Language): JsonSchema {
  if (language === 'nb') return schema;
  const nynorsk = schema['x-nn'] as { title?: string; description?: string; enumTitles?: Record<string, string> } | undefined;
  return {
    ...schema,
    ...(nynorsk?.title ? { title: nynorsk.title } : {}),
    ...(nynorsk?.description ? { description: nynorsk.description } : {}),
    ...(nynorsk?.enumTitles ? { 'x-enumTitles': nynorsk.enumTitles } : {}),
    ...(schema.properties
      ? { properties: Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, inLanguage(property, language)])) }
      : {}),
    ...(schema.items ? { items: inLanguage(schema.items, language) } : {}),
  };
}

function labelOf(name: string, property: JsonSchema): string {
  return property.title ?? name;
}

function isAmount(name: string, property: JsonSchema): boolean {
  return /Nok$/.test(name) && property.type === 'string';
}

/** Every problem in the form at once, in field order (the server checks again on submit). */
export function validate(schema: JsonSchema, values: FormValues, t: Translate, prefix = 'felt'): FormError[] {
  const errors: FormError[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const id = `${prefix}-${name}`;
    const label = labelOf(name, property);
    const value = values[name];
    if (property.type === 'array' && property.items) {
      const rows = Array.isArray(value) ? (value as FormValues[]) : [];
      if ((property.minItems ?? (required.has(name) ? 1 : 0)) > rows.length)
        errors.push({ id: `${id}-legg-til`, message: t('form.fewRows', { label, count: property.minItems ?? 1 }) });
      rows.forEach((row, index) => errors.push(...validate(property.items!, row, t, `${id}-${index}`)));
      continue;
    }
    const text = value === undefined || value === null ? '' : String(value).trim();
    if (text === '') {
      if (required.has(name)) errors.push({ id, message: t('form.required', { label: label.toLowerCase() }) });
      continue;
    }
    if (isAmount(name, property) && !/^\d+$/.test(text.replace(/\s/g, ''))) errors.push({ id, message: t('form.amount', { label }) });
    else if (property.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) errors.push({ id, message: t('form.date', { label }) });
    else if (property.format === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)) errors.push({ id, message: t('form.email', { label }) });
    else if (property.minLength !== undefined && text.length < property.minLength)
      errors.push({ id, message: t('form.tooShort', { label, count: property.minLength }) });
    else if (property.maxLength !== undefined && text.length > property.maxLength)
      errors.push({ id, message: t('form.tooLong', { label, count: property.maxLength }) });
    else if ((property.type === 'integer' || property.type === 'number') && property.minimum !== undefined && Number(text) < property.minimum)
      errors.push({ id, message: t('form.tooSmall', { label, count: property.minimum }) });
    else if ((property.type === 'integer' || property.type === 'number') && property.maximum !== undefined && Number(text) > property.maximum)
      errors.push({ id, message: t('form.tooLarge', { label, count: property.maximum }) });
  }
  return errors;
}

/** The form's values as the api takes them: numbers as numbers, amounts without spaces, empty fields left out. */
export function clean(schema: JsonSchema, values: FormValues): FormValues {
  const result: FormValues = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const value = values[name];
    if (property.type === 'array' && property.items) {
      if (Array.isArray(value)) result[name] = (value as FormValues[]).map((row) => clean(property.items!, row));
      continue;
    }
    if (value === undefined || value === null || String(value).trim() === '') continue;
    if (property.type === 'integer' || property.type === 'number') result[name] = Number.isFinite(Number(value)) ? Number(value) : value;
    else if (isAmount(name, property)) result[name] = String(value).replace(/\s/g, '');
    else result[name] = value;
  }
  return result;
}

/** Text shown for an answer on the check page. */
export function answerText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '–';
  return String(value);
}

interface FieldsProps {
  readonly schema: JsonSchema;
  readonly values: FormValues;
  readonly onChange: (values: FormValues) => void;
  readonly errors: readonly FormError[];
  readonly prefix?: string;
}

/** The scheme's form as fields, from its JSON schema: text, long text, amounts, dates, choices and lists of rows. */
export function SchemaFields({ schema, values, onChange, errors, prefix = 'felt' }: FieldsProps) {
  const { t } = useLanguage();
  const errorOf = (id: string) => errors.find((error) => error.id === id)?.message;
  const required = new Set(schema.required ?? []);
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([name, property]) => {
        const id = `${prefix}-${name}`;
        const label = required.has(name) ? labelOf(name, property) : `${labelOf(name, property)} ${t('form.optional')}`;
        const set = (value: unknown) => onChange({ ...values, [name]: value });
        if (property.type === 'array' && property.items) {
          const rows = Array.isArray(values[name]) ? (values[name] as FormValues[]) : [];
          return (
            <Fieldset key={name}>
              <Fieldset.Legend>{label}</Fieldset.Legend>
              {property.description ? <Fieldset.Description>{property.description}</Fieldset.Description> : null}
              {rows.map((row, index) => (
                <Fieldset key={index} className="row-group">
                  <Fieldset.Legend>{t('form.row', { number: index + 1 })}</Fieldset.Legend>
                  <SchemaFields
                    schema={property.items!}
                    values={row}
                    errors={errors}
                    prefix={`${id}-${index}`}
                    onChange={(next) => set(rows.map((other, position) => (position === index ? next : other)))}
                  />
                  <div>
                    <Button type="button" variant="tertiary" data-size="sm" onClick={() => set(rows.filter((_, position) => position !== index))}>
                      {t('form.removeRow', { number: index + 1 })}
                    </Button>
                  </div>
                </Fieldset>
              ))}
              <div>
                <Button type="button" variant="secondary" data-size="sm" id={`${id}-legg-til`} onClick={() => set([...rows, {}])}>
                  {t('form.addRow', { label: label.toLowerCase() })}
                </Button>
              </div>
              {errorOf(`${id}-legg-til`) ? (
                <p className="ds-validation-message" data-color="danger">
                  {errorOf(`${id}-legg-til`)}
                </p>
              ) : null}
            </Fieldset>
          );
        }
        const value = values[name] === undefined || values[name] === null ? '' : String(values[name]);
        if (property.enum) {
          return (
            <div key={name} className="ds-field">
              <label htmlFor={id} className="ds-label">
                {label}
              </label>
              <Select id={id} value={value} onChange={(event) => set(event.target.value)} aria-invalid={errorOf(id) ? true : undefined}>
                <Select.Option value="">{t('form.choose')}</Select.Option>
                {property.enum.map((choice) => (
                  <Select.Option key={String(choice)} value={String(choice)}>
                    {String((property['x-enumTitles'] as Record<string, string> | undefined)?.[String(choice)] ?? choice)}
                  </Select.Option>
                ))}
              </Select>
              {errorOf(id) ? (
                <p className="ds-validation-message" data-color="danger">
                  {errorOf(id)}
                </p>
              ) : null}
            </div>
          );
        }
        const long = (property.maxLength ?? 0) >= 500;
        const limits = property.maxLength
          ? property.minLength
            ? t('form.limits', { min: property.minLength, max: property.maxLength })
            : t('form.max', { max: property.maxLength })
          : undefined;
        const description = [property.description, limits].filter(Boolean).join(' ');
        const common = { id, label, description: description || undefined, error: errorOf(id), value };
        if (long) return <Textfield key={name} {...common} multiline rows={5} onChange={(event) => set(event.target.value)} />;
        const type = property.format === 'date' ? 'date' : property.format === 'email' ? 'email' : 'text';
        const numeric = isAmount(name, property) || property.type === 'integer' || property.type === 'number';
        return (
          <Textfield
            key={name}
            {...common}
            type={type}
            inputMode={numeric ? 'numeric' : undefined}
            suffix={isAmount(name, property) ? 'kr' : undefined}
            onChange={(event) => set(event.target.value)}
          />
        );
      })}
    </>
  );
}
