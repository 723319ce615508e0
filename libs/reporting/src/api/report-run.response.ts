import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ReportRunView } from '../application/report-runs.service';
import type { BarChart, ColumnKind, ReportCell, ReportColumn, ReportDocument, ReportSection, ReportTable } from '../domain/report-document';
import { REPORT_KINDS, type ReportKind } from '../domain/report-kind';

/** A cell: nok as an exact decimal string in kroner, a count as an integer, days as a decimal string, text as text. */
const cell = () => ({ oneOf: [{ type: 'string' }, { type: 'number' }], nullable: true });

export class ReportColumnResponse implements ReportColumn {
  @ApiProperty({ description: 'Kolonnens nøkkel i radene.' })
  key: string;

  @ApiProperty({ description: 'Kolonnens overskrift.' })
  label: string;

  @ApiProperty({ enum: ['text', 'nok', 'count', 'days'], description: 'Hva kolonnen inneholder: tekst, kroner, antall eller dager.' })
  kind: ColumnKind;
}

export class ReportTableResponse implements ReportTable {
  @ApiProperty({ type: ReportColumnResponse, isArray: true })
  columns: ReportColumnResponse[];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: cell() }, description: 'Radene, med verdiene etter kolonnenes nøkler.' })
  rows: Record<string, ReportCell>[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: cell(),
    description: 'Summene av kroner- og antallskolonnene; mangler når en sum ikke gir mening.',
  })
  totals?: Record<string, ReportCell>;
}

export class ReportChartSeriesResponse {
  @ApiProperty({ description: 'Seriens navn.' })
  name: string;

  @ApiProperty({ type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }] }, description: 'Kroner som eksakte desimaltall, antall som tall.' })
  values: Array<string | number>;
}

export class ReportChartResponse implements BarChart {
  @ApiProperty({ description: 'Diagrammets tittel.' })
  title: string;

  @ApiProperty({ type: String, isArray: true, description: 'Kategoriene (f.eks. kap./post).' })
  categories: string[];

  @ApiProperty({ type: ReportChartSeriesResponse, isArray: true })
  series: ReportChartSeriesResponse[];

  @ApiProperty({ description: 'Stablede søyler.' })
  stacked: boolean;

  @ApiProperty({ required: false, description: 'Hver søyle tegnet i full bredde: andeler av kategoriens sum i stedet for størrelser.' })
  normalised?: boolean;

  @ApiProperty({ enum: ['nok', 'count'], description: 'Kroner eller antall.' })
  unit: 'nok' | 'count';
}

export class ReportSectionResponse implements ReportSection {
  @ApiProperty({ description: 'Delens nøkkel.' })
  key: string;

  @ApiProperty({ description: 'Delens tittel.' })
  title: string;

  @ApiProperty({ required: false, description: 'En merknad til delen.' })
  note?: string;

  @ApiProperty({ type: ReportTableResponse })
  table: ReportTableResponse;

  @ApiProperty({ type: ReportChartResponse, required: false, description: 'Diagrammet (i PDF-filen).' })
  chart?: ReportChartResponse;
}

/** A report as data: the workbook, the PDF and the api show the same figures. */
export class ReportDocumentResponse implements ReportDocument {
  @ApiProperty({ description: 'Rapportens tittel.' })
  title: string;

  @ApiProperty({ example: 2026 })
  budgetYear: number;

  @ApiProperty({ type: String, nullable: true, example: '0821.60', description: 'Kap./post rapporten gjelder; null: alle.' })
  budgetPost: string | null;

  @ApiProperty({ example: '2026-06-30', description: 'Datoen tallene gjelder.' })
  asOf: string;

  @ApiProperty({ description: 'Når rapporten ble laget.' })
  generatedAt: string;

  @ApiProperty({ type: ReportSectionResponse, isArray: true })
  sections: ReportSectionResponse[];
}

export class ReportDownloadsResponse {
  @ApiProperty({ example: '/reports/…/report.xlsx', description: 'Regnearket.' })
  xlsx: string;

  @ApiProperty({ example: '/reports/…/report.pdf', description: 'PDF-filen.' })
  pdf: string;
}

/** GET /reports, /reports/{id}: a requested report, its progress and, once completed, its files. */
export class ReportRunResponse implements ReportRunView {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: REPORT_KINDS, description: 'Hvilken rapport.' })
  kind: ReportKind;

  @ApiProperty({ example: 2026 })
  budgetYear: number;

  @ApiProperty({ type: String, nullable: true, example: '0821.60', description: 'Kap./post; null: alle.' })
  budgetPost: string | null;

  @ApiProperty({ example: '2026-06-30', description: 'Datoen tallene gjelder.' })
  asOf: string;

  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] })
  status: 'queued' | 'running' | 'completed' | 'failed';

  @ApiProperty({ description: 'Framdrift i prosent.' })
  progress: number;

  @ApiProperty({ type: String, nullable: true, description: 'Hvorfor rapporten feilet.' })
  error: string | null;

  @ApiProperty({ description: 'Hvem som bestilte rapporten.' })
  requestedBy: string;

  @ApiProperty({ description: 'Når rapporten ble bestilt.' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'Når rapporten ble ferdig.' })
  completedAt: string | null;

  @ApiProperty({ type: () => ReportDownloadsResponse, nullable: true, description: 'Filene; null til rapporten er ferdig.' })
  downloads: ReportDownloadsResponse | null;

  @ApiProperty({
    type: () => ReportDocumentResponse,
    nullable: true,
    required: false,
    description: 'Bare i GET /reports/{id}: rapporten som data når den er ferdig; ellers null.',
  })
  report?: ReportDocumentResponse | null;
}
