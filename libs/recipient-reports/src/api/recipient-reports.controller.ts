import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@imdi/auth';
import { ATTACHMENT_BODY_LIMIT_BYTES } from '@imdi/intake';
import { AcceptsFile } from '@imdi/platform';
import type { FastifyReply } from 'fastify';
import { RecipientReports, type RecipientReportView } from '../application/recipient-reports.service';
import { RecipientReportError } from '../domain/recipient-report.errors';
import { RecipientReportResponse, ReportAttachmentCreatedResponse } from './recipient-report.response';
import { CaseIdParam, ReportAttachmentParams, ReportAttachmentQuery, ReviewReportDto, SubmitRecipientReportDto, WorklistQuery } from './recipient-reports.dto';

@ApiTags('recipient reports')
@ApiBearerAuth()
@Controller()
export class RecipientReportsController {
  constructor(private readonly reports: RecipientReports) {}

  @Roles('applicant')
  @Get('recipient-reports')
  @ApiOkResponse({ type: RecipientReportResponse, isArray: true })
  mine(@CurrentPrincipal() principal: Principal): Promise<RecipientReportView[]> {
    return this.reports.mine(principal);
  }

  @Roles('caseworker', 'approver', 'admin')
  @Get('casework/recipient-reports')
  @ApiOkResponse({ type: RecipientReportResponse, isArray: true })
  worklist(@Query() query: WorklistQuery): Promise<RecipientReportView[]> {
    return this.reports.worklist(query);
  }

  @Roles('applicant', 'caseworker', 'approver', 'admin')
  @Get('cases/:id/report')
  @ApiOkResponse({ type: RecipientReportResponse })
  get(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal): Promise<RecipientReportView> {
    return this.reports.get(params.id, principal);
  }

  @Roles('applicant')
  @Post('cases/:id/report')
  @ApiCreatedResponse({ type: RecipientReportResponse })
  submit(@Param() params: CaseIdParam, @Body() body: SubmitRecipientReportDto, @CurrentPrincipal() principal: Principal): Promise<RecipientReportView> {
    return this.reports.submit(params.id, body, principal);
  }

  @Roles('applicant')
  @AcceptsFile(['application/octet-stream'], ATTACHMENT_BODY_LIMIT_BYTES)
  @Post('cases/:id/report/attachments')
  @ApiCreatedResponse({ type: ReportAttachmentCreatedResponse })
  attach(
    @Param() params: CaseIdParam,
    @Query() query: ReportAttachmentQuery,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ id: string }> {
    if (!Buffer.isBuffer(body))
      throw new RecipientReportError(
        'REPORT_INCOMPLETE',
        'Send filen som selve innholdet i forespørselen (Content-Type: application/octet-stream).',
        {},
        'file',
      );
    return this.reports.attach(params.id, query.fileName, body, principal);
  }

  /** The caseworker opens what the recipient attached before judging the report. */
  @Roles('applicant', 'caseworker', 'approver', 'admin')
  @Get('cases/:id/report/attachments/:attachmentId')
  async download(@Param() params: ReportAttachmentParams, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.reports.attachment(params.id, params.attachmentId, principal);
    await reply
      .header('content-type', file.mediaType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  }

  @Roles('caseworker')
  @Post('casework/cases/:id/report/approve')
  @ApiCreatedResponse({ type: RecipientReportResponse })
  approve(@Param() params: CaseIdParam, @Body() body: ReviewReportDto, @CurrentPrincipal() principal: Principal): Promise<RecipientReportView> {
    return this.reports.approve(params.id, body.comment, principal);
  }

  @Roles('caseworker')
  @Post('casework/cases/:id/report/request-more')
  @ApiCreatedResponse({ type: RecipientReportResponse })
  requestMore(@Param() params: CaseIdParam, @Body() body: ReviewReportDto, @CurrentPrincipal() principal: Principal): Promise<RecipientReportView> {
    return this.reports.requestMore(params.id, body.comment, principal);
  }
}
