import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRow {
  /** The line the record starts on (1 is the file's first), as an editor numbers it. */
  readonly line: number;
  readonly cells: string[];
}

/** Why a file is not CSV, in Norwegian, and the line where the broken record starts. */
export interface CsvSyntaxProblem {
  readonly line: number;
  readonly message: string;
}

/**
 * A CSV file as spreadsheets save it, read by csv-parse: a byte order mark is dropped, a quoted
 * value may hold the delimiter, quotes ("") and line breaks; empty lines, lines of only
 * delimiters and lines starting with # are skipped; values are trimmed. Rows keep the length they
 * have, so the caller can name a line with too few or too many values.
 */
export function readCsv(text: string, delimiter: string): { rows: CsvRow[] } | { problem: CsvSyntaxProblem } {
  // csv-parse counts a quoted CRLF as two lines; with LF only, its line numbers are the editor's.
  const normalised = text.replace(/\r\n?/g, '\n');
  try {
    const parsed = parse(normalised, {
      bom: true,
      delimiter,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      relax_column_count: true,
      relax_quotes: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    // info.lines is the record's last line; a value with line breaks starts that many lines earlier.
    return {
      rows: parsed.map(({ record, info }) => ({ line: info.lines - record.reduce((breaks, cell) => breaks + cell.split('\n').length - 1, 0), cells: record })),
    };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { problem: syntaxProblem(normalised, error as CsvError & { lines: number; bytes: number }) };
  }
}

/** The header's delimiter: a semicolon if the first line that is not a comment has one, else a comma. */
export function csvDelimiterOf(text: string): ';' | ',' {
  const header = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .find((line) => line.trim().length > 0 && !line.trim().startsWith('#'));
  return header?.includes(';') ? ';' : ',';
}

function syntaxProblem(text: string, error: CsvError & { lines: number; bytes: number }): CsvSyntaxProblem {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    // Reported at the end of the file; the record it swallowed starts after the last whole record (and any empty or comment lines).
    const before = Buffer.from(text, 'utf8').subarray(0, error.bytes).toString('utf8');
    const skipped = /^(?:[ \t]*(?:#[^\n]*)?\n)*/.exec(text.slice(before.length))![0].split('\n').length - 1;
    const line = before.split('\n').length + skipped;
    return { line, message: `linje ${line}: et anførselstegn (") åpner en verdi som aldri lukkes` };
  }
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return { line: error.lines, message: `linje ${error.lines}: etter et avsluttende anførselstegn (") kommer noe annet enn skilletegn eller linjeskift` };
  }
  return { line: error.lines, message: `linje ${error.lines}: linjen kan ikke leses som CSV` };
}
