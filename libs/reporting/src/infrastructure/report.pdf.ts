import { makeArchival, PdfTextWriter, type FontStyle } from '@imdi/letters';
import { Money } from '@imdi/kernel';
import { PDFDocument, rgb, type PDFPage, type RGB } from 'pdf-lib';
import { type BarChart, type ReportCell, type ReportColumn, type ReportDocument, type ReportSection, withSafeText } from '../domain/report-document';

// A4 landscape: the status table has nine columns.
const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 40;
const SIZE = 7;
const SMALLEST_SIZE = 5;
const LINE = 1.3;
const PADDING = 3;
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

interface Cell {
  readonly text: string;
  readonly style: FontStyle;
}

class ReportPdfWriter {
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly document: PDFDocument,
    private readonly text: PdfTextWriter,
  ) {
    this.newPage();
  }

  heading(text: string, size: number): void {
    this.paragraph(text, size, 'bold');
    this.y -= size * 0.4;
  }

  paragraph(text: string, size = 8.5, style: FontStyle = 'regular'): void {
    for (const line of this.text.wrap(text, size, PAGE.width - 2 * MARGIN, style)) {
      this.ensureRoom(size * LINE * 1.2);
      this.text.draw(this.page, line, { x: MARGIN, y: this.y, size, style });
      this.y -= size * LINE;
    }
    this.y -= size * 0.3;
  }

  /**
   * Every figure is drawn whole: a figure column is as wide as its widest figure, and text
   * columns (names) share what is left and wrap. Should the figures alone not fit across the
   * page, the table's type gets smaller until they do.
   */
  table(section: ReportSection): void {
    const { columns, rows, totals } = section.table;
    const width = PAGE.width - 2 * MARGIN;
    const header = columns.map((column): Cell => ({ text: column.label, style: 'bold' }));
    const body = rows.map((row) => columns.map((column): Cell => ({ text: display(column.kind, row[column.key]), style: 'regular' })));
    if (totals && rows.length > 0)
      body.push(columns.map((column): Cell => ({ text: totals[column.key] === null ? '' : display(column.kind, totals[column.key]), style: 'bold' })));
    let size = SIZE;
    let widths = this.columnWidths(columns, [header, ...body], size, width);
    while (!widths && size > SMALLEST_SIZE) {
      size -= 0.5;
      widths = this.columnWidths(columns, [header, ...body], size, width);
    }
    widths ??= this.columnWidths(columns, [header, ...body], size, Number.POSITIVE_INFINITY) as number[];
    const drawRow = (cells: readonly Cell[], shade: boolean): void => {
      const lines = cells.map((cell, index) =>
        columns[index].kind === 'text' || cells === header
          ? this.text.wrap(cell.text, size, (widths as number[])[index] - 2 * PADDING, cell.style)
          : [cell.text],
      );
      const height = Math.max(...lines.map((cellLines) => cellLines.length)) * size * LINE + PADDING;
      if (this.ensureRoom(height + size) && cells !== header) drawRow(header, true);
      if (shade) this.page.drawRectangle({ x: MARGIN, y: this.y - height + size, width, height, color: rgb(0.93, 0.93, 0.93) });
      let x = MARGIN;
      lines.forEach((cellLines, index) => {
        const right = columns[index].kind !== 'text';
        cellLines.forEach((line, lineIndex) => {
          const offset = right ? (widths as number[])[index] - PADDING - this.text.width(line, size, cells[index].style) : PADDING;
          this.text.draw(this.page, line, { x: x + offset, y: this.y - lineIndex * size * LINE, size, style: cells[index].style });
        });
        x += (widths as number[])[index];
      });
      this.y -= height;
    };
    drawRow(header, true);
    body.forEach((cells, index) => drawRow(cells, Boolean(totals) && index === rows.length));
    this.y -= size;
  }

  /**
   * Figure columns: the widest figure, or the widest word of the label if that is wider. Text
   * columns: at least their widest word, at most their longest line; they share the rest.
   * Undefined when that does not fit in the width.
   */
  private columnWidths(columns: readonly ReportColumn[], rows: ReadonlyArray<readonly Cell[]>, size: number, width: number): number[] | undefined {
    const widestWord = (cell: Cell): number => Math.max(0, ...cell.text.split(/\s+/).map((word) => this.text.width(word, size, cell.style)));
    const whole = (cell: Cell): number => this.text.width(cell.text, size, cell.style);
    const minimum = columns.map(
      (column, index) =>
        Math.max(...rows.map((cells, row) => (column.kind === 'text' || row === 0 ? widestWord(cells[index]) : whole(cells[index])))) + 2 * PADDING,
    );
    const natural = columns.map((column, index) =>
      column.kind === 'text' ? Math.max(...rows.map((cells) => whole(cells[index]))) + 2 * PADDING : minimum[index],
    );
    const needed = minimum.reduce((sum, value) => sum + value, 0);
    if (needed > width) return undefined;
    const growable = natural.map((value, index) => value - minimum[index]);
    const wanted = growable.reduce((sum, value) => sum + value, 0);
    const share = wanted === 0 ? 0 : Math.min(1, (width - needed) / wanted);
    const widths = minimum.map((value, index) => value + growable[index] * share);
    // Space left over goes to the figures, so the columns fill the page as before.
    const spare = width - widths.reduce((sum, value) => sum + value, 0);
    const figures = columns.filter((column) => column.kind !== 'text').length;
    return Number.isFinite(spare) && figures > 0 ? widths.map((value, index) => (columns[index].kind === 'text' ? value : value + spare / figures)) : widths;
  }

  chart(chart: BarChart): void {
    const barHeight = 10;
    const labelWidth = 150;
    const plotWidth = PAGE.width - 2 * MARGIN - labelWidth - 170;
    const labels = chart.categories.map((category) => this.text.wrap(category, SIZE, labelWidth - 6));
    const rowHeight = (index: number): number => Math.max(barHeight * (chart.stacked ? 1 : chart.series.length), labels[index].length * SIZE * LINE) + 6;
    this.ensureRoom(
      Math.min(
        PAGE.height / 2,
        chart.categories.reduce((sum, _category, index) => sum + rowHeight(index), 40),
      ),
    );
    this.heading(chart.title, 10);
    const totals = chart.categories.map((_, index) =>
      chart.stacked
        ? chart.series.reduce((sum, series) => sum + magnitude(series.values[index]), 0)
        : Math.max(...chart.series.map((series) => magnitude(series.values[index]))),
    );
    const largest = Math.max(1, ...totals);
    chart.categories.forEach((_category, index) => {
      this.ensureRoom(rowHeight(index));
      const scale = chart.normalised && chart.stacked ? plotWidth / Math.max(1, totals[index]) : plotWidth / largest;
      labels[index].forEach((line, lineIndex) =>
        this.text.draw(this.page, line, { x: MARGIN, y: this.y - barHeight + 2 - lineIndex * SIZE * LINE, size: SIZE }),
      );
      let x = MARGIN + labelWidth;
      chart.series.forEach((series, seriesIndex) => {
        const length = magnitude(series.values[index]) * scale;
        const y = this.y - barHeight - (chart.stacked ? 0 : seriesIndex * barHeight);
        this.page.drawRectangle({
          x: chart.stacked ? x : MARGIN + labelWidth,
          y,
          width: length,
          height: barHeight - 1,
          color: SERIES_COLOURS[seriesIndex % SERIES_COLOURS.length],
        });
        if (chart.stacked) x += length;
      });
      let total =
        chart.unit === 'nok'
          ? Money.parseNok(String(chart.stacked ? sumStrings(chart.series.map((series) => series.values[index])) : chart.series[0].values[index])).formatNok()
          : String(totals[index]);
      // The share of the first series (what is paid) is read off the bar; rounded for the eye only.
      if (chart.normalised && totals[index] > 0)
        total = `${total} · ${Math.round((magnitude(chart.series[0].values[index]) * 100) / totals[index])} % ${chart.series[0].name.toLowerCase()}`;
      this.text.draw(this.page, total, { x: MARGIN + labelWidth + totals[index] * scale + 4, y: this.y - barHeight + 2, size: SIZE });
      this.y -= rowHeight(index);
    });
    let x = MARGIN + labelWidth;
    this.y -= 6;
    this.ensureRoom(20);
    chart.series.forEach((series, seriesIndex) => {
      this.page.drawRectangle({ x, y: this.y, width: 8, height: 8, color: SERIES_COLOURS[seriesIndex % SERIES_COLOURS.length] });
      this.text.draw(this.page, series.name, { x: x + 11, y: this.y + 1, size: SIZE });
      x += 30 + this.text.width(series.name, SIZE);
    });
    this.y -= 20;
  }

  async toBytes(): Promise<Uint8Array> {
    const pages = this.document.getPages();
    pages.forEach((page, index) =>
      this.text.draw(page, `Side ${index + 1} av ${pages.length}`, { x: PAGE.width - MARGIN - 50, y: MARGIN / 2, size: 7, color: rgb(0.3, 0.3, 0.3) }),
    );
    this.text.finish();
    return this.document.save({ useObjectStreams: true });
  }

  /** True when a new page was begun. */
  private ensureRoom(points: number): boolean {
    if (this.y - points >= MARGIN) return false;
    this.newPage();
    return true;
  }

  private newPage(): void {
    this.page = this.document.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }
}

