import fontkit from '@pdf-lib/fontkit';
import { letterFonts } from '@imdi/letters';
import { Money } from '@imdi/kernel';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { type BarChart, type ReportCell, type ReportColumn, type ReportDocument, type ReportSection, withSafeText } from '../domain/report-document';

// A4 landscape: the status table has nine columns.
const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 40;
const SIZE = 7;
const ROW = 12;
const SERIES_COLOURS: readonly RGB[] = [rgb(0.05, 0.3, 0.55), rgb(0.85, 0.5, 0.1), rgb(0.55, 0.75, 0.55), rgb(0.6, 0.2, 0.45)];

function display(kind: ReportColumn['kind'], value: ReportCell): string {
  if (value === null || value === undefined) return '–';
  if (kind === 'nok') return Money.parseNok(String(value)).formatNok();
  if (kind === 'count') return Number(value).toLocaleString('nb-NO').replace(/\s/g, ' ');
  if (kind === 'days') return String(value).replace('.', ',');
  return String(value);
}

/** Geometry only: how long a bar is. Amounts are never computed with this number. */
function magnitude(value: string | number): number {
  return Math.max(0, Number(value));
}

class ReportPdfWriter {
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly document: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  heading(text: string, size: number): void {
    this.ensureRoom(size * 2);
    this.page.drawText(text, { x: MARGIN, y: this.y, size, font: this.bold });
    this.y -= size * 1.6;
  }

  text(text: string, size = 8.5): void {
    this.ensureRoom(size * 1.6);
    this.page.drawText(this.fit(text, this.regular, size, PAGE.width - 2 * MARGIN), { x: MARGIN, y: this.y, size, font: this.regular });
    this.y -= size * 1.6;
  }

  table(section: ReportSection): void {
    const { columns, rows, totals } = section.table;
    const width = PAGE.width - 2 * MARGIN;
    const textColumns = columns.filter((column) => column.kind === 'text').length;
    // Amounts up to 9 999 999 999,99 kr must fit whole: text columns give way to them.
    const textWidth = Math.min(columns.length > 6 ? 88 : 170, (width * 0.45) / Math.max(1, textColumns));
    const numberWidth = (width - textWidth * textColumns) / Math.max(1, columns.length - textColumns);
    const widths = columns.map((column) => (column.kind === 'text' ? textWidth : numberWidth));
    const drawRow = (cells: string[], font: PDFFont, shade: boolean): void => {
      this.ensureRoom(ROW * 2);
      if (shade) this.page.drawRectangle({ x: MARGIN, y: this.y - 3, width, height: ROW, color: rgb(0.93, 0.93, 0.93) });
      let x = MARGIN;
      cells.forEach((cell, index) => {
        const text = this.fit(cell, font, SIZE, widths[index] - 4);
        const right = columns[index].kind !== 'text';
        const offset = right ? widths[index] - 2 - font.widthOfTextAtSize(text, SIZE) : 2;
        this.page.drawText(text, { x: x + offset, y: this.y, size: SIZE, font });
        x += widths[index];
      });
      this.y -= ROW;
    };
    drawRow(columns.map((column) => column.label), this.bold, true);
    for (const row of rows) drawRow(columns.map((column) => display(column.kind, row[column.key])), this.regular, false);
    if (totals && rows.length > 0) drawRow(columns.map((column) => (totals[column.key] === null ? '' : display(column.kind, totals[column.key]))), this.bold, true);
    this.y -= ROW / 2;
  }

