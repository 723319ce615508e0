import { ApiProperty } from '@nestjs/swagger';
import type { ImportResult } from '../application/import-allocation-letter.service';
import type { TotalMismatch } from '../domain/allocation-letter';

/** A total in the allocation letter that does not add up, and how far off it is. */
export class TotalMismatchResponse implements TotalMismatch {
  @ApiProperty({ example: '0821', description: 'Kapittelet.' })
  chapter: string;

  @ApiProperty({ type: String, nullable: true, example: '60', description: 'Posten; null når avviket gjelder kapittelets sum.' })
  post: string | null;

  @ApiProperty({
    enum: ['declared-total', 'earmarks-exceed-post'],
    description: 'declared-total: oppgitt sum stemmer ikke med postene; earmarks-exceed-post: øremerkingene er større enn posten.',
  })
  what: 'declared-total' | 'earmarks-exceed-post';

  @ApiProperty({ example: '12000000.00', description: 'Beløpet brevet oppga.' })
  expected: string;

  @ApiProperty({ example: '11500000.00', description: 'Beløpet postene summerer til.' })
  found: string;

  @ApiProperty({ example: '500000.00', description: 'Differansen.' })
  difference: string;

  @ApiProperty({ required: false, description: 'Begrunnelsen avviket ble kvittert ut med.' })
  acknowledged?: string;
}

/** POST /admin/budget/allocation-letters (and …/csv): what the import of an allocation letter did. */
export class AllocationImportResponse implements ImportResult {
  @ApiProperty({ example: 2026 })
  budgetYear: number;

  @ApiProperty({ description: 'Importens id.' })
  importId: string;

  @ApiProperty({ description: 'Antall poster som ble lagt inn.' })
  posts: number;

  @ApiProperty({ description: 'Antall øremerkinger som ble lagt inn.' })
  earmarks: number;

  @ApiProperty({ type: TotalMismatchResponse, isArray: true, description: 'Avvik i summene som ble kvittert ut med en begrunnelse.' })
  acknowledgedMismatches: TotalMismatchResponse[];
}

/** A day total that differs from the ledger entries it sums. */
export class DayTotalDifferenceResponse {
  @ApiProperty({ description: 'Budsjettlinjen.' })
  budgetLineId: string;

  @ApiProperty({ example: 'paid', description: 'Hva slags postering.' })
  kind: string;

  @ApiProperty({ example: '2026-05-02', description: 'Bokføringsdagen.' })
  bookedOn: string;

  @ApiProperty({ example: '120000', description: 'Dagsummen i øre.' })
  totalOre: string;

  @ApiProperty({ example: '110000', description: 'Summen av posteringene i øre.' })
  entriesOre: string;
}

/** GET /admin/budget/day-totals/verify: the day totals summed again from the ledger entries. */
export class DayTotalsVerificationResponse {
  @ApiProperty({ description: 'Dagsummene stemmer med posteringene til øret.' })
  consistent: boolean;

  @ApiProperty({ type: DayTotalDifferenceResponse, isArray: true, description: 'Dagene som ikke stemmer; tom når alt stemmer.' })
  differences: DayTotalDifferenceResponse[];
}
