export { MessagingModule } from './messaging.module';
export { Messages, type MessageRequest } from './application/messages.service';
export { MessageQuery, type MessageView } from './application/message.query';
export { DELIVER_MESSAGE } from './application/messaging.jobs';
export type { Language, MessageKind, MessageState, MessageStatusReport, MessageText, MessageTexts } from './domain/message';
export { MessagingError, MESSAGING_ERROR_STATUSES, type MessagingErrorCode } from './domain/messaging.errors';
