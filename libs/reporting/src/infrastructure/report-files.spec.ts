import ExcelJS from 'exceljs';
import type { ReportDocument } from '../domain/report-document';
import { renderPdf } from './report.pdf';
import { renderWorkbook } from './report.workbook';

/** Organisation names stored before input was checked may hold what xlsx XML and the PDF font cannot carry. */
const document: ReportDocument = {
  title: 'Regnskapsstatus',
  budgetYear: 2017,
  budgetPost: null,
  asOf: '2017-06-30',
  generatedAt: '2017-07-01T08:00:00.000Z',
  sections: [
    {
      key: 'mottakere',
      title: 'Mottakere\u0007',
      note: 'Per\u0000 mottaker',
      table: {
        columns: [
          { key: 'name', label: 'Mottaker', kind: 'text' },
          { key: 'paid', label: 'Utbetalt', kind: 'nok' },
        ],
        rows: [
          { name: 'Bygdø\u0000y kommune\ud800', paid: '1000.00' },
          { name: 'Ressurs\r\nsenter Øst\u001b', paid: '2500.50' },
        ],
        totals: { name: 'Sum', paid: '3500.50' },
      },
    },
  ],
};

describe(renderWorkbook.name, () => {
  it('writes a workbook Excel can read, without control characters or lone surrogates', async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await renderWorkbook(document);
    await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.length) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Mottakere');
    expect([sheet.getCell('A5').value, sheet.getCell('A6').value, sheet.getCell('B6').value]).toEqual(['Bygdøy kommune', 'Ressurs  senter Øst', 2500.5]);
    expect(sheet.getCell('A3').value).toBe('Per mottaker');
  });
});

describe(renderPdf.name, () => {
  it('draws the report although a name holds control characters', async () => {
    const pdf = await renderPdf(document);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
