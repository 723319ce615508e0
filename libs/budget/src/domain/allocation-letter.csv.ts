import type { AllocationLetterDocument, AllocationLineInput, DeclaredTotalInput } from './allocation-letter';

/**
 * The CSV form of an allocation letter, one row per post, earmark or declared total:
 *   type,chapter,post,code,name,amount_nok,flags
 *   post,496,62,,Kommunale innvandrertiltak,160670000,
 *   earmark,496,62,jobbsjansen,Jobbsjansen,100000000,
 *   total,496,,,Sum kap. 496,16167902000,
 * flags: "transferable", "estimate" (separated by ;); the first line may carry `# year=2017`.
 */
export function parseAllocationCsv(text: string, budgetYear: number, source: string): AllocationLetterDocument {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map(splitCsvLine);
  const header = rows.shift()?.map((cell) => cell.toLowerCase());
  const expected = ['type', 'chapter', 'post', 'code', 'name', 'amount_nok', 'flags'];
  if (!header || expected.some((column, index) => header[index] !== column)) {
    throw new CsvFormatError(`the first row must be the header ${expected.join(',')}`);
  }
  const lines: Array<AllocationLineInput & { earmarks: Array<{ code: string; name: string; amountNok: string }> }> = [];
  const declaredTotals: DeclaredTotalInput[] = [];
  rows.forEach((cells, index) => {
    const [type, chapter, post, code, name, amount, flags = ''] = cells;
    const rowNumber = index + 2;
    if (type === 'post') {
      const flagSet = new Set(flags.split(';').map((flag) => flag.trim()));
      lines.push({ chapter, post, name, amountNok: amount === '' ? null : amount, pendingNote: amount === '' ? name : undefined, transferable: flagSet.has('transferable'), estimate: flagSet.has('estimate'), earmarks: [] });
    } else if (type === 'earmark') {
      const line = lines.find((candidate) => candidate.chapter === chapter && candidate.post === post);
      if (!line) throw new CsvFormatError(`row ${rowNumber}: earmark ${code} comes before its post ${chapter}.${post}`);
      line.earmarks.push({ code, name, amountNok: amount });
    } else if (type === 'total') {
      declaredTotals.push({ chapter, post: post === '' ? null : post, amountNok: amount });
    } else {
      throw new CsvFormatError(`row ${rowNumber}: type must be post, earmark or total (was "${type}")`);
    }
  });
  return { budgetYear, source, lines, declaredTotals };
}

export class CsvFormatError extends Error {}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted && char === '"' && line[index + 1] === '"') {
      current += '"';
      index++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      cells.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  cells.push(current.trim());
  return cells;
}
