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
import { ChannelTransport } from './infrastructure/channel.transport';
import { EformidlingTransport } from './infrastructure/eformidling.transport';
import { MessageTransport } from './infrastructure/message.transport';
import { SmtpMailTransport } from './infrastructure/smtp-mail.transport';
import { PollDigitalPostHandler } from './application/poll-digital-post.handler';

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
    PollDigitalPostHandler,
    SmtpMailTransport,
    EformidlingTransport,
    { provide: MessageTransport, useClass: ChannelTransport },
  ],
  exports: [Messages, MessageQuery],
})
export class MessagingModule {}
