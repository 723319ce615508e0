import { ApiProperty } from '@nestjs/swagger';
import type { ImportResult, SettlementRecordView } from '../application/settlement-records.service';

/** POST /payments/per-capita/{scheme}/records (and …/csv): what the import did. */
export class SettlementImportResponse implements ImportResult {
  @ApiProperty({ description: 'Personer som ikke var kjent fra før.' })
  imported: number;

  @ApiProperty({ description: 'Kjente personer med endrede opplysninger: en ny revisjon hver.' })
  corrected: number;

  @ApiProperty({ description: 'Kjente personer med uendrede opplysninger.' })
  unchanged: number;
}

/** GET /payments/per-capita/{scheme}/records: a settled person's record, the national id number masked. */
export class SettlementRecordResponse implements SettlementRecordView {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: 'integreringstilskudd' })
  schemeCode: string;

  @ApiProperty({ example: '010190*****', description: 'Fødselsnummeret maskert: bare fødselsdatoen vises.' })
  nationalIdNumber: string;

  @ApiProperty({ example: '1990-01-01' })
  birthDate: string;

  @ApiProperty({ example: '964338531', description: 'Kommunen personen er bosatt i.' })
  organisationNumber: string;

  @ApiProperty({ example: '0301' })
  municipalityNumber: string;

  @ApiProperty({ example: '2026-02-15', description: 'Bosettingsdatoen.' })
  settlementDate: string;

  @ApiProperty({ example: 'adult', description: 'Kategorien satsen følger (enslig voksen, voksen, enslig mindreårig, barn).' })
  category: string;

  @ApiProperty({ description: 'Personen utløser særskilt tilskudd.' })
  specialCriterion: boolean;

  @ApiProperty({ description: 'Opplysningen var feil og teller ikke lenger.' })
  voided: boolean;

  @ApiProperty({ description: 'Revisjonens nummer; øker ved hver retting.' })
  revision: number;
}
