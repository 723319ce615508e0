import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { nynorskSchema } from './form-nynorsk';

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyKey) => decorators.forEach((decorate) => decorate(target, propertyKey));
}

/** A whole number of persons, hours or places. */
export function Count(min: number, max: number): PropertyDecorator {
  return all(IsInt(), Min(min), Max(max));
}

/** Free text the caseworker reads, within sensible bounds. */
export function Text(minLength: number, maxLength: number): PropertyDecorator {
  return all(IsString(), Length(minLength, maxLength));
}

/** One of a fixed list of codes; the message lists them. */
export function OneOf(values: readonly string[]): PropertyDecorator {
  return IsIn([...values], { message: `$property must be one of: ${values.join(', ')}` });
}

/**
 * The label (and optional help text) the applicant reads, in bokmål, with its nynorsk (`x-nn`, from
 * form-nynorsk.ts). The web form is generated from the JSON schema, so the words belong beside the
 * rule they describe, not in the front end.
 */
export function Label(title: string, description?: string): PropertyDecorator {
  return JSONSchema({ title, ...(description ? { description } : {}), ...nynorskSchema(title, description) }) as PropertyDecorator;
}

/** Labels for the codes of a OneOf field, keyed by code, so a form can show words instead of codes. */
export function Choices(title: string, titles: Readonly<Record<string, string>>, description?: string): PropertyDecorator {
  return JSONSchema({
    title,
    'x-enumTitles': { ...titles },
    ...(description ? { description } : {}),
    ...nynorskSchema(title, description, titles),
  }) as PropertyDecorator;
}

/** A calendar date: IsISO8601 alone would also advertise date-times, which the form never wants. */
export function DateLabel(title: string, description?: string): PropertyDecorator {
  return JSONSchema((source) => ({
    ...withoutKeys(source, ['oneOf']),
    type: 'string',
    format: 'date',
    title,
    ...(description ? { description } : {}),
    ...nynorskSchema(title, description),
  })) as PropertyDecorator;
}

/** An amount in kroner as a decimal string ("125000.50"); forms show it with the unit. */
export function AmountLabel(title: string, description?: string): PropertyDecorator {
  return JSONSchema({ title, 'x-unit': 'NOK', ...(description ? { description } : {}), ...nynorskSchema(title, description) }) as PropertyDecorator;
}

function withoutKeys<T extends object>(source: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(source).filter(([key]) => !keys.includes(key))) as Partial<T>;
}
