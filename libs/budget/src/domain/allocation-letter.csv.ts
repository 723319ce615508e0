import { readCsv } from '@imdi/kernel';
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
  const read = readCsv(text, ',');
  if ('problem' in read) throw new CsvFormatError(`CSV-filen kan ikke leses: ${read.problem.message}`);
  const rows = read.rows.map((row) => row.cells);
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
      lines.push({
        chapter,
        post,
        name,
        amountNok: amount === '' ? null : amount,
        pendingNote: amount === '' ? name : undefined,
        transferable: flagSet.has('transferable'),
        estimate: flagSet.has('estimate'),
        earmarks: [],
      });
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
