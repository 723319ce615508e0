import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@imdi/auth';
import { MessageQuery, type MessageView } from '../application/message.query';
import { ResendMessage } from '../application/resend-message.service';
import { CaseIdParam, MessageIdParam, ResendMessageDto } from './messages.dto';
import { MessageResponse } from './message.response';

@ApiTags('messages')
@ApiBearerAuth()
@Controller()
export class MessagesController {
  constructor(
    private readonly query: MessageQuery,
    private readonly resender: ResendMessage,
  ) {}

  @Roles('caseworker', 'approver', 'admin')
  @Get('casework/cases/:id/messages')
  @ApiOkResponse({ type: MessageResponse, isArray: true })
  forCase(@Param() params: CaseIdParam): Promise<MessageView[]> {
    return this.query.forCase(params.id);
  }

  /** Messages that failed for good, for someone to correct and resend. */
  @Roles('caseworker', 'admin')
  @Get('messages/failed')
  @ApiOkResponse({ type: MessageResponse, isArray: true })
  failed(): Promise<MessageView[]> {
    return this.query.failed();
  }

  @Roles('caseworker', 'admin')
  @Post('messages/:id/resend')
  @HttpCode(200)
  resend(@Param() params: MessageIdParam, @Body() body: ResendMessageDto, @CurrentPrincipal() principal: Principal): Promise<MessageView> {
    return this.resender.resend(params.id, body.recipient, principal);
  }
}
