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
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PER_CAPITA_SCHEME_CODES } from '@imdi/schemes';
import { IsCalendarDate, Omittable } from '@imdi/platform';

/** Shapes only: check digits, dates and the scheme's own rules are the domain's (the same for CSV). */
export class SettlementRecordDto {
  @IsString()
  @MaxLength(20)
  nationalIdNumber: string;

  @IsString()
  @MaxLength(20)
  organisationNumber: string;

  @IsString()
  @MaxLength(10)
  municipalityNumber: string;

  @IsCalendarDate()
  settlementDate: string;

  /** integreringstilskudd: single-adult, adult, unaccompanied-minor or child; enslige-mindreaarige: may be left out. */
  @Omittable()
  @IsString()
  @MaxLength(40)
  category?: string;

  @Omittable()
  @IsBoolean()
  specialCriterion?: boolean;
}

export class SettlementRecordsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50000)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SettlementRecordDto)
  records: SettlementRecordDto[];
}

export class CorrectSettlementRecordDto {
  @Omittable()
  @IsString()
  @MaxLength(20)
  organisationNumber?: string;

  @Omittable()
  @IsString()
  @MaxLength(10)
  municipalityNumber?: string;

  @Omittable()
  @IsCalendarDate()
  settlementDate?: string;

  @Omittable()
  @IsString()
  @MaxLength(40)
  category?: string;

  @Omittable()
  @IsBoolean()
  specialCriterion?: boolean;

  /** The record was wrong altogether: the person does not count any more (and true again to undo). */
  @Omittable()
  @IsBoolean()
  voided?: boolean;

  /** Why the record is corrected, kept in its history (e.g. "Feil bosettingsdato i NIR, rettet 12.05"). */
  @IsString()
  @Length(5, 1000)
  reason: string;
}

export class SchemeParam {
  @IsIn(PER_CAPITA_SCHEME_CODES, { message: `$property must be a per-capita scheme: ${PER_CAPITA_SCHEME_CODES.join(', ')}` })
  scheme: string;
}

export class RecordParams extends SchemeParam {
  @IsUUID()
  id: string;
}

export class MunicipalityQuery {
  @Matches(/^\d{9}$/, { message: '$property must be a 9-digit organisation number' })
  organisationNumber: string;
}

export class SchemeYearParams extends SchemeParam {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class EntitlementParams extends SchemeYearParams {
  @Matches(/^\d{9}$/, { message: '$property must be a 9-digit organisation number' })
  organisationNumber: string;
}

export class StartPerCapitaRunDto {
  @IsIn(PER_CAPITA_SCHEME_CODES, { message: `$property must be a per-capita scheme: ${PER_CAPITA_SCHEME_CODES.join(', ')}` })
  schemeCode: string;

  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  budgetYear: number;

  /** The last period the run pays: "2017-Q2" for integreringstilskudd (quarterly), "2017" for enslige-mindreaarige (yearly). */
  @Matches(/^\d{4}(-Q[1-4])?$/, { message: '$property must be a period such as 2017-Q2 (quarterly) or 2017 (yearly)' })
  period: string;

  /** Execution date of the payments; today when left out. */
  @Omittable()
  @IsCalendarDate()
  asOf?: string;
}
