import { ApiProperty } from '@nestjs/swagger';
import type { MunicipalitySettlementRateView, MunicipalitySettlementView } from '../application/municipality-settlements.query';

export class SettlementSchemeNameResponse {
  @ApiProperty({ description: 'Ordningens navn på bokmål.' })
  nb: string;

  @ApiProperty({ description: 'Ordningens navn på nynorsk.' })
  nn: string;
}

export class MunicipalitySettlementRateResponse implements MunicipalitySettlementRateView {
  @ApiProperty({ example: 'year2', description: 'Satsens kode i ordningens satstabell.' })
  rateCode: string;

  @ApiProperty({ example: 'År 2', description: 'Satsens navn.' })
  label: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '212000.00',
    description: 'Årets sats per person i kroner; null hvis satsen ikke finnes i årets satstabell.',
  })
  rateNok: string | null;

  @ApiProperty({ example: 3, description: 'Antall personer perioden er beregnet for med denne satsen.' })
  persons: number;

  @ApiProperty({ example: '159000.00', description: 'Beløpet denne satsen gir for perioden, i kroner.' })
  amountNok: string;
}

/** GET /per-capita-settlements: one settlement of a period for the caller's municipality. */
export class MunicipalitySettlementResponse implements MunicipalitySettlementView {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '964338531', description: 'Kommunens organisasjonsnummer.' })
  organisationNumber: string;

  @ApiProperty({ example: 'integreringstilskudd' })
  schemeCode: string;

  @ApiProperty({ type: SettlementSchemeNameResponse })
  schemeName: SettlementSchemeNameResponse;

  @ApiProperty({ example: 2020 })
  budgetYear: number;

  @ApiProperty({ example: '2020-Q1', description: 'Perioden oppgjøret gjelder (kvartal eller år).' })
  period: string;

  @ApiProperty({ example: 1, description: 'Oppgjørets nummer for perioden: 2 og høyere er etteroppgjør etter rettede opplysninger.' })
  sequence: number;

  @ApiProperty({ example: 4, description: 'Antall personer perioden er beregnet for, summert over satsene.' })
  persons: number;

  @ApiProperty({ type: MunicipalitySettlementRateResponse, isArray: true, description: 'Personer og beløp per sats.' })
  rates: MunicipalitySettlementRateResponse[];

  @ApiProperty({ example: '212000.00', description: 'Det perioden har krav på etter dette oppgjøret, i kroner.' })
  owedNok: string;

  @ApiProperty({ example: '212000.00', description: 'Endringen fra forrige oppgjør av perioden; negativ når for mye er utbetalt.' })
  differenceNok: string;

  @ApiProperty({ example: '212000.00', description: 'Det som ble utbetalt i dette oppgjøret, i kroner.' })
  paidNok: string;

  @ApiProperty({ type: String, nullable: true, example: '2020-12-15', description: 'Utbetalingsdatoen; null når oppgjøret ikke utbetalte noe.' })
  paidOn: string | null;
}
