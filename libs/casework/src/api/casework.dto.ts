import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CASE_STATUSES } from '@imdi/cases';
import { IsCalendarDate, Omittable } from '@imdi/platform';
import type { WorkQueueSort } from '../infrastructure/casework.repository';

const NOK = /^\d{1,12}(\.\d{1,2})?$/;
const NOK_MESSAGE = '$property must be an amount in kroner, e.g. "250000" or "250000.50"';

export class CaseIdParam {
  @IsUUID()
  id: string;
}

export class LetterParams extends CaseIdParam {
  @IsUUID()
  letterId: string;
}

export class DeclareConflictDto {
  @Matches(/^\d{9}$/, { message: '$property must be a 9-digit organisation number' })
  organisationNumber: string;

  @IsString()
  @Length(5, 1000)
  reason: string;
}

export class AssignDto {
  @IsString()
  @Length(1, 200)
  caseworkerId: string;
}

export class QueueQuery {
  @Omittable()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';

  @Omittable()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be a scheme code' })
  scheme?: string;
}

export class CriterionScoreDto {
  @IsString()
  @Length(1, 100)
  criterion: string;

  @IsInt()
  @Min(0)
  @Max(5)
  score: number;

  @IsString()
  @Length(0, 4000)
  comment: string;
}

export class AssessmentDto {
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  @ArrayMinSize(1)
  scores: CriterionScoreDto[];

  @IsString()
  @Length(1, 10000)
  comment: string;
}

export class ProposalDto {
  @Matches(NOK, { message: NOK_MESSAGE })
  amountNok: string;

  @IsString()
  @Length(10, 20000)
  reasons: string;

  @Omittable()
  @IsString()
  @Length(0, 20000)
  conditions?: string;

  @Omittable()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be an earmark code' })
  earmarkCode?: string;
}

export class RoundParams {
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be a scheme code' })
  schemeCode: string;

  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class GatherNotificationDto {
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be a scheme code' })
  schemeCode: string;

  @IsInt()
  @Min(2000)
  @Max(2100)
  budgetYear: number;
}

export class NotificationParam {
  @IsUUID()
  id: string;
}

export class DelegationDto {
  @IsString()
  @Length(1, 200)
  approverId: string;

  @Matches(/^[1-9]\d{2,3}\.\d{2}$/, { message: '$property must be kap.post, e.g. 496.62' })
  budgetPost: string;

  // A sign is let through so that a zero or negative limit gets the domain's own code, not a format error.
  @Matches(/^-?\d{1,12}(\.\d{1,2})?$/, { message: NOK_MESSAGE })
  maxAmountNok: string;

  @IsString()
  @Length(3, 500)
  reference: string;
}

export class RevokeDelegationDto {
  @IsString()
  @Length(3, 500)
  reason: string;
}

export class DelegationIdParam {
  @IsUUID()
  id: string;
}

export class AppealDto {
  @IsString()
  @Length(10, 20000)
  grounds: string;
}

export class UpholdDto {
  @IsString()
  @Length(10, 20000)
  summary: string;
}

export class AppealParam {
  @IsUUID()
  id: string;
}

/** The ministry's decision on a forwarded klage: upheld (IMDi's decision stands) or reversed. */
export class MinistryAppealDecisionDto {
  @IsIn(['upheld', 'reversed'])
  outcome: 'upheld' | 'reversed';

  @IsString()
  @Length(10, 20000)
  reasons: string;
}

export class AssignmentLetterDto {
  @Matches(/^\d{9}$/, { message: '$property must be a 9-digit organisation number' })
  organisationNumber: string;

  @IsInt()
  @Min(2000)
  @Max(2100)
  budgetYear: number;

  @Matches(NOK, { message: NOK_MESSAGE })
  frameNok: string;
}

export class WorkQueueQueryDto {
  /** Case number, organisation name or number, or the applicant's name (part of it). */
  @Omittable()
  @IsString()
  @Length(1, 200)
  search?: string;

  @Omittable()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be a scheme code' })
  scheme?: string;

  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Omittable()
  @IsIn(CASE_STATUSES.filter((status) => status !== 'draft'))
  status?: string;

  /** `me`, `none` (not assigned) or a caseworker's id. */
  @Omittable()
  @IsString()
  @Length(1, 200)
  assignee?: string;

  @Omittable()
  @IsIn(['overdue', 'due-soon'])
  deadline?: 'overdue' | 'due-soon';

  /** `false` includes finished cases; a chosen status overrides it. */
  @Omittable()
  @IsIn(['true', 'false'])
  open?: 'true' | 'false';

  @Omittable()
  @IsIn(['received', 'received-desc', 'deadline', 'case-number', 'organisation', 'status'])
  sort?: WorkQueueSort;

  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class BulkAssignDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  caseIds: string[];

  @IsString()
  @Length(1, 200)
  caseworkerId: string;
}

export class ReturnProposalDto {
  @IsString()
  @Length(5, 5000)
  comment: string;
}

export class AcknowledgeNotificationDto {
  @Omittable()
  @IsString()
  @Length(0, 5000)
  comment?: string;
}

export class ProvisionalAnswerDto {
  /** When the applicant may expect a decision (Oslo date); 30 days from today if left out. */
  @Omittable()
  @IsCalendarDate()
  expectedDecisionDate?: string;
}

export class CaseNoteDto {
  @IsString()
  @Length(1, 10000)
  text: string;
}
