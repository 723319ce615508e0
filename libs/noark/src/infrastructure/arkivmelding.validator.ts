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
    throw new Error(
      `Arkivmeldingen kunne ikke valideres: xmllint avsluttet med ${exitCode === null ? 'et signal' : `kode ${exitCode}`} (${stderr.trim().split('\n')[0] ?? ''}).`,
    );
  }
  const errors = problemsOf(stderr);
  return { valid: false, errors: errors.length > 0 ? errors : [`xmllint avviste meldingen (kode ${exitCode}).`] };
}

function xmllintFailed(error: Error): Error {
  return new Error(`Arkivmeldingen kunne ikke valideres: xmllint fra libxml2-utils kunne ikke startes (${error.message}).`);
}

/**
 * "-:12: element tittel: Schemas validity error : Element '{ns}offentligTittel': This element is not
 * expected. Expected is ( {ns}tittel )." → "linje 12: elementet «offentligTittel» er ikke ventet her;
 * ventet er «tittel»". The common findings are said in Norwegian, the rest kept as xmllint wrote
 * them; namespaces are left out, and the echo of the source line and the caret under it dropped.
 */
function problemsOf(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((line) => /^-:(\d+): (?:element [^:]+: Schemas validity error : |(parser error) : )?(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, line, parserError, message]) => {
      const text = message.replace(/\{(?:https?|urn):[^}]*\}/g, '').trim();
      return `linje ${line}: ${parserError ? `ikke velformet XML: ${text}` : inNorwegian(text)}`;
    })
    .slice(0, MAX_ERRORS);
}

const quoted = (list: string): string =>
  list
    .split(',')
    .map((name) => `«${name.trim().replace(/^'|'$/g, '')}»`)
    .join(', ');

const FINDINGS: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [
    /^Element '([^']+)': This element is not expected\. Expected is \( ([^)]*) \)\.$/,
    (element, expected) => `elementet «${element}» er ikke ventet her; ventet er ${quoted(expected)}`,
  ],
  [
    /^Element '([^']+)': This element is not expected\. Expected is one of \( ([^)]*) \)\.$/,
    (element, expected) => `elementet «${element}» er ikke ventet her; ventet er ett av ${quoted(expected)}`,
  ],
  [/^Element '([^']+)': This element is not expected\.$/, (element) => `elementet «${element}» er ikke ventet her`],
  [/^Element '([^']+)': Missing child element\(s\)\. Expected is \( ([^)]*) \)\.$/, (element, expected) => `i «${element}» mangler ${quoted(expected)}`],
  [
    /^Element '([^']+)': Missing child element\(s\)\. Expected is one of \( ([^)]*) \)\.$/,
    (element, expected) => `i «${element}» mangler ett av ${quoted(expected)}`,
  ],
  [
    /^Element '([^']+)': \[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\.$/s,
    (element, value, allowed) => `«${value}» er ikke en tillatt verdi for «${element}»; tillatt er ${quoted(allowed)}`,
  ],
  [
    /^Element '([^']+)': \[facet 'pattern'\] The value '(.*)' is not accepted by the pattern .*$/s,
    (element, value) => `«${value}» har ikke formen «${element}» krever`,
  ],
  [
    /^Element '([^']+)': '(.*)' is not a valid value of the atomic type '([^']+)'\.$/s,
    (element, value, type) => `«${value}» er ikke en gyldig verdi for «${element}»${type.startsWith('xs:') ? ` (${type})` : ''}`,
  ],
];

function inNorwegian(finding: string): string {
  for (const [pattern, say] of FINDINGS) {
    const match = pattern.exec(finding);
    if (match) return say(...match.slice(1));
  }
  return finding;
}
