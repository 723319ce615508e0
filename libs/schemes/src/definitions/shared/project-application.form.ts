import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsEmailAddress } from '@imdi/platform';
import { JSONSchema, targetConstructorToSchema } from 'class-validator-jsonschema';
import { AmountLabel, DateLabel, Label } from './form-fields';
import { nynorskSchema } from './form-nynorsk';

const NOK_AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const NOK_AMOUNT_MESSAGE = '$property must be an amount in kroner, e.g. "125000" or "125000.50"';

export class BudgetLineForm {
  @Label('Hva pengene skal brukes til')
  @IsString()
  @Length(2, 200)
  description: string;

  @AmountLabel('Beløp')
  @Matches(NOK_AMOUNT, { message: NOK_AMOUNT_MESSAGE })
  amountNok: string;
}

/**
 * The part every application-based (søkbar/navngitt) scheme asks: what, when, for how much.
 * Scheme forms extend it with their own fields.
 */
export class ProjectApplicationForm {
  @Label('Prosjektets navn')
  @IsString()
  @Length(3, 200)
  projectTitle: string;

  @Label('Beskrivelse av prosjektet', 'Hva skal gjøres, for hvem, og hvordan?')
  @IsString()
  @Length(20, 10000)
  description: string;

  @DateLabel('Prosjektet starter')
  @IsISO8601({ strict: true }, { message: '$property must be a date (YYYY-MM-DD)' })
  periodStart: string;

  @DateLabel('Prosjektet slutter')
  @IsISO8601({ strict: true }, { message: '$property must be a date (YYYY-MM-DD)' })
  periodEnd: string;

  // The schema generator cannot follow @Type to the line's class, so the line schema is given here.
  @JSONSchema((source) => ({
    ...source,
    title: 'Budsjett',
    description: 'Én linje per kostnad.',
    ...nynorskSchema('Budsjett', 'Én linje per kostnad.'),
    items: { ...targetConstructorToSchema(BudgetLineForm), title: 'Budsjettlinje', ...nynorskSchema('Budsjettlinje') },
  }))
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BudgetLineForm)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  budget: BudgetLineForm[];

  @AmountLabel('Omsøkt beløp', 'Kan ikke være større enn budsjettet.')
  @Matches(NOK_AMOUNT, { message: NOK_AMOUNT_MESSAGE })
  requestedAmountNok: string;

  @Label('Kontaktperson')
  @IsString()
  @MaxLength(200)
  contactName: string;

  @Label('E-postadresse til kontaktpersonen')
  @IsEmailAddress()
  contactEmail: string;

  @Label('Deres referanse', 'Deres eget saksnummer eller referanse, om dere har en. Vi oppgir den i brevene våre.')
  @IsOptional()
  @IsString()
  @MaxLength(100)
  yourReference?: string;
}
