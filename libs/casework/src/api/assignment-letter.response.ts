import { ApiProperty } from '@nestjs/swagger';
import type { AssignmentLetterView } from '../application/assignment-letters.service';

export class LocalisedNameResponse {
  @ApiProperty()
  nb: string;

  @ApiProperty()
  nn: string;
}

/** GET /assignment-letters: a municipality's own assignment letters (oppdragsbrev), without the PDF. */
export class AssignmentLetterResponse implements AssignmentLetterView {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '964338531' })
  organisationNumber: string;

  @ApiProperty()
  organisationName: string;

  @ApiProperty({ example: 'frivillige-lokale' })
  schemeCode: string;

  @ApiProperty({ type: LocalisedNameResponse })
  schemeName: LocalisedNameResponse;

  @ApiProperty({ example: 2017 })
  budgetYear: number;

  @ApiProperty({ example: '450000.00', description: 'Rammen i kroner.' })
  frameNok: string;

  @ApiProperty({ example: '2017-02-01', description: 'Datoen brevet ble skrevet (norsk tid).' })
  date: string;
}
