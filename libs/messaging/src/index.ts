export { MessagingModule } from './messaging.module';
export { Messages, type LetterRequest, type MessageRequest } from './application/messages.service';
export { DigitalPostStatusSchedule } from './application/poll-digital-post.handler';
export { MessageQuery, type MessageView } from './application/message.query';
export { MessageResponse } from './api/message.response';
export { DELIVER_MESSAGE, POLL_DIGITAL_POST } from './application/messaging.jobs';
export type { DigitalLetter, Language, MessageKind, MessageState, MessageStatusReport, MessageText, MessageTexts } from './domain/message';
export { MessagingError, MESSAGING_ERROR_STATUSES, type MessagingErrorCode } from './domain/messaging.errors';
