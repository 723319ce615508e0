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

  @ApiProperty({ type: String, nullable: true, description: 'Når vinduet åpner, i norsk tid slik søkeren leser det.' })
  opens: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Fristen i norsk tid, slik søkeren leser den.' })
  deadline: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Tidspunktet vinduet åpner (ISO 8601).' })
  opensAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Tidspunktet for fristen (ISO 8601).' })
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

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Delutbetalinger og hva som utløser hver av dem, eller periodisk utbetaling.' })
  payoutPlan: PayoutPlan;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Når rapporten skal leveres og hva den må inneholde.' })
  reportingDuty: ReportingDuty;

  @ApiProperty()
  returnUnusedFunds: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON-skjema for søknadsskjemaet: titler, hjelpetekster og valg (x-enumTitles) på bokmål, med nynorsk i x-nn.',
  })
  formSchema: object;
}
