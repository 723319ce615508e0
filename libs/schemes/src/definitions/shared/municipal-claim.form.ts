import { IsInt, Matches, Max, Min } from 'class-validator';
import { Label } from './form-fields';

/**
 * What a municipality sends to claim a rettighet grant: who claims, for which budget year. The
 * counts behind the amount come from registers where they can (NIR, the population register),
 * so scheme forms add only what the municipality itself must state.
 */
export class MunicipalClaimForm {
  @Label('Kommunenummer', 'Fire siffer, for eksempel 3005.')
  @Matches(/^\d{4}$/, { message: '$property must be a 4-digit kommunenummer' })
  municipalityNumber: string;

  @Label('Budsjettår')
  @IsInt()
  @Min(2017)
  @Max(2100)
  budgetYear: number;
}
