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
  | 'RECORDS_INVALID'
  | 'RECORD_NOT_FOUND'
  | 'RECORD_UNCHANGED'
  | 'NOT_PER_CAPITA'
  | 'PERIOD_UNKNOWN'
  | 'CONCURRENT_SETTLEMENT'
  | 'NOTICE_REQUIRED'
  | 'NOTICE_NOT_FOUND'
  | 'NOTICE_USED'
  | 'NOTICE_PERIOD_OPEN'
  | 'NOTICE_ALREADY_ANSWERED'
  | 'RECLAIM_EXCEEDS_NOTICE'
  | 'COMMENT_DEADLINE_TOO_SHORT'
  | 'NOT_APPEALABLE'
  | 'RECLAIM_ALREADY_APPEALED'
  | 'APPEAL_TOO_LATE'
  | 'BANK_FILE_UNSUPPORTED'
  | 'BANK_FILE_MALFORMED'
  | 'BANK_FILE_SCHEMA_INVALID'
  | 'BANK_FILE_TOO_LARGE'
  | 'BANK_FILE_UNKNOWN_BATCH'
  | 'BANK_FILE_UNKNOWN_PAYMENT'
  | 'BANK_FILE_NOT_NOK'
  | 'BANK_FILE_MESSAGE_REUSED'
  | 'BATCH_NOT_SENT'
  | 'BANK_FILE_NOT_FOUND';

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
    case 'RECORD_NOT_FOUND':
    case 'NOTICE_NOT_FOUND':
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
    case 'RECORD_UNCHANGED':
    case 'NOT_PER_CAPITA':
    case 'PERIOD_UNKNOWN':
      return 422;
    case 'CONCURRENT_SETTLEMENT':
    case 'NOTICE_REQUIRED':
    case 'NOTICE_USED':
    case 'NOTICE_PERIOD_OPEN':
    case 'NOTICE_ALREADY_ANSWERED':
    case 'NOT_APPEALABLE':
    case 'RECLAIM_ALREADY_APPEALED':
    case 'APPEAL_TOO_LATE':
      return 409;
    case 'RECLAIM_EXCEEDS_NOTICE':
    case 'COMMENT_DEADLINE_TOO_SHORT':
      return 422;
    case 'BANK_FILE_UNSUPPORTED':
      return 415;
    case 'BANK_FILE_MALFORMED':
    case 'BANK_FILE_SCHEMA_INVALID':
      return 400;
    case 'BANK_FILE_TOO_LARGE':
      return 413;
    case 'BANK_FILE_UNKNOWN_BATCH':
    case 'BANK_FILE_UNKNOWN_PAYMENT':
    case 'BANK_FILE_NOT_NOK':
      return 422;
    case 'BANK_FILE_MESSAGE_REUSED':
    case 'BATCH_NOT_SENT':
      return 409;
    case 'BANK_FILE_NOT_FOUND':
      return 404;
  }
}