function sumStrings(values: ReadonlyArray<string | number>): string {
  return Money.sum(values.map((value) => Money.parseNok(String(value)))).toDecimalString();
}

/** The report as an A4 landscape PDF/A-2b: a table per section and a bar chart where a picture says more. */
export async function renderPdf(unchecked: ReportDocument): Promise<Uint8Array> {
  const report = withSafeText(unchecked);
  const document = await PDFDocument.create();
  const writer = new ReportPdfWriter(document, await PdfTextWriter.create(document));
  writer.heading(report.title, 15);
  writer.paragraph(
    `Budsjettår ${report.budgetYear}${report.budgetPost ? `, kap./post ${report.budgetPost}` : ', alle kap./poster'} · per ${report.asOf.split('-').reverse().join('.')} · laget ${report.generatedAt.slice(0, 10)}`,
  );
  for (const section of report.sections) {
    writer.heading(section.title, 11);
    if (section.note) writer.paragraph(section.note);
    writer.table(section);
    if (section.chart && section.chart.categories.length > 0) writer.chart(section.chart);
  }
  makeArchival(document, {
    title: report.title,
    language: 'nb-NO',
    author: 'Integrerings- og mangfoldsdirektoratet (IMDi)',
    producer: 'IMDi tilskuddsforvaltning',
  });
  return writer.toBytes();
}
