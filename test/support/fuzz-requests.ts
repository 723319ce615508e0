import { randomBytesFrom, type Random } from './seeded-random';

/** The part of an OpenAPI schema the request generator reads. */
export interface FuzzSchema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly pattern?: string;
  readonly enum?: readonly unknown[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly nullable?: boolean;
  readonly properties?: Record<string, FuzzSchema>;
  readonly required?: readonly string[];
  readonly items?: FuzzSchema;
  readonly oneOf?: readonly FuzzSchema[];
}

export interface FuzzRequest {
  readonly label: string;
  readonly contentType?: string;
  readonly body?: string | Uint8Array;
}

/** Strings real clients send, tried in turn against a field's pattern and length so that a body gets past its first rule. */
const REALISTIC_STRINGS = [
  '974760673',
  '2017-03-01',
  '2017-Q2',
  '2017',
  '496.62',
  '496',
  '60',
  '0301',
  '250000',
  'jobbsjansen-a',
  'integreringstilskudd',
  'fuzz-bruker',
  'kari@example.no',
  'Begrunnelse for vedtaket.',
  '00000000-0000-4000-8000-000000000000',
];

const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  '\r\n\r\n',
  '\ufeff',
  '%00',
  '../../etc/passwd',
  "'; DROP TABLE audit_entry; --",
  '<script>alert(1)</script>',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  ' '.repeat(3),
  'ø'.repeat(70_000),
];
const HOSTILE_NUMBERS = [1e308, -1e308, 2 ** 53 + 1, -1, -0, 0.5, 99_999_999_999, -2_147_483_649];
const WRONG_TYPES: readonly unknown[] = [null, true, 0, -1, 'tekst', '', [], [[]], {}, { nested: { deeper: [1] } }];

export function resolveSchema(schema: FuzzSchema, schemas: Record<string, FuzzSchema>): FuzzSchema {
  return schema.$ref ? (schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {}) : schema;
}

/** A value that satisfies the schema as far as a generator can tell (patterns by the realistic strings above). */
export function plausibleValue(schema: FuzzSchema, schemas: Record<string, FuzzSchema>, depth = 0): unknown {
  const resolved = resolveSchema(schema, schemas);
  if (resolved.enum?.length) return resolved.enum[0];
  if (resolved.oneOf?.length) return plausibleValue(resolved.oneOf[0], schemas, depth);
  switch (resolved.type) {
    case 'integer':
    case 'number':
      return resolved.minimum ?? (resolved.maximum !== undefined ? Math.min(resolved.maximum, 1) : 1);
    case 'boolean':
      return false;
    case 'array':
      return depth > 4 || !resolved.items ? [] : [plausibleValue(resolved.items, schemas, depth + 1)];
    case 'object':
      return plausibleObject(resolved, schemas, depth);
    default:
      return plausibleString(resolved);
  }
}

function plausibleObject(schema: FuzzSchema, schemas: Record<string, FuzzSchema>, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  if (depth > 4) return object;
  for (const [name, property] of Object.entries(schema.properties ?? {})) object[name] = plausibleValue(property, schemas, depth + 1);
  return object;
}

function plausibleString(schema: FuzzSchema): string {
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.format === 'email') return 'kari@example.no';
  const fits = (candidate: string): boolean =>
    (!schema.pattern || new RegExp(schema.pattern, 'u').test(candidate)) &&
    candidate.length >= (schema.minLength ?? 0) &&
    candidate.length <= (schema.maxLength ?? Infinity);
  return REALISTIC_STRINGS.find(fits) ?? 'Tekst som er lang nok til de fleste felt.'.padEnd(schema.minLength ?? 0, '.').slice(0, schema.maxLength ?? 10_000);
}

/**
 * Hostile variations of a JSON body: broken JSON, wrong types, missing fields, control characters,
 * extreme numbers, nesting and size; `count` of them, chosen by `random`.
 */
