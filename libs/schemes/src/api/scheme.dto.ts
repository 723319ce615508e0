import { Transform, Type } from 'class-transformer';
import { ArrayMinSize, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Omittable } from '@imdi/platform';
import { APPLICANT_TYPES, type ApplicantType } from '../domain/scheme-terms';

export class CatalogueQuery {
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Omittable()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  open?: boolean;
}

export class SchemeCodeParam {
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be a scheme code such as jobbsjansen-a' })
  code: string;
}

export class SchemeYearParams extends SchemeCodeParam {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class RateParams extends SchemeYearParams {
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be a rate code' })
  rateCode: string;
}

export class LocalisedTextDto {
  @IsString()
  @Length(1, 500)
  nb: string;

  @IsString()
  @Length(1, 500)
  nn: string;
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

export class WindowDto {
  @Matches(LOCAL_DATE_TIME, { message: '$property must be Oslo local time YYYY-MM-DDTHH:mm:ss' })
  opens: string;

  @Matches(LOCAL_DATE_TIME, { message: '$property must be Oslo local time YYYY-MM-DDTHH:mm:ss' })
  deadline: string;
}

export class AmendSchemeVersionDto {
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  name?: LocalisedTextDto;

  @Omittable()
  @ArrayMinSize(1)
  @IsIn(APPLICANT_TYPES, { each: true })
  applicantTypes?: ApplicantType[];

  @Omittable()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { each: true, message: 'each of $property must be an earmark code' })
  earmarkCodes?: string[];

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WindowDto)
  window?: WindowDto | null;

  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  purpose?: LocalisedTextDto;

  @Omittable()
  @IsString()
  @Length(3, 500)
  legalBasis?: string;

  @IsOptional()
  @IsString()
  @Length(0, 4000)
  notes?: string | null;
}

export class SetRateDto {
  @Matches(/^\d{1,12}(\.\d{1,2})?$/, { message: '$property must be an amount in kroner, e.g. "236000" or "236000.50"' })
  amountNok: string;

  @IsString()
  @Length(3, 500)
  source: string;
}
