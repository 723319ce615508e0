import { DomainError } from '@imdi/kernel';

export type PaymentsErrorCode =
  | 'BATCH_NOT_FOUND'
  | 'RUN_NOT_FOUND'
  | 'FOUR_EYES'
  | 'BATCH_NOT_APPROVED'
  | 'BATCH_ALREADY_APPROVED'
  | 'RUN_NOT_COMPLETED'
  | 'RECLAIM_NOT_FOUND'
  | 'NOTHING_PAID'
  | 'RECLAIM_EXCEEDS_PAID'
  | 'RATES_NOT_CONFIRMED'
  | 'RECORDS_INVALID';

export class PaymentsError extends DomainError<PaymentsErrorCode> {
  constructor(
    readonly code: PaymentsErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    field?: string,
  ) {
    super(message, field);
  }
}

export function paymentsErrorStatus(code: PaymentsErrorCode): number {
  switch (code) {
    case 'BATCH_NOT_FOUND':
    case 'RUN_NOT_FOUND':
    case 'RECLAIM_NOT_FOUND':
      return 404;
    case 'FOUR_EYES':
      return 403;
    case 'BATCH_NOT_APPROVED':
    case 'BATCH_ALREADY_APPROVED':
    case 'RUN_NOT_COMPLETED':
    case 'NOTHING_PAID':
      return 409;
    case 'RECLAIM_EXCEEDS_PAID':
      return 422;
    case 'RATES_NOT_CONFIRMED':
      return 409;
    case 'RECORDS_INVALID':
      return 400;
  }
}
