import { DomainError } from '@imdi/kernel';

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

/** One exhaustive mapping: a new code does not compile until it has a status. */
export function messagingErrorStatus(code: MessagingErrorCode): number {
  switch (code) {
    case 'MESSAGE_NOT_FOUND':
      return 404;
    case 'MESSAGE_NOT_FAILED':
      return 409;
    case 'RECIPIENT_NOT_FOR_CHANNEL':
      return 400;
  }
}
