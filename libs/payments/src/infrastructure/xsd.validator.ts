import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type SchemaName = 'pain.002.001.03' | 'camt.054.001.02';

/** `schemaChecked` is false when the official schema is not vendored: then only well-formedness was checked. */
export type SchemaVerdict = { readonly valid: true; readonly schemaChecked: boolean } | { readonly valid: false; readonly problems: readonly string[]; readonly wellFormed: boolean };

const SCHEMA_DIRECTORY = join(__dirname, 'iso20022');

/**
 * Validates a file against the official ISO 20022 schema with xmllint (libxml2) in streaming mode:
 * a file of hundreds of megabytes is checked in flat memory, in its own process, so it runs on
 * another core while the file is being read. The first problems are kept, with xmllint's line
 * numbers and element names, for the person who has to ask the bank for a new file.
 */
export async function validateAgainstSchema(path: string, schema: SchemaName): Promise<SchemaVerdict> {
  const xsd = join(SCHEMA_DIRECTORY, `${schema}.xsd`);
  const schemaChecked = existsSync(xsd);
  const checked = await xmllint(path, schemaChecked ? ['--schema', xsd] : []);
  if (checked.exitCode === 0) return { valid: true, schemaChecked };
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

/** xmllint's messages with the temporary file's name replaced by "linje", without its echo of the source line. */
function problemsOf(stderr: string, path: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith(`${path}:`))
    .map((line) => line.replace(`${path}:`, 'linje ').replace(/\{urn:iso:std:iso:20022:tech:xsd:[a-z0-9.]+\}/g, '').trim())
    .slice(0, 5);
}
