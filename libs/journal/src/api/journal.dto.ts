import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, Omittable } from '@imdi/platform';
import { SCREENABLE_FIELDS, type ScreenableField } from '../domain/public-access';

export class EntryIdParam {
  @IsUUID('all', { message: '$property must be a journal entry id (uuid)' })
  id: string;
}

export class CaseIdParam {
  @IsUUID('all', { message: '$property must be a case id (uuid)' })
  caseId: string;
}

export class JournalQuery {
  @Omittable()
  @IsCalendarDate()
  from?: string;

  @Omittable()
  @IsCalendarDate()
  to?: string;

  @Omittable()
  @IsIn(['proposed', 'final'])
  reviewState?: 'proposed' | 'final';
}

export class PublicJournalQuery {
  @IsCalendarDate()
  from: string;

  @IsCalendarDate()
  to: string;
}

export class ExportDayParam {
  @IsCalendarDate()
  day: string;
}

export class ScreeningDto {
  @IsString()
  @Length(5, 200)
  basis: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(SCREENABLE_FIELDS, { each: true })
  fields: ScreenableField[];
}

export class PublicAccessDto {
  @IsString()
  @Length(3, 500)
  publicTitle: string;

  /** null lifts the screening. */
  @ValidateIf((_object, value) => value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => ScreeningDto)
  screening: ScreeningDto | null;

  @Omittable()
  @IsBoolean()
  finalize?: boolean;
}

export class ClassificationParams {
  @Matches(/^[a-z0-9-]{2,60}$/, { message: '$property must be a scheme code, e.g. "jobbsjansen-a"' })
  schemeCode: string;

  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  budgetYear: number;
}

export class ClassificationDto {
  @IsString()
  @Length(1, 100)
  classSystem: string;

  @IsString()
  @Length(1, 50)
  classId: string;

  @IsString()
  @Length(1, 200)
  classTitle: string;
}
