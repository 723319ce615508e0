import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Omittable } from '@imdi/platform';

const NOK = /^\d{1,12}(\.\d{1,2})?$/;
const NOK_MESSAGE = '$property must be an amount in kroner, e.g. "125000" or "125000.50"';

export class CaseIdParam {
  @IsUUID('all', { message: '$property must be a case id (uuid)' })
  id: string;
}

export class ReportAttachmentParams extends CaseIdParam {
  @IsUUID('all', { message: '$property must be an attachment id (uuid)' })
  attachmentId: string;
}

export class AccountLineDto {
  @IsString()
  @Length(2, 200)
  description: string;

  @Matches(NOK, { message: NOK_MESSAGE })
  amountNok: string;
}

export class SubmitRecipientReportDto {
  @Omittable()
  @IsString()
  @Length(10, 20000)
  useOfFunds?: string;

  @Omittable()
  @IsString()
  @Length(10, 20000)
  results?: string;

  @Omittable()
  @IsString()
  @Length(10, 20000)
  goalAchievement?: string;

  @Omittable()
  @Matches(NOK, { message: NOK_MESSAGE })
  spentNok?: string;

  @Omittable()
  @IsInt()
  @Min(0)
  @Max(1000000)
  participantsFemale?: number;

  @Omittable()
  @IsInt()
  @Min(0)
  @Max(1000000)
  participantsMale?: number;

  @Omittable()
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AccountLineDto)
  @ArrayMaxSize(200)
  accounts?: AccountLineDto[];

  @Omittable()
  @IsBoolean()
  auditorConfirmed?: boolean;
}

export class ReviewReportDto {
  @IsString()
  @Length(5, 5000)
  comment: string;
}

export class ReportAttachmentQuery {
  @IsString()
  @Length(1, 200)
  @Matches(/^[^/\\]+$/, { message: '$property must be a file name without folders' })
  fileName: string;
}

export class WorklistQuery {
  @Omittable()
  @IsIn(['due', 'submitted', 'more_requested', 'approved'])
  status?: 'due' | 'submitted' | 'more_requested' | 'approved';

  @Omittable()
  @Type(() => Boolean)
  @IsBoolean()
  overdue?: boolean;
}
