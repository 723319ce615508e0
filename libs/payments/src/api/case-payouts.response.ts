import { ApiProperty } from '@nestjs/swagger';
import type { CasePaymentView } from '../application/bank-reconciliation.query';
import type { CaseInstalmentView, CasePayoutsView } from '../application/case-payouts.query';
import type { ReclaimNoticeView } from '../application/reclaim-notices.service';
import type { ReclaimView } from '../application/reclaims.service';
import { BANK_PAYMENT_STATUSES, type BankPaymentStatus } from '../domain/bank-payment-status';

/*
 * The answers about a case's payouts as the OpenAPI document describes them (the web's types are
 * generated from it). Each class implements the view it describes, so the two cannot drift apart.
 */

export class CaseInstalmentResponse implements CaseInstalmentView {
  @ApiProperty({ description: 'Delutbetalingens nummer i planen, fra 1.' })
  sequence: number;

  @ApiProperty({ example: '120000.00' })
  amountNok: string;

  @ApiProperty({ type: String, nullable: true, description: 'Forfallsdato (norsk tid); null mens den holdes tilbake.' })
  dueOn: string | null;

  @ApiProperty({ enum: ['report-approved', 'account-corrected'], nullable: true })
  heldUntil: 'report-approved' | 'account-corrected' | null;

  @ApiProperty()
  paid: boolean;
}

export class PaymentRejectionResponse {
  @ApiProperty()
  code: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ enum: ['due', 'waiting-for-new-account', 'paid'] })
  paidAgain: 'due' | 'waiting-for-new-account' | 'paid';
}

export class CasePaymentResponse implements CasePaymentView {
  @ApiProperty()
  paymentId: string;

  @ApiProperty()
  instalmentSequence: number;

  @ApiProperty({ example: '120000.00' })
  amountNok: string;

  @ApiProperty()
  executionDate: string;

  @ApiProperty({ enum: BANK_PAYMENT_STATUSES })
  status: BankPaymentStatus;

  @ApiProperty({ description: 'Statusen i klartekst.' })
  statusText: string;

  @ApiProperty({ type: String, nullable: true })
  bookedOn: string | null;

  @ApiProperty({ type: () => PaymentRejectionResponse, nullable: true })
  rejection: PaymentRejectionResponse | null;
}

export class ReclaimNoticeResponse implements ReclaimNoticeView {
  @ApiProperty()
  id: string;

  @ApiProperty()
  caseId: string;

  @ApiProperty({ example: '20000.00' })
  amountNok: string;

  @ApiProperty()
  reason: string;

  @ApiProperty()
  commentDeadline: string;

  @ApiProperty({ type: String, nullable: true, description: 'Vår referanse: saksnummer og dokumentnummer.' })
  ourReference: string | null;

  @ApiProperty()
  notifiedAt: string;

  @ApiProperty({ type: String, nullable: true })
  comment: string | null;

  @ApiProperty({ type: String, nullable: true })
  commentReceivedAt: string | null;

  @ApiProperty()
  commentPeriodOver: boolean;

  @ApiProperty({ type: String, nullable: true })
  reclaimId: string | null;
}

export class ReclaimAppealResponse {
  @ApiProperty()
  grounds: string;

  @ApiProperty()
  appealedAt: string;

  @ApiProperty()
  late: boolean;
}

export class ReclaimResponse implements ReclaimView {
  @ApiProperty()
  id: string;

  @ApiProperty()
  caseId: string;

  @ApiProperty()
  caseNumber: string;

  @ApiProperty({ example: '20000.00' })
  amountNok: string;

  @ApiProperty({ example: '0.00' })
  repaidNok: string;

  @ApiProperty({ example: '20000.00' })
  outstandingNok: string;

  @ApiProperty()
  reason: string;

  @ApiProperty()
  dueOn: string;

  @ApiProperty()
  overdue: boolean;

  @ApiProperty({ type: String, nullable: true })
  noticeId: string | null;

  @ApiProperty()
  enkeltvedtak: boolean;

  @ApiProperty({ type: String, nullable: true })
  appealDeadline: string | null;

  @ApiProperty({ type: () => ReclaimAppealResponse, nullable: true })
  appeal: ReclaimAppealResponse | null;

  @ApiProperty({ type: String, nullable: true, description: '«Vår ref.» i vedtaksbrevet; null for vedtak fattet før brevene ble tatt vare på.' })
  ourReference: string | null;
}

export class CasePayoutsResponse implements CasePayoutsView {
  @ApiProperty({ type: () => CaseInstalmentResponse, isArray: true })
  instalments: CaseInstalmentResponse[];

  @ApiProperty({ type: () => CasePaymentResponse, isArray: true })
  payments: CasePaymentResponse[];

  @ApiProperty({ type: () => ReclaimNoticeResponse, isArray: true })
  reclaimNotices: ReclaimNoticeResponse[];

  @ApiProperty({ type: () => ReclaimResponse, isArray: true })
  reclaims: ReclaimResponse[];
}
