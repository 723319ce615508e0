import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES, type CaseStatus } from '@imdi/cases';
import type { ApplicantAction, ApplicationDetail, ApplicationSummary } from '../application/application.query';

/*
 * Applications as the api answers them, described for the OpenAPI document (the web's types are
 * generated from it). Each class implements the view it describes, so the two cannot drift apart.
 */

export class ApplicationCreatedResponse {
  @ApiProperty()
  id: string;
}

export class ApplicationSummaryResponse implements ApplicationSummary {
  @ApiProperty()
  id: string;

  @ApiProperty({ type: String, nullable: true, example: '2017/123', description: 'Tildeles når søknaden sendes inn.' })
  caseNumber: string | null;

  @ApiProperty({ enum: CASE_STATUSES })
  status: CaseStatus;

  @ApiProperty()
  schemeCode: string;

  @ApiProperty()
  budgetYear: number;

  @ApiProperty()
  organisationNumber: string;

  @ApiProperty({ type: String, nullable: true, example: '150000.00' })
  requestedNok: string | null;

  @ApiProperty({ type: String, nullable: true })
  submittedAt: string | null;

  @ApiProperty()
  createdAt: string;
}

export class ApplicationAttachmentResponse {
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

  @ApiProperty()
  uploadedAt: string;
}

export class HistoryEntryResponse {
  @ApiProperty()
  id: number;

  @ApiProperty()
  occurredAt: string;

  @ApiProperty()
  actorId: string;

  @ApiProperty()
  action: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Tilstanden før endringen, slik revisjonssporet har den.' })
  before: unknown;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Tilstanden etter endringen, slik revisjonssporet har den.' })
  after: unknown;
}

export class ApplicationDetailResponse extends ApplicationSummaryResponse implements ApplicationDetail {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Svarene, etter feltnavnene i ordningens skjema.' })
  form: Record<string, unknown>;

  @ApiProperty({ type: () => ApplicationAttachmentResponse, isArray: true })
  attachments: ApplicationAttachmentResponse[];

  @ApiProperty({ type: () => HistoryEntryResponse, isArray: true })
  history: HistoryEntryResponse[];

  @ApiProperty({ type: String, isArray: true })
  nextSteps: string[];

  @ApiProperty({
    enum: ['submit', 'withdraw', 'accept', 'appeal', 'report'],
    isArray: true,
    description: 'Hva den innloggede søkeren kan gjøre i saken nå, slik tilstandsmaskinen tillater.',
  })
  actions: ApplicantAction[];
}
