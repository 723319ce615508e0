import { ApiProperty } from '@nestjs/swagger';
import { CasePayoutsResponse } from '@imdi/payments';
import type { RecipientAppealView, RecipientCaseView } from '../application/recipient-case.query';
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

/** The ministry's decision as appeal body on a forwarded klage. */
export class RecipientMinistryDecisionResponse {
  @ApiProperty({ enum: ['upheld', 'reversed'], description: 'upheld: vedtaket står; reversed: klageren fikk medhold, og IMDi behandler saken på nytt.' })
  outcome: 'upheld' | 'reversed';

  @ApiProperty({ description: 'Departementets begrunnelse.' })
  reasons: string;

  @ApiProperty({ description: 'Når departementet avgjorde klagen.' })
  decidedAt: string;
}

/** The recipient's latest appeal of the decision and what became of it. */
export class RecipientAppealResponse implements RecipientAppealView {
  @ApiProperty({ enum: ['klage', 'renewed-assessment'], description: 'klage (enkeltvedtak) eller fornyet vurdering.' })
  kind: 'klage' | 'renewed-assessment';

  @ApiProperty({ description: 'Når klagen kom inn.' })
  receivedAt: string;

  @ApiProperty({ description: 'Klagen kom etter klagefristen på tre uker.' })
  late: boolean;

  @ApiProperty({ enum: ['reversed', 'upheld'], nullable: true, description: 'IMDis svar; null mens IMDi vurderer klagen.' })
  imdiOutcome: 'reversed' | 'upheld' | null;

  @ApiProperty({ type: String, nullable: true, description: 'Når IMDi svarte på klagen.' })
  imdiDecidedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Når klagen ble sendt til departementet som klageinstans.' })
  forwardedAt: string | null;

  @ApiProperty({ type: () => RecipientMinistryDecisionResponse, nullable: true, description: 'Null til departementet har avgjort klagen.' })
  ministryDecision: RecipientMinistryDecisionResponse | null;
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

  @ApiProperty({ type: () => RecipientAppealResponse, nullable: true, description: 'Den siste klagen på vedtaket; null når saken ikke er påklaget.' })
  appeal: RecipientAppealResponse | null;
}
