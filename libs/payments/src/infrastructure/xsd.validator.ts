import { execFile } from 'node:child_process';
import { join } from 'node:path';

export type SchemaName = 'pain.002.001.03' | 'camt.054.001.02';

export type SchemaVerdict = { readonly valid: true } | { readonly valid: false; readonly problems: readonly string[]; readonly wellFormed: boolean };

const SCHEMA_DIRECTORY = join(__dirname, 'iso20022');

/**
 * Validates a file against the official ISO 20022 schema with xmllint (libxml2) in streaming mode:
 * a file of hundreds of megabytes is checked in flat memory, in its own process, so it runs on
 * another core while the file is being read. The first problems are kept, with xmllint's line
 * numbers and element names, for the person who has to ask the bank for a new file.
 */
export async function validateAgainstSchema(path: string, schema: SchemaName): Promise<SchemaVerdict> {
  const checked = await xmllint(path, ['--schema', join(SCHEMA_DIRECTORY, `${schema}.xsd`)]);
  if (checked.exitCode === 0) return { valid: true };
  if (!checked.stderr.includes('failed to parse')) return { valid: false, wellFormed: true, problems: problemsOf(checked.stderr, path) };
  // With a schema, streaming xmllint only says that parsing failed; without one it says where.
  const parsed = await xmllint(path, []);
  return { valid: false, wellFormed: false, problems: problemsOf(parsed.stderr, path) };
}

function xmllint(path: string, options: readonly string[]): Promise<{ exitCode: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile('xmllint', ['--noout', '--stream', '--nonet', ...options, path], { maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolve({ exitCode: 0, stderr });
      if (typeof error.code !== 'number') return reject(error);
      resolve({ exitCode: error.code, stderr });
    });
  });
}

/** xmllint's messages in Norwegian, each with its line number ("linje 12: ..."), without its echo of the source line. */
function problemsOf(stderr: string, path: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith(`${path}:`))
    .map((line) => {
      const [, lineNumber, message] = /^:(\d+): (.*)$/.exec(line.slice(path.length)) ?? [undefined, '?', line.slice(path.length + 1)];
      return `linje ${lineNumber}: ${inNorwegian(message.replace(/\{urn:iso:std:iso:20022:tech:xsd:[a-z0-9.]+\}/g, '').trim())}`;
    })
    .slice(0, 5);
}

const list = (names: string) =>
  names
    .split(',')
    .map((name) => name.trim().replace(/^'|'$/g, ''))
    .join(', ');

/**
 * The schema rule xmllint (libxml2) reports, said in Norwegian with the element, the value and
 * the rule of the schema it breaks; a message of another form is passed on as xmllint wrote it.
 */
const TRANSLATIONS: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [
    /^Schemas validity error : Element '([^']+)': \[facet 'enumeration'\] The value '([^']*)' is not an element of the set \{(.*)\}\.?$/,
    (element, value, allowed) => `${element}: verdien «${value}» er ikke en av de tillatte kodene (${list(allowed)})`,
  ],
  [
    /^Schemas validity error : Element '([^']+)': \[facet 'maxLength'\] The value has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'\.?$/,
    (element, length, max) => `${element}: verdien er ${length} tegn lang, men høyst ${max} tegn er tillatt`,
  ],
  [
    /^Schemas validity error : Element '([^']+)': \[facet 'minLength'\] The value has a length of '(\d+)'; this underruns the allowed minimum length of '(\d+)'\.?$/,
    (element, length, min) => `${element}: verdien er ${length} tegn lang, men minst ${min} tegn kreves`,
  ],
  [
    /^Schemas validity error : Element '([^']+)': \[facet 'pattern'\] The value '([^']*)' is not accepted by the pattern '(.*)'\.?$/,
    (element, value, pattern) => `${element}: verdien «${value}» har ikke formatet skjemaet krever (${pattern})`,
  ],
  [
    /^Schemas validity error : Element '([^']+)': '([^']*)' is not a valid value of the (?:atomic|local atomic) type '([^']+)'\.?$/,
    (element, value, type) => `${element}: «${value}» er ikke en gyldig verdi av typen ${type}`,
  ],
  [
    /^Schemas validity error : Element '([^']+)': This element is not expected\. Expected is (?:one of )?\( (.*) \)\.?$/,
    (element, expected) => `elementet ${element} er ikke tillatt her; skjemaet venter ${list(expected)}`,
  ],
  [/^Schemas validity error : Element '([^']+)': This element is not expected\.?$/, (element) => `elementet ${element} er ikke tillatt her`],
  [
    /^Schemas validity error : Element '([^']+)': Missing child element\(s\)\. Expected is (?:one of )?\( (.*) \)\.?$/,
    (element, expected) => `${element} mangler påkrevd innhold: ${list(expected)}`,
  ],
  [/^Schemas validity error : Element '([^']+)', attribute '([^']+)': (.*)$/, (element, attribute, rest) => `${element}, attributtet ${attribute}: ${rest}`],
  [
    /^parser error : Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)$/,
    (opened, line, closed) => `XML-feil: elementet ${opened} fra linje ${line} lukkes med ${closed}`,
  ],
  [
    /^parser error : Premature end of data in tag (\S+) line (\d+)$/,
    (element, line) => `XML-feil: filen slutter før elementet ${element} fra linje ${line} er lukket`,
  ],
  [/^parser error : Extra content at the end of the document$/, () => 'XML-feil: innhold etter dokumentets slutt'],
  [/^parser error : Start tag expected, '<' not found$/, () => 'XML-feil: filen inneholder ikke XML'],
  [/^parser error : (.*)$/, (rest) => `XML-feil: ${rest}`],
];

export function inNorwegian(message: string): string {
  for (const [pattern, say] of TRANSLATIONS) {
    const match = pattern.exec(message);
    if (match) return say(...match.slice(1));
  }
  return message;
}
