import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The vendored official schema (it imports metadatakatalog.xsd beside it); `npm run build` copies both into dist. */
export const ARKIVMELDING_XSD_PATH = join(__dirname, 'xsd', 'arkivmelding.xsd');

export interface ArkivmeldingValidering {
  readonly valid: boolean;
  /** xmllint's findings, made readable: "linje 12: …", namespaces left out; at most 20. */
  readonly errors: string[];
}

const XMLLINT_ARGUMENTS = ['--noout', '--nonet', '--schema', ARKIVMELDING_XSD_PATH, '-'];
const MAX_ERRORS = 20;
// xmllint: 0 valid, 1 unclassified, 3/4 validation errors, 5 the schema itself did not compile.
const SCHEMA_BROKEN = 5;

/**
 * Checks an arkivmelding against `arkivmelding.xsd` with xmllint (libxml2-utils), the XML given on
 * stdin: no temporary file, nothing fetched from the network. Blocks the caller for the few
 * milliseconds xmllint takes; a worker that must not block uses `validateArkivmeldingAsync`.
 */
export function validateArkivmelding(xml: string): ArkivmeldingValidering {
  const result = spawnSync('xmllint', XMLLINT_ARGUMENTS, { input: xml, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 60_000 });
  if (result.error) throw xmllintFailed(result.error);
  return verdictOf(result.status, result.stderr);
}

export function validateArkivmeldingAsync(xml: string): Promise<ArkivmeldingValidering> {
  return new Promise((resolve, reject) => {
    const child = spawn('xmllint', XMLLINT_ARGUMENTS, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 1024 * 1024) stderr += chunk;
    });
    child.on('error', (error) => reject(xmllintFailed(error)));
    // xmllint may stop reading early on a parse error; the exit code tells, not the broken pipe.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      try {
        resolve(verdictOf(code, stderr));
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.end(xml, 'utf8');
  });
}

function verdictOf(exitCode: number | null, stderr: string): ArkivmeldingValidering {
  if (exitCode === 0) return { valid: true, errors: [] };
  if (exitCode === SCHEMA_BROKEN || exitCode === null) {
    throw new Error(`Arkivmeldingen kunne ikke valideres: xmllint avsluttet med ${exitCode === null ? 'et signal' : `kode ${exitCode}`} (${stderr.trim().split('\n')[0] ?? ''}).`);
  }
  const errors = problemsOf(stderr);
  return { valid: false, errors: errors.length > 0 ? errors : [`xmllint avviste meldingen (kode ${exitCode}).`] };
}

function xmllintFailed(error: Error): Error {
  return new Error(`Arkivmeldingen kunne ikke valideres: xmllint fra libxml2-utils kunne ikke startes (${error.message}).`);
}

/**
 * "-:12: element tittel: Schemas validity error : Element '{ns}offentligTittel': This element is not
 * expected. Expected is ( {ns}tittel )." → "linje 12: Element 'offentligTittel': This element is not
 * expected. Expected is ( tittel )."; the echo of the source line and the caret under it are dropped.
 */
function problemsOf(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('-:'))
    .map((line) =>
      line
        .replace(/^-:(\d+): (?:element [^:]+: )?Schemas validity error : /, 'linje $1: ')
        .replace(/^-:(\d+): parser error : /, 'linje $1: ikke velformet XML: ')
        .replace(/^-:(\d+): /, 'linje $1: ')
        .replace(/\{[^}]*\}/g, '')
        .trim(),
    )
    .slice(0, MAX_ERRORS);
}