export function hostileJsonBodies(schema: FuzzSchema, schemas: Record<string, FuzzSchema>, random: Random, count: number): FuzzRequest[] {
  const resolved = resolveSchema(schema, schemas);
  const base = plausibleObject(resolved, schemas, 0);
  const fields = Object.keys(resolved.properties ?? {});
  const json = (label: string, value: unknown): FuzzRequest => ({ label, contentType: 'application/json', body: JSON.stringify(value) });
  const raw = (label: string, body: string): FuzzRequest => ({ label, contentType: 'application/json', body });
  const fixed: FuzzRequest[] = [
    json('plausible', base),
    raw('malformed', random.pick(['{', '{"a":', '[1,]', 'nul', '{"a":1}}', '\u0000', "{'a':1}", '{"a":1,}', '"\\ud800"', '{"a":"\\x"}'])),
    raw('nested 33 deep', '['.repeat(33) + ']'.repeat(33)),
    raw('nested 10 000 deep in a field', `{"${fields[0] ?? 'a'}":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`),
    json('oversized', { ...base, [fields[0] ?? 'a']: 'x'.repeat(2 * 1024 * 1024) }),
    json('array instead of object', [base]),
    json('null body', null),
    json('every field null', Object.fromEntries(fields.map((field) => [field, null]))),
  ];
  const variations: Array<() => FuzzRequest> = [
    () => {
      const field = random.pick(fields);
      const { [field]: _removed, ...rest } = base;
      return json(`without ${field}`, rest);
    },
    () => {
      const field = random.pick(fields);
      const value = random.pick(WRONG_TYPES);
      return json(`${field} = ${JSON.stringify(value)}`, { ...base, [field]: value });
    },
    () => {
      const text = random.pick(HOSTILE_STRINGS);
      return json(`every string field ${JSON.stringify(text.slice(0, 12))}`, withStrings(base, text));
    },
    () => {
      const field = random.pick(fields);
      const value = random.pick(HOSTILE_NUMBERS);
      return json(`${field} = ${value}`, { ...base, [field]: value });
    },
    () => raw('huge integer literal', JSON.stringify(base).replace(/:(-?\d+)/, ':123456789012345678901234567890e400')),
    () => {
      const field = random.pick(fields);
      return json(`${field} = array of arrays`, { ...base, [field]: [[base], [], [[null]]] });
    },
    () => json('impossible dates and zero amounts', withEdgeValues(base)),
    () => json('empty object', {}),
    () => json('unknown field', { ...base, ['__proto__x']: 1, constructor: { prototype: { admin: true } } }),
    () => ({ label: 'random bytes as JSON', contentType: 'application/json', body: randomBytesFrom(random, 64) }),
    () => ({ label: 'JSON sent as text/plain', contentType: 'text/plain', body: JSON.stringify(base) }),
  ];
  return [...fixed, ...Array.from({ length: Math.max(0, count - fixed.length) }, () => random.pick(variations)())];
}

/** Hostile files for the routes that take a raw body (CSV imports, attachments). */
export function hostileFiles(mediaType: string, random: Random): FuzzRequest[] {
  const csvHeader = 'nationalIdNumber;organisationNumber;municipalityNumber;settlementDate;category;specialCriterion';
  return [
    { label: 'empty file', contentType: mediaType, body: '' },
    { label: 'random bytes', contentType: mediaType, body: randomBytesFrom(random, 2048) },
    { label: 'control characters', contentType: mediaType, body: `${csvHeader}\n\u0000;\u0007;\ud800;2017-02-30;\u202e;ja\n` },
    { label: 'one enormous line', contentType: mediaType, body: `${csvHeader}\n${'9'.repeat(900_000)}\n` },
    { label: 'quotes never closed', contentType: mediaType, body: `${csvHeader}\n"${'a;'.repeat(1000)}` },
    { label: 'JSON to a file route', contentType: 'application/json', body: '{"records":[[]]}' },
    { label: 'oversized', contentType: mediaType, body: new Uint8Array(11 * 1024 * 1024) },
  ];
}

/** Values that pass a field's pattern and still mean nothing: 30 February, zero kroner. */
function withEdgeValues(value: unknown): unknown {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? '2017-02-30' : /^\d+$/.test(value) && value.length < 9 ? '0' : value;
  if (Array.isArray(value)) return value.map(withEdgeValues);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withEdgeValues(item)]));
  return value;
}

function withStrings(value: unknown, text: string): unknown {
  if (typeof value === 'string') return text;
  if (Array.isArray(value)) return value.map((item) => withStrings(item, text));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withStrings(item, text)]));
  return value;
}
