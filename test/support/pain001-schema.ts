import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '@imdi/platform';

/** The official ISO 20022 schema, kept in the repository so any clone can validate its files. */
export const PAIN001_XSD = join(projectRoot(), 'libs', 'payments', 'src', 'infrastructure', 'iso20022', 'pain.001.001.03.xsd');

/** xmllint (libxml2) against the schema: resolves only for a valid file. */
export async function validatePain001(xml: string): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'pain001-'));
  try {
    const file = join(folder, 'batch.xml');
    writeFileSync(file, xml);
    await promisify(execFile)('xmllint', ['--noout', '--schema', PAIN001_XSD, file]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