  chart(chart: BarChart): void {
    const barHeight = 10;
    const height = chart.categories.length * (barHeight * (chart.stacked ? 1 : chart.series.length) + 6) + 40;
    this.ensureRoom(height + 20);
    this.heading(chart.title, 10);
    const labelWidth = 110;
    const plotWidth = PAGE.width - 2 * MARGIN - labelWidth - 170;
    const totals = chart.categories.map((_, index) =>
      chart.stacked ? chart.series.reduce((sum, series) => sum + magnitude(series.values[index]), 0) : Math.max(...chart.series.map((series) => magnitude(series.values[index]))),
    );
    const largest = Math.max(1, ...totals);
    chart.categories.forEach((category, index) => {
      const scale = chart.normalised && chart.stacked ? plotWidth / Math.max(1, totals[index]) : plotWidth / largest;
      const rows = chart.stacked ? 1 : chart.series.length;
      this.page.drawText(this.fit(category, this.regular, SIZE, labelWidth - 6), { x: MARGIN, y: this.y - barHeight + 2, size: SIZE, font: this.regular });
      let x = MARGIN + labelWidth;
      chart.series.forEach((series, seriesIndex) => {
        const length = magnitude(series.values[index]) * scale;
        const y = this.y - barHeight - (chart.stacked ? 0 : seriesIndex * barHeight);
        this.page.drawRectangle({ x: chart.stacked ? x : MARGIN + labelWidth, y, width: length, height: barHeight - 1, color: SERIES_COLOURS[seriesIndex % SERIES_COLOURS.length] });
        if (chart.stacked) x += length;
      });
      let total = chart.unit === 'nok' ? Money.parseNok(String(chart.stacked ? sumStrings(chart.series.map((series) => series.values[index])) : chart.series[0].values[index])).formatNok() : String(totals[index]);
      // The share of the first series (what is paid) is read off the bar; rounded for the eye only.
      if (chart.normalised && totals[index] > 0) total = `${total} · ${Math.round((magnitude(chart.series[0].values[index]) * 100) / totals[index])} % ${chart.series[0].name.toLowerCase()}`;
      this.page.drawText(total, { x: MARGIN + labelWidth + totals[index] * scale + 4, y: this.y - barHeight + 2, size: SIZE, font: this.regular });
      this.y -= rows * barHeight + 6;
    });
    let x = MARGIN + labelWidth;
    this.y -= 6;
    chart.series.forEach((series, seriesIndex) => {
      this.page.drawRectangle({ x, y: this.y, width: 8, height: 8, color: SERIES_COLOURS[seriesIndex % SERIES_COLOURS.length] });
      this.page.drawText(series.name, { x: x + 11, y: this.y + 1, size: SIZE, font: this.regular });
      x += 30 + this.regular.widthOfTextAtSize(series.name, SIZE);
    });
    this.y -= 20;
  }

  async toBytes(): Promise<Uint8Array> {
    const pages = this.document.getPages();
    pages.forEach((page, index) => page.drawText(`Side ${index + 1} av ${pages.length}`, { x: PAGE.width - MARGIN - 50, y: MARGIN / 2, size: 7, font: this.regular, color: rgb(0.3, 0.3, 0.3) }));
    return this.document.save({ useObjectStreams: true });
  }

  private fit(text: string, font: PDFFont, size: number, width: number): string {
    if (font.widthOfTextAtSize(text, size) <= width) return text;
    let cut = text;
    while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
    return `${cut}…`;
  }

  private ensureRoom(points: number): void {
    if (this.y - points < MARGIN) this.newPage();
  }

  private newPage(): void {
    this.page = this.document.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }
}

function sumStrings(values: ReadonlyArray<string | number>): string {
  return Money.sum(values.map((value) => Money.parseNok(String(value)))).toDecimalString();
}

/** The report as an A4 landscape PDF: a table per section and a bar chart where a picture says more. */
export async function renderPdf(unchecked: ReportDocument): Promise<Uint8Array> {
  const report = withSafeText(unchecked);
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const fonts = letterFonts();
  const [regular, bold] = await Promise.all([document.embedFont(fonts.regular, { subset: true }), document.embedFont(fonts.bold, { subset: true })]);
  document.setTitle(report.title, { showInWindowTitleBar: true });
  document.setLanguage('nb-NO');
  document.setAuthor('Integrerings- og mangfoldsdirektoratet (IMDi)');
  document.setProducer('IMDi tilskuddsforvaltning');
  const writer = new ReportPdfWriter(document, regular, bold);
  writer.heading(report.title, 15);
  writer.text(`Budsjettår ${report.budgetYear}${report.budgetPost ? `, kap./post ${report.budgetPost}` : ', alle kap./poster'} · per ${report.asOf.split('-').reverse().join('.')} · laget ${report.generatedAt.slice(0, 10)}`);
  for (const section of report.sections) {
    writer.heading(section.title, 11);
    if (section.note) writer.text(section.note);
    writer.table(section);
    if (section.chart && section.chart.categories.length > 0) writer.chart(section.chart);
  }
  return writer.toBytes();
}
