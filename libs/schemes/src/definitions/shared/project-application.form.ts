import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsISO8601,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

const NOK_AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const NOK_AMOUNT_MESSAGE = '$property must be an amount in kroner, e.g. "125000" or "125000.50"';

export class BudgetLineForm {
  @IsString()
  @Length(2, 200)
  description: string;

  @Matches(NOK_AMOUNT, { message: NOK_AMOUNT_MESSAGE })
  amountNok: string;
}

/**
 * The part every application-based (søkbar/navngitt) scheme asks: what, when, for how much.
 * Scheme forms extend it with their own fields.
 */
export class ProjectApplicationForm {
  @IsString()
  @Length(3, 200)
  projectTitle: string;

  @IsString()
  @Length(20, 10000)
  description: string;

  @IsISO8601({ strict: true }, { message: '$property must be a date (YYYY-MM-DD)' })
  periodStart: string;

  @IsISO8601({ strict: true }, { message: '$property must be a date (YYYY-MM-DD)' })
  periodEnd: string;

  @ValidateNested({ each: true })
  @Type(() => BudgetLineForm)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  budget: BudgetLineForm[];

  @Matches(NOK_AMOUNT, { message: NOK_AMOUNT_MESSAGE })
  requestedAmountNok: string;

  @IsString()
  @MaxLength(200)
  contactName: string;

  @IsEmail()
  contactEmail: string;
}
