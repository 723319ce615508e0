import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '@imdi/platform';
import { withTemporaryFile } from './temporary-file';

/** The official ISO 20022 schema, kept in the repository so any clone can validate its files. */
export const PAIN001_XSD = join(projectRoot(), 'libs', 'payments', 'src', 'infrastructure', 'iso20022', 'pain.001.001.03.xsd');

/** xmllint (libxml2) against the schema: resolves only for a valid file. */
export async function validatePain001(xml: string): Promise<void> {
  await withTemporaryFile('batch.xml', xml, (file) => promisify(execFile)('xmllint', ['--noout', '--schema', PAIN001_XSD, file]));
}
