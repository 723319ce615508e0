import { ApiProperty } from '@nestjs/swagger';
import type { RecipientReportView } from '../application/recipient-reports.service';
import type { RecipientReportStatus } from '../infrastructure/recipient-report.repository';

/*
 * The report as the api answers it, described for the OpenAPI document (the web's types are
 * generated from it). RecipientReportResponse implements the view, so the two cannot drift apart.
 */

export class ReportAccountLineResponse {
  @ApiProperty()
  description: string;

  @ApiProperty({ example: '240000.00' })
  amountNok: string;
}

export class ReportContentResponse {
  @ApiProperty({ type: String, nullable: true })
  useOfFunds: string | null;

  @ApiProperty({ type: String, nullable: true })
  results: string | null;

  @ApiProperty({ type: String, nullable: true })
  goalAchievement: string | null;

  @ApiProperty({ type: String, nullable: true, example: '240000.00' })
  spentNok: string | null;

  @ApiProperty({ type: Number, nullable: true })
  participantsFemale: number | null;

  @ApiProperty({ type: Number, nullable: true })
  participantsMale: number | null;

  @ApiProperty({ type: () => ReportAccountLineResponse, isArray: true, nullable: true })
  accounts: ReportAccountLineResponse[] | null;

  @ApiProperty({ type: Boolean, nullable: true })
  auditorConfirmed: boolean | null;
}

export class ReportAttachmentResponse {
  @ApiProperty()
  id: string;

  @ApiProperty()
  fileName: string;

  @ApiProperty()
  mediaType: string;

  @ApiProperty()
  sizeBytes: number;

  @ApiProperty()
  sha256: string;
}

export class RecipientReportResponse implements RecipientReportView {
  @ApiProperty()
  id: string;

  @ApiProperty()
  caseId: string;

  @ApiProperty({ type: String, nullable: true })
  caseNumber: string | null;

  @ApiProperty()
  organisationNumber: string;

  @ApiProperty()
  schemeCode: string;

  @ApiProperty()
  budgetYear: number;

  @ApiProperty({ example: '240000.00' })
  grantedNok: string;

  @ApiProperty({ description: 'Rapportfristen (dato, norsk tid).' })
  dueOn: string;

  @ApiProperty()
  overdue: boolean;

  @ApiProperty({ type: String, isArray: true, description: 'Hva rapporteringsplikten krever: bruk av midler, resultater, deltakere, regnskap, …' })
  requiredContents: string[];

  @ApiProperty()
  auditorRequired: boolean;

  @ApiProperty({ enum: ['due', 'submitted', 'more_requested', 'approved'] })
  status: RecipientReportStatus;

  @ApiProperty({ type: String, nullable: true })
  submittedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  reviewComment: string | null;

  @ApiProperty({ type: () => ReportContentResponse })
  content: ReportContentResponse;

  @ApiProperty({ type: () => ReportAttachmentResponse, isArray: true })
  attachments: ReportAttachmentResponse[];
}

export class ReportAttachmentCreatedResponse {
  @ApiProperty()
  id: string;
}
