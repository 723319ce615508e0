import { ApiProperty } from '@nestjs/swagger';
import { CasePayoutsResponse } from '@imdi/payments';
import type { RecipientCaseView } from '../application/recipient-case.query';
import type { DecisionOutcome } from '../domain/decision-rules';

/** The decision as its letter told it (described for the OpenAPI document; the web's types come from it). */
export class RecipientDecisionResponse {
  @ApiProperty({ enum: ['granted', 'partly_granted', 'refused'] })
  outcome: DecisionOutcome;

  @ApiProperty({ example: '240000.00' })
  grantedNok: string;

  @ApiProperty({ type: String, nullable: true, example: '300000.00' })
  requestedNok: string | null;

  @ApiProperty()
  reasons: string;

  @ApiProperty()
  conditions: string;

  @ApiProperty({ description: 'Når vedtaksbrevet ble laget.' })
  decidedAt: string;
}

/** GET /cases/{id}/outcome: what happened on the case as the recipient reads it. */
export class RecipientCaseResponse implements RecipientCaseView {
  @ApiProperty()
  caseId: string;

  @ApiProperty({ type: () => RecipientDecisionResponse, nullable: true, description: 'Null til vedtaksbrevet er sendt.' })
  decision: RecipientDecisionResponse | null;

  @ApiProperty({ type: String, nullable: true, description: 'Dato (norsk tid) tilskuddet må aksepteres innen, mens aksept er åpen.' })
  acceptBy: string | null;

  @ApiProperty({ type: () => CasePayoutsResponse })
  payouts: CasePayoutsResponse;
}
