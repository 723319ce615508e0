import { ApiProperty } from '@nestjs/swagger';
import type { SchemeView } from '../application/scheme-view';
import type { AssessmentCriterion, PayoutPlan, ReportingDuty } from '../domain/scheme-definition';
import {
  APPEAL_ROUTES,
  APPLICANT_TYPES,
  SCHEME_KINDS,
  type AppealRoute,
  type ApplicantType,
  type LocalisedText,
  type SchemeKind,
} from '../domain/scheme-terms';
import type { WindowStatus } from '../domain/scheme-version';

/*
 * A scheme as the catalogue answers it, described for the OpenAPI document (the web's types are
 * generated from it). SchemeResponse implements the view, so the two cannot drift apart.
 */

export class LocalisedTextResponse implements LocalisedText {
  @ApiProperty({ description: 'Bokmål' })
  nb: string;

  @ApiProperty({ description: 'Nynorsk' })
  nn: string;
}

export class SchemeWindowResponse {
  @ApiProperty({ enum: ['continuous', 'upcoming', 'open', 'closed'] })
  status: WindowStatus;

  @ApiProperty({ type: String, nullable: true, description: 'Oslo local time the window opens, as the applicant reads it.' })
  opens: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Oslo local time of the deadline, as the applicant reads it.' })
  deadline: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The instant the window opens (ISO 8601).' })
  opensAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The instant of the deadline (ISO 8601).' })
  deadlineAt: string | null;
}

export class SchemeRateResponse {
  @ApiProperty()
  code: string;

  @ApiProperty()
  label: string;

  @ApiProperty({ example: '75000.00' })
  amountNok: string;

  @ApiProperty()
  unit: string;

  @ApiProperty()
  provisional: boolean;

  @ApiProperty()
  confirmed: boolean;
}

export class AssessmentCriterionResponse implements AssessmentCriterion {
  @ApiProperty()
  code: string;

  @ApiProperty({ type: () => LocalisedTextResponse })
  label: LocalisedTextResponse;

  @ApiProperty()
  weight: number;
}

export class SchemeResponse implements SchemeView {
  @ApiProperty({ example: 'mentor-trainee' })
  code: string;

  @ApiProperty()
  budgetYear: number;

  @ApiProperty({ type: () => LocalisedTextResponse })
  name: LocalisedTextResponse;

  @ApiProperty({ enum: SCHEME_KINDS })
  kind: SchemeKind;

  @ApiProperty({ example: '496.73' })
  budgetPost: string;

  @ApiProperty({ type: String, isArray: true })
  earmarkCodes: string[];

  @ApiProperty({ enum: APPLICANT_TYPES, isArray: true })
  applicantTypes: ApplicantType[];

  @ApiProperty({ enum: APPEAL_ROUTES })
  appealRoute: AppealRoute;

  @ApiProperty()
  requiresMinistryPreNotification: boolean;

  @ApiProperty({ type: () => SchemeWindowResponse })
  window: SchemeWindowResponse;

  @ApiProperty()
  legalBasis: string;

  @ApiProperty({ type: () => LocalisedTextResponse })
  purpose: LocalisedTextResponse;

  @ApiProperty({ type: String, nullable: true })
  notes: string | null;

  @ApiProperty()
  frozen: boolean;

  @ApiProperty({ type: () => SchemeRateResponse, isArray: true })
  rates: SchemeRateResponse[];

  @ApiProperty({ type: () => AssessmentCriterionResponse, isArray: true })
  assessmentCriteria: AssessmentCriterionResponse[];

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Instalments and what triggers each, or a periodic payout.' })
  payoutPlan: PayoutPlan;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'When the report is due and what it must contain.' })
  reportingDuty: ReportingDuty;

  @ApiProperty()
  returnUnusedFunds: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON schema of the application form: bokmål titles, help texts and choices (x-enumTitles), with their nynorsk in x-nn.',
  })
  formSchema: object;
}
