import { csvDelimiterOf, readCsv, type ValueProblem } from '@imdi/kernel';
import type { SettlementRecordInput } from './settlement-record';

export interface CsvSettlementRecord {
  /** The line in the file (1 is the header), as an editor shows it. */
  readonly line: number;
  readonly input: SettlementRecordInput;
}

const COLUMNS = ['nationalIdNumber', 'organisationNumber', 'municipalityNumber', 'settlementDate', 'category', 'specialCriterion'] as const;
const REQUIRED: ReadonlySet<string> = new Set(['nationalIdNumber', 'organisationNumber', 'municipalityNumber', 'settlementDate']);
const TRUE = new Set(['true', 'ja', 'yes', '1', 'x']);
const FALSE = new Set(['', 'false', 'nei', 'no', '0']);

export const MAX_CSV_RECORDS = 50000;

/**
 * Settlement records as CSV, one person per line, columns named in the header (any order, comma
 * or semicolon, as spreadsheets in Norway save them):
 *   nationalIdNumber;organisationNumber;municipalityNumber;settlementDate;category;specialCriterion
 *   01018512345;964338531;1201;2017-03-01;single-adult;nei
 * Empty lines and lines starting with # are skipped. Problems of the file's shape are named by line;
 * the values themselves are checked by the same rules as the API's.
 */
export function parseSettlementCsv(text: string): { records: CsvSettlementRecord[]; problems: ValueProblem[] } {
  const problems: ValueProblem[] = [];
  const rows = readCsv(text, csvDelimiterOf(text));
  if ('problem' in rows) return { records: [], problems: [{ field: `line ${rows.problem.line}`, rule: 'csv-syntax', message: rows.problem.message }] };
  const content = rows.rows;
  const header = content.shift();
  if (!header)
    return {
      records: [],
      problems: [{ field: 'line 1', rule: 'header', message: `linje 1: filen må begynne med en overskriftslinje som navngir kolonnene ${COLUMNS.join(';')}` }],
    };
  const names = header.cells;
  names.forEach((name, index) => {
    if (!(COLUMNS as readonly string[]).includes(name)) {
      problems.push({
        field: `line ${header.line}: column ${index + 1}`,
        rule: 'unknown-column',
        message: `linje ${header.line}: kolonne ${index + 1} «${name.slice(0, 40)}» er ikke en av ${COLUMNS.join(', ')}`,
      });
    }
  });
  for (const required of REQUIRED) {
    if (!names.includes(required))
      problems.push({
        field: `line ${header.line}: ${required}`,
        rule: 'missing-column',
        message: `linje ${header.line}: overskriftslinjen mangler kolonnen ${required}`,
      });
  }
  if (problems.length > 0) return { records: [], problems };
  if (content.length > MAX_CSV_RECORDS) {
    return {
      records: [],
      problems: [
        {
          field: 'body',
          rule: 'max-records',
          message: `en fil kan ha høyst ${MAX_CSV_RECORDS} linjer med opplysninger (denne har ${content.length}); del den opp`,
        },
      ],
    };
  }
  const records: CsvSettlementRecord[] = [];
  for (const { line, cells } of content) {
    if (cells.length !== names.length) {
      problems.push({
        field: `line ${line}`,
        rule: 'column-count',
        message: `linje ${line}: har ${cells.length} kolonner, men overskriftslinjen har ${names.length}`,
      });
      continue;
    }
    const value = (column: string): string | undefined => {
      const index = names.indexOf(column);
      return index < 0 ? undefined : cells[index];
    };
    const special = (value('specialCriterion') ?? '').toLowerCase();
    if (!TRUE.has(special) && !FALSE.has(special)) {
      problems.push({
        field: `line ${line}: specialCriterion`,
        rule: 'boolean',
        message: `linje ${line}: specialCriterion må være ja/nei (eller true/false), eller tom`,
      });
    }
    records.push({
      line,
      input: {
        nationalIdNumber: value('nationalIdNumber') ?? '',
        organisationNumber: value('organisationNumber') ?? '',
        municipalityNumber: value('municipalityNumber') ?? '',
        settlementDate: value('settlementDate') ?? '',
        category: value('category'),
        specialCriterion: TRUE.has(special),
      },
    });
  }
  return { records, problems };
}
