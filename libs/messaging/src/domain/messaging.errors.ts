import { DomainError, type RefusalStatus } from '@imdi/kernel';

export type MessagingErrorCode = 'MESSAGE_NOT_FOUND' | 'MESSAGE_NOT_FAILED' | 'RECIPIENT_NOT_FOR_CHANNEL';

export class MessagingError extends DomainError<MessagingErrorCode> {
  constructor(
    readonly code: MessagingErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    field?: string,
  ) {
    super(message, field);
  }
}

/** One exhaustive table: a new code does not compile until it has a status, and the api checks it at start-up. */
export const MESSAGING_ERROR_STATUSES = {
  MESSAGE_NOT_FOUND: 404,
  MESSAGE_NOT_FAILED: 409,
  RECIPIENT_NOT_FOR_CHANNEL: 400,
} as const satisfies Record<MessagingErrorCode, RefusalStatus>;
