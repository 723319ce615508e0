import { Module } from '@nestjs/common';
import { domainErrorStatuses, jobDefinitions } from '@imdi/platform';
import { MessagesController } from './api/messages.controller';
import { DeliverMessageHandler } from './application/deliver-message.handler';
import { MessageQuery } from './application/message.query';
import { MessageStatusReporter } from './application/message-status.reporter';
import { Messages } from './application/messages.service';
import { ResendMessage } from './application/resend-message.service';
import * as messagingJobs from './application/messaging.jobs';
import { MessagingError, MESSAGING_ERROR_STATUSES } from './domain/messaging.errors';
import { MessageRepository } from './infrastructure/message.repository';
import { MessageTransport } from './infrastructure/message.transport';
import { SmtpMailTransport } from './infrastructure/smtp-mail.transport';

@Module({
  controllers: [MessagesController],
  providers: [
    domainErrorStatuses(MessagingError, MESSAGING_ERROR_STATUSES),
    jobDefinitions(...Object.values(messagingJobs)),
    MessageRepository,
    Messages,
    MessageQuery,
    MessageStatusReporter,
    ResendMessage,
    DeliverMessageHandler,
    { provide: MessageTransport, useClass: SmtpMailTransport },
  ],
  exports: [Messages, MessageQuery],
})
export class MessagingModule {}
