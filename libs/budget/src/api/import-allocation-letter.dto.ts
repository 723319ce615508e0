import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsISO8601,
  IsInt,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Omittable } from '@imdi/platform';
import { JSONSchema } from 'class-validator-jsonschema';

const WHOLE_NOK = /^\d{1,15}$/;
const WHOLE_NOK_MESSAGE = '$property must be whole kroner as a string of digits, e.g. "160670000"';

export class EarmarkDto {
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be a kebab-case code' })
  code: string;

  @IsString()
  @Length(1, 300)
  name: string;

  @Matches(WHOLE_NOK, { message: WHOLE_NOK_MESSAGE })
  amountNok: string;
}

export class AllocationLineDto {
  @Matches(/^[1-9]\d{2,3}$/, { message: '$property must be a chapter of 3–4 digits' })
  chapter: string;

  @Matches(/^\d{2}$/, { message: '$property must be a post of 2 digits' })
  post: string;

  @IsString()
  @Length(1, 300)
  name: string;

  @ValidateIf((line: AllocationLineDto) => line.amountNok !== null)
  @JSONSchema({ nullable: true, description: 'null mens beløpet ikke er fastsatt (se pendingNote).' })
  @Matches(WHOLE_NOK, { message: WHOLE_NOK_MESSAGE })
  amountNok: string | null;

  @Omittable()
  @IsString()
  pendingNote?: string;

  @Omittable()
  @IsBoolean()
  transferable?: boolean;

  @Omittable()
  @IsBoolean()
  estimate?: boolean;

  @Omittable()
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EarmarkDto)
  earmarks?: EarmarkDto[];
}

export class DeclaredTotalDto {
  @Matches(/^[1-9]\d{2,3}$/, { message: '$property must be a chapter of 3–4 digits' })
  chapter: string;

  @ValidateIf((total: DeclaredTotalDto) => total.post !== null)
  @JSONSchema({ nullable: true, description: 'null for kapittelets sum.' })
  @Matches(/^\d{2}$/, { message: '$property must be a post of 2 digits, or null for the chapter total' })
  post: string | null;

  @Matches(WHOLE_NOK, { message: WHOLE_NOK_MESSAGE })
  amountNok: string;

  @Omittable()
  @IsString()
  @Length(10, 2000)
  acknowledgedMismatch?: string;
}

export class ResponsibleMinistryDto {
  @IsString()
  @Length(5, 200)
  name: string;

  @IsString()
  @Length(2, 20)
  shortName: string;

  @IsString()
  @Length(5, 300)
  postalAddress: string;

  @IsEmail({}, { message: '$property must be an e-mail address' })
  email: string;
}

export class ImportAllocationLetterDto {
  @IsInt()
  @Min(2000)
  @Max(2100)
  budgetYear: number;

  @IsString()
  @Length(3, 500)
  source: string;

  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ResponsibleMinistryDto)
  ministry?: ResponsibleMinistryDto;

  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AllocationLineDto)
  @ArrayMinSize(1)
  lines: AllocationLineDto[];

  @Omittable()
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DeclaredTotalDto)
  declaredTotals?: DeclaredTotalDto[];
}

export class ImportAllocationCsvQuery {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @IsString()
  @Length(3, 500)
  source: string;
}

export class BudgetYearParam {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class CarryOverParams extends BudgetYearParam {
  @Matches(/^[1-9]\d{2,3}\.\d{2}$/, { message: '$property must be kap.post, e.g. 496.60' })
  budgetPost: string;
}

export class BudgetStatusQueryDto {
  /** The status at the end of this Oslo date, e.g. 2017-06-30 for the half-year report. */
  @Omittable()
  @IsISO8601({ strict: true }, { message: '$property must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  asOf?: string;
}
