import ExcelJS from 'exceljs';
import { type ReportCell, type ReportColumn, type ReportDocument, withSafeText } from '../domain/report-document';

const FORMATS: Record<ReportColumn['kind'], string | undefined> = {
  nok: '#,##0.00 "kr";-#,##0.00 "kr"',
  count: '#,##0',
  days: '0.0',
  text: undefined,
};

/**
 * xlsx stores every number as an IEEE double, as Excel itself does when one types an amount;
 * the double nearest the exact decimal is what Excel would hold, and amounts below 90 000 billion
 * kroner survive the round trip to the øre. The conversion happens here and nowhere else.
 */
function cellValue(kind: ReportColumn['kind'], value: ReportCell): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (kind === 'text') return String(value);
  return Number(value);
}

function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

/** One sheet per section with real number formats, frozen headings and sum formulas with their results. */
export async function renderWorkbook(unchecked: ReportDocument): Promise<Buffer> {
  const document = withSafeText(unchecked);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IMDi tilskuddsforvaltning';
  workbook.created = new Date(document.generatedAt);
  workbook.title = document.title;
  for (const section of document.sections) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    const sheet = workbook.addWorksheet(section.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 4 }] });
    sheet.getCell('A1').value = section.title;
    sheet.getCell('A1').font = { bold: true, size: 13 };
    sheet.getCell('A2').value =
      `${document.title} · budsjettår ${document.budgetYear}${document.budgetPost ? ` · kap./post ${document.budgetPost}` : ''} · per ${document.asOf}`;
    if (section.note) sheet.getCell('A3').value = section.note;
    const { columns, rows, totals } = section.table;
    const header = sheet.getRow(4);
    columns.forEach((column, index) => {
      const cell = header.getCell(index + 1);
      cell.value = column.label;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'top' };
      sheet.getColumn(index + 1).width = column.kind === 'text' ? 34 : 20;
    });
    rows.forEach((row, rowIndex) => {
      const target = sheet.getRow(5 + rowIndex);
      columns.forEach((column, index) => {
        const cell = target.getCell(index + 1);
        cell.value = cellValue(column.kind, row[column.key]);
        const format = FORMATS[column.kind];
        if (format) cell.numFmt = format;
      });
    });
    if (totals && rows.length > 0) {
      const first = 5;
      const last = 4 + rows.length;
      const target = sheet.getRow(last + 1);
      columns.forEach((column, index) => {
        const cell = target.getCell(index + 1);
        const total = totals[column.key];
        if (column.kind === 'nok' || column.kind === 'count') {
          const letter = columnLetter(index);
          cell.value = { formula: `SUM(${letter}${first}:${letter}${last})`, result: Number(total) };
          cell.numFmt = FORMATS[column.kind]!;
        } else if (total !== null && total !== undefined) {
          cell.value = String(total);
        }
        cell.font = { bold: true };
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
