import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@imdi/auth';
import { AcceptsFile } from '@imdi/platform';
import type { FastifyReply } from 'fastify';
import { scopeOf } from '../application/applicant-scope';
import { ApplicationQuery, type ApplicationDetail, type ApplicationSummary } from '../application/application.query';
import { Attachments } from '../application/attachments.service';
import { ApplicationCaseActions } from '../application/case-actions.service';
import { Drafts } from '../application/drafts.service';
import { SubmitApplication, type SubmissionResult } from '../application/submit-application.service';
import { ATTACHMENT_BODY_LIMIT_BYTES } from '../domain/attachment-policy';
import { IntakeError } from '../domain/intake.errors';
import { ApplicationCreatedResponse, ApplicationDetailResponse, ApplicationSummaryResponse } from './application.response';
import { ApplicationIdParam, AttachmentParams, CreateDraftDto, RejectFormallyDto, SaveDraftDto, UploadQuery, WithdrawDto } from './intake.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly drafts: Drafts,
    private readonly attachments: Attachments,
    private readonly submission: SubmitApplication,
    private readonly actions: ApplicationCaseActions,
    private readonly query: ApplicationQuery,
  ) {}

  @Roles('applicant')
  @Post()
  @ApiCreatedResponse({ type: ApplicationCreatedResponse })
  createDraft(@Body() body: CreateDraftDto, @CurrentPrincipal() principal: Principal): Promise<{ id: string }> {
    return this.drafts.create(body, principal);
  }

  @Roles('applicant')
  @Get()
  @ApiOkResponse({ type: ApplicationSummaryResponse, isArray: true })
  mine(@CurrentPrincipal() principal: Principal): Promise<ApplicationSummary[]> {
    return this.query.listMine(principal);
  }

  @Roles('applicant', 'caseworker', 'approver', 'admin')
  @Get(':id')
  @ApiOkResponse({ type: ApplicationDetailResponse })
  get(@Param() params: ApplicationIdParam, @CurrentPrincipal() principal: Principal): Promise<ApplicationDetail> {
    return this.query.get(params.id, principal);
  }

  @Roles('applicant')
  @HttpCode(204)
  @Put(':id/form')
  async saveDraft(@Param() params: ApplicationIdParam, @Body() body: SaveDraftDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.drafts.save(params.id, body.form, principal);
  }

  /** The file is the raw request body; its name comes in ?fileName=. Its type is judged by content. */
  @Roles('applicant')
  @AcceptsFile(['application/octet-stream'], ATTACHMENT_BODY_LIMIT_BYTES)
  @Post(':id/attachments')
  upload(@Param() params: ApplicationIdParam, @Query() query: UploadQuery, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    if (!Buffer.isBuffer(body))
      throw new IntakeError(
        'ATTACHMENT_TYPE_NOT_ALLOWED',
        'Send filen som selve innholdet i forespørselen (Content-Type: application/octet-stream).',
        {},
        'file',
      );
    return this.attachments.upload(params.id, query.fileName, body, principal);
  }

  @Roles('applicant', 'caseworker', 'approver', 'admin')
  @Get(':id/attachments/:attachmentId')
  async download(@Param() params: AttachmentParams, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.query.attachment(params.id, params.attachmentId, principal);
    await reply
      .header('content-type', file.mediaType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  }

  @Roles('applicant')
  @Post(':id/submit')
  submit(
    @Param() params: ApplicationIdParam,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubmissionResult> {
    return this.submission.execute(params.id, key, principal);
  }

  @Roles('applicant', 'caseworker', 'approver', 'admin')
  @Get(':id/receipt')
  async receipt(@Param() params: ApplicationIdParam, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const receipt = await this.query.receipt(params.id, scopeOf(principal));
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="kvittering-${receipt.caseNumber.replace('/', '-')}.pdf"`)
      .header('x-content-sha256', receipt.sha256)
      .send(receipt.pdf);
  }

  @Roles('applicant')
  @HttpCode(200)
  @Post(':id/withdraw')
  async withdraw(@Param() params: ApplicationIdParam, @Body() body: WithdrawDto, @CurrentPrincipal() principal: Principal) {
    const file = await this.actions.withdraw(params.id, body.reason, principal);
    return { id: file.id, status: file.status };
  }

  @Roles('caseworker')
  @HttpCode(200)
  @Post(':id/reject-formally')
  async rejectFormally(@Param() params: ApplicationIdParam, @Body() body: RejectFormallyDto, @CurrentPrincipal() principal: Principal) {
    const file = await this.actions.rejectFormally(params.id, body.reason, body.legalBasis, principal);
    return { id: file.id, status: file.status };
  }
}
