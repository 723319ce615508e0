import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@imdi/auth';
import { BudgetPost } from '@imdi/kernel';
import type { FastifyReply } from 'fastify';
import { ReportRuns, type ReportRunView } from '../application/report-runs.service';
import { ReportIdParam, ReportListQuery, RequestReportDto } from './reports.dto';
import { ReportRunResponse } from './report-run.response';

const MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** The ministry reads reports; finance and the system owner also order them. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly runs: ReportRuns) {}

  @Roles('finance', 'admin', 'ministry')
  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReportRunResponse })
  request(@Body() body: RequestReportDto, @CurrentPrincipal() principal: Principal): Promise<ReportRunView> {
    const post = body.budgetPost ? BudgetPost.parse(body.budgetPost, 'budgetPost') : null;
    return this.runs.request(body.kind, body.budgetYear, post, body.asOf, principal);
  }

  @Roles('finance', 'admin', 'ministry')
  @Get()
  @ApiOkResponse({ type: ReportRunResponse, isArray: true })
  recent(@Query() query: ReportListQuery): Promise<ReportRunView[]> {
    return this.runs.recent(query.budgetYear);
  }

  @Roles('finance', 'admin', 'ministry')
  @Get(':id')
  @ApiOkResponse({ type: ReportRunResponse })
  get(@Param() params: ReportIdParam): Promise<ReportRunView> {
    return this.runs.get(params.id);
  }

  @Roles('finance', 'admin', 'ministry')
  @Get(':id/report.xlsx')
  async xlsx(@Param() params: ReportIdParam, @Res() reply: FastifyReply): Promise<void> {
    await this.send(params.id, 'xlsx', reply);
  }

  @Roles('finance', 'admin', 'ministry')
  @Get(':id/report.pdf')
  async pdf(@Param() params: ReportIdParam, @Res() reply: FastifyReply): Promise<void> {
    await this.send(params.id, 'pdf', reply);
  }

  private async send(id: string, format: 'xlsx' | 'pdf', reply: FastifyReply): Promise<void> {
    const file = await this.runs.file(id, format);
    await reply.header('content-type', MEDIA_TYPES[format]).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.content);
  }
}
