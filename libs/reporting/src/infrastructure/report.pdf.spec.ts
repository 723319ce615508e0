import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ReportColumn, ReportDocument } from '../domain/report-document';
import { pdfA2bProblems } from '../../../../test/support/pdf-archive-check';
import { renderPdf } from './report.pdf';

const run = promisify(execFile);

const LONG_NAME =
  'Tilskudd til integreringsarbeid i regi av sivilsamfunn og frivillige organisasjoner, herunder kvalifisering av innvandrere og tiltak mot negativ sosial kontroll';
const NAMES = { tigrinya: 'ተስፋይ ገብረመድህን', arabic: 'محمد عبدالله', sami: 'Čáhppes Ŋoađđi Šiellat' };

const statusColumns: ReportColumn[] = [
  { key: 'budgetPost', label: 'Kap./post', kind: 'text' },
  { key: 'name', label: 'Betegnelse', kind: 'text' },
  { key: 'frame', label: 'Ramme', kind: 'nok' },
  { key: 'earmarked', label: 'Øremerket', kind: 'nok' },
  { key: 'committed', label: 'Tilsagn (ikke utbetalt)', kind: 'nok' },
  { key: 'paid', label: 'Utbetalt', kind: 'nok' },
  { key: 'reclaimed', label: 'Tilbakebetalt', kind: 'nok' },
  { key: 'available', label: 'Disponibelt', kind: 'nok' },
  { key: 'exceeded', label: 'Overskridelse (overslagsbevilgning)', kind: 'nok' },
];

const post = (budgetPost: string, name: string, frame: string) => ({
  budgetPost,
  name,
  frame,
  earmarked: '1250000000.00',
  committed: '2345678901.23',
  paid: '3456789012.34',
  reclaimed: '1234567.89',
  available: '-987654321.09',
  exceeded: '987654321.09',
});

const report: ReportDocument = {
  title: 'Regnskapsstatus',
  budgetYear: 2017,
  budgetPost: null,
  asOf: '2017-12-31',
  generatedAt: '2018-01-02T08:00:00Z',
  sections: [
    {
      key: 'accounting-status',
      title: 'Regnskapsstatus per kap./post per 31.12.2017',
      table: {
        columns: statusColumns,
        rows: [post('496.60', LONG_NAME, '9999999999.99'), post('496.61', `Mottakere: ${Object.values(NAMES).join(', ')}`, '8759929000.01')],
        totals: {
          budgetPost: 'Sum',
          name: null,
          frame: '18759929000.00',
          earmarked: '2500000000.00',
          committed: '4691357802.46',
          paid: '6913578024.68',
          reclaimed: '2469135.78',
          available: '-1975308642.18',
          exceeded: '1975308642.18',
        },
      },
      chart: {
        title: 'Bruk av bevilgningen per kap./post',
        categories: [LONG_NAME, '496.61'],
        series: [{ name: 'Utbetalt', values: ['3456789012.34', '3456789012.34'] }],
        stacked: true,
        unit: 'nok',
      },
    },
  ],
};

async function readBack(pdf: Uint8Array): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'imdi-report-'));
  try {
    const file = join(directory, 'report.pdf');
    writeFileSync(file, pdf);
    const artifacts = join(__dirname, '..', '..', '..', '..', 'test-artifacts', 'reports');
    mkdirSync(artifacts, { recursive: true });
    await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, join(artifacts, 'accounting-status')]);
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    return stdout.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('renderPdf', () => {
  it('prints every figure whole, however large, and wraps long post names instead of cutting them', async () => {
    const text = await readBack(await renderPdf(report));
    expect(text).not.toContain('…');
    for (const figure of ['18 759 929 000,00 kr', '9 999 999 999,99 kr', '8 759 929 000,01 kr', '-1 975 308 642,18 kr', '2 469 135,78 kr'])
      expect(text).toContain(figure);
    // A wrapped name is read back line by line; its words, in order, are all there.
    const words = text.replace(/\s+/g, ' ');
    expect(words).toContain('Tilskudd til integreringsarbeid');
    const nameWords = LONG_NAME.split(' ');
    let from = 0;
    for (const word of nameWords) {
      const at = words.indexOf(word, from);
      expect([word, at >= 0]).toEqual([word, true]);
      from = at + word.length;
    }
    for (const name of Object.values(NAMES)) expect(text).toContain(name);
  });

  it('writes PDF/A-2b: XMP identification, embedded fonts, an sRGB output intent and a file identifier', async () => {
    expect(await pdfA2bProblems(await renderPdf(report))).toEqual([]);
  });
});
