import { withoutUnsafeCharacters } from '@imdi/kernel';

/**
 * A report as data, before it becomes a workbook or a PDF: both renderers draw from the same
 * document, so the Excel file, the PDF and the API show the same figures.
 */
export type ColumnKind = 'text' | 'nok' | 'count' | 'days';

export interface ReportColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: ColumnKind;
}

/** nok: exact decimal string in kroner ("1234.50"); count: integer; days: decimal string; text: string. */
export type ReportCell = string | number | null;

export interface ReportTable {
  readonly columns: readonly ReportColumn[];
  readonly rows: ReadonlyArray<Record<string, ReportCell>>;
  /** The sums of the nok and count columns, in the same exact form; absent when a sum means nothing. */
  readonly totals?: Record<string, ReportCell>;
}

export interface BarChart {
  readonly title: string;
  readonly categories: readonly string[];
  /** nok values as exact decimal strings, counts as numbers. */
  readonly series: ReadonlyArray<{ readonly name: string; readonly values: ReadonlyArray<string | number> }>;
  readonly stacked: boolean;
  /** Each stacked bar drawn to full width: shares of the category's total (a post's frame) rather than sizes. */
  readonly normalised?: boolean;
  readonly unit: 'nok' | 'count';
}

export interface ReportSection {
  readonly key: string;
  readonly title: string;
  readonly note?: string;
  readonly table: ReportTable;
  readonly chart?: BarChart;
}

export interface ReportDocument {
  readonly title: string;
  readonly budgetYear: number;
  readonly budgetPost: string | null;
  readonly asOf: string;
  readonly generatedAt: string;
  readonly sections: readonly ReportSection[];
}

/**
 * The document with every text made safe for the files it becomes: a control character or a lone
 * surrogate in an organisation's name would make the xlsx XML unreadable and stop the PDF. Stored
 * data from before input was checked may still hold them.
 */
export function withSafeText(document: ReportDocument): ReportDocument {
  const line = (text: string): string => withoutUnsafeCharacters(text, false);
  const cell = (value: ReportCell): ReportCell => (typeof value === 'string' ? line(value) : value);
  const row = (values: Record<string, ReportCell>): Record<string, ReportCell> =>
    Object.fromEntries(Object.entries(values).map(([key, value]) => [key, cell(value)]));
  return {
    ...document,
    title: line(document.title),
    sections: document.sections.map((section) => ({
      ...section,
      title: line(section.title),
      ...(section.note !== undefined ? { note: line(section.note) } : {}),
      table: {
        columns: section.table.columns.map((column) => ({ ...column, label: line(column.label) })),
        rows: section.table.rows.map(row),
        ...(section.table.totals ? { totals: row(section.table.totals) } : {}),
      },
      ...(section.chart
        ? {
            chart: {
              ...section.chart,
              title: line(section.chart.title),
              categories: section.chart.categories.map(line),
              series: section.chart.series.map((series) => ({ ...series, name: line(series.name) })),
            },
          }
        : {}),
    })),
  };
}
