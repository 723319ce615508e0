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
