import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@imdi/auth';
import { BudgetPost, Money } from '@imdi/kernel';
import { IsCalendarDate, Omittable } from '@imdi/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BankReconciliation, type BatchReconciliation, type DiscrepancyView, type PostReconciliation } from '../application/bank-reconciliation.query';
import { ImportBankFile, type BankFileView } from '../application/import-bank-file.service';
import { BatchLinesQuery, type BatchLinesView } from '../application/batch-lines.query';
import { PaymentBatches, type BatchView } from '../application/payment-batches.service';
import { PaymentsError } from '../domain/payments.errors';
import { PayoutRuns, type PayoutRunView } from '../application/payout-runs.service';
import { ReclaimNotices, type ReclaimNoticeView } from '../application/reclaim-notices.service';
import { Reclaims, type ReclaimView } from '../application/reclaims.service';
import { ReclaimResponse } from './case-payouts.response';
import { BatchLinesResponse, BatchResponse, PayoutRunResponse } from './payout.response';

export class StartPayoutRunDto {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  budgetYear: number;

  @Matches(/^[1-9]\d{2,3}\.\d{2}$/, { message: '$property must be kap.post, e.g. 496.62' })
  budgetPost: string;

  /** Pay what is due up to and including this Oslo date; today when left out. */
  @Omittable()
  @IsCalendarDate()
  asOf?: string;
}

const NOK = /^\d{1,12}(\.\d{1,2})?$/;

export class DemandReclaimDto {
  @Matches(NOK, { message: '$property must be an amount in kroner, e.g. "25000" or "25000.50"' })
  amountNok: string;

  @IsString()
  @Length(10, 5000)
  reason: string;

  @IsCalendarDate()
  dueOn: string;

  /** The advance notice the decision follows (required when the grant was an enkeltvedtak). */
  @Omittable()
  @IsUUID()
  noticeId?: string;
}

export class ReclaimNoticeDto {
  @Matches(NOK, { message: '$property must be an amount in kroner, e.g. "25000" or "25000.50"' })
  amountNok: string;

  @IsString()
  @Length(10, 5000)
  reason: string;

  /** The last day the recipient may comment (fvl. § 16). */
  @IsCalendarDate()
  commentDeadline: string;
}

export class NoticeCommentDto {
  @IsString()
  @Length(2, 20000)
  comment: string;
}

export class ReclaimAppealDto {
  @IsString()
  @Length(10, 20000)
  grounds: string;
}

export class RepaymentDto {
  @Matches(NOK, { message: '$property must be an amount in kroner, e.g. "25000" or "25000.50"' })
  amountNok: string;

  @IsCalendarDate()
  receivedOn: string;
}

export class ReclaimListQuery {
  /** open: money still outstanding (the default); all: every demand. */
  @Omittable()
  @IsIn(['open', 'all'])
  status?: 'open' | 'all';
}

export class BatchListQuery {
  @Omittable()
  @IsIn(['prepared', 'approved'])
  status?: 'prepared' | 'approved';
}

export class BatchLinesQueryDto {
  /** Case number, organisation number or reference (part of it). */
  @Omittable()
  @IsString()
  @Length(1, 100)
  search?: string;

  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export class IdParam {
  @IsUUID()
  id: string;
}

export class ReconciliationQuery {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Matches(/^[1-9]\d{2,3}\.\d{2}$/, { message: '$property must be kap.post, e.g. 496.62' })
  post: string;

  /** The accounting status per this Oslo date; today when left out. */
  @Omittable()
  @IsCalendarDate()
  asOf?: string;
}

export class DiscrepancyQuery {
  @Omittable()
  @IsUUID()
  batchId?: string;

  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Omittable()
  @Matches(/^[1-9]\d{2,3}\.\d{2}$/, { message: '$property must be kap.post, e.g. 496.62' })
  post?: string;
}

export class BankFileListQuery {
  @Omittable()
  @IsUUID()
  batchId?: string;
}

@ApiTags('payments')
@ApiBearerAuth()
@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly runs: PayoutRuns,
    private readonly batches: PaymentBatches,
    private readonly reclaims: Reclaims,
    private readonly notices: ReclaimNotices,
    private readonly bankFiles: ImportBankFile,
    private readonly reconciliation: BankReconciliation,
    private readonly lines: BatchLinesQuery,
  ) {}

  /**
   * A file the bank sent back for our payment files: a payment status report (pain.002.001.03) or a
   * debit notification (camt.054.001.02), as the raw XML body. 201 when read in, 200 with
   * `alreadyImported` when this very file was read in before (nothing changes).
   */
  @Roles('finance')
  @Post('bank-files')
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({ description: 'pain.002.001.03 or camt.054.001.02 as XML', schema: { type: 'string', format: 'binary' } })
  async importBankFile(
    @Req() request: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BankFileView> {
    const body = request.body;
    if (!(body instanceof Readable)) {
      throw new PaymentsError(
        'BANK_FILE_UNSUPPORTED',
        'Send bankfilen som XML med Content-Type application/xml eller text/xml',
        { contentType: request.headers['content-type'] ?? null },
        'content-type',
      );
    }
    const imported = await this.bankFiles.import(body, principal);
    void reply.status(imported.alreadyImported ? 200 : 201);
    return imported;
  }

  @Roles('finance')
  @Get('bank-files')
  listBankFiles(@Query() query: BankFileListQuery): Promise<BankFileView[]> {
    return this.bankFiles.list(query.batchId);
  }

  /** Sent, accepted, booked, rejected and outstanding payments of a batch, to the øre, and its discrepancies. */
  @Roles('finance')
  @Get('batches/:id/reconciliation')
  batchReconciliation(@Param() params: IdParam): Promise<BatchReconciliation> {
    return this.reconciliation.batch(params.id);
  }

  /** The same per kap./post and year, beside the post's accounting status (paid as the bank booked it). */
  @Roles('finance')
  @Get('reconciliation')
  postReconciliation(@Query() query: ReconciliationQuery): Promise<PostReconciliation> {
    return this.reconciliation.post(query.year, BudgetPost.parse(query.post, 'post'), query.asOf);
  }

  /** What the bank did differently from what we sent: amounts, dates, entries we cannot match. */
  @Roles('finance')
  @Get('discrepancies')
  discrepancies(@Query() query: DiscrepancyQuery): Promise<DiscrepancyView[]> {
    return this.reconciliation.discrepancies({
      batchId: query.batchId,
      budgetYear: query.year,
      budgetPost: query.post ? BudgetPost.parse(query.post, 'post') : undefined,
    });
  }

  /** The batch went to the bank another way (through the accounting system): its payments are sent. */
  @Roles('finance')
  @HttpCode(200)
  @Post('batches/:id/sent')
  @ApiOkResponse({ type: BatchResponse })
  markSent(@Param() params: IdParam, @CurrentPrincipal() principal: Principal): Promise<BatchView> {
    return this.batches.markSent(params.id, principal);
  }

  /** Advance notice of a reclaim, with a deadline to comment (fvl. § 16); the letter goes to the recipient. */
  @Roles('caseworker')
  @Post('cases/:id/reclaim-notices')
  notify(@Param() params: IdParam, @Body() body: ReclaimNoticeDto, @CurrentPrincipal() principal: Principal): Promise<ReclaimNoticeView> {
    return this.notices.notify(params.id, Money.parseNok(body.amountNok, 'amountNok'), body.reason, body.commentDeadline, principal);
  }

  @Roles('caseworker', 'finance', 'applicant')
  @Get('reclaim-notices/:id')
  notice(@Param() params: IdParam, @CurrentPrincipal() principal: Principal): Promise<ReclaimNoticeView> {
    return this.notices.view(params.id, principal);
  }

  @Roles('caseworker', 'finance', 'applicant')
  @Get('reclaim-notices/:id/letter.pdf')
  async noticeLetter(@Param() params: IdParam, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const pdf = await this.notices.letter(params.id, principal);
    await reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="forhandsvarsel-${params.id}.pdf"`).send(pdf);
  }

  /** The recipient's comment on a notice (or one received by post, registered by the caseworker). */
  @Roles('applicant', 'caseworker')
  @HttpCode(200)
  @Post('reclaim-notices/:id/comments')
  commentOnNotice(@Param() params: IdParam, @Body() body: NoticeCommentDto, @CurrentPrincipal() principal: Principal): Promise<ReclaimNoticeView> {
    return this.notices.comment(params.id, body.comment, principal);
  }

  /** Demand repayment of unused or misused funds on a paid case: the reclaim decision. */
  @Roles('caseworker')
  @Post('cases/:id/reclaims')
  demand(@Param() params: IdParam, @Body() body: DemandReclaimDto, @CurrentPrincipal() principal: Principal): Promise<ReclaimView> {
    return this.reclaims.demand(params.id, Money.parseNok(body.amountNok, 'amountNok'), body.reason, body.dueOn, body.noticeId, principal);
  }

  /** The decision letter as it was sent to the recipient (PDF/A); an applicant sees only their own organisation's. */
  @Roles('caseworker', 'finance', 'applicant')
  @Get('reclaims/:id/letter.pdf')
  async reclaimLetter(@Param() params: IdParam, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const letter = await this.reclaims.letter(params.id, principal);
    await reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${letter.fileName}"`).send(letter.content);
  }

  /** The recipient appeals a reclaim that is an enkeltvedtak (fvl. § 28–29). */
  @Roles('applicant')
  @Post('reclaims/:id/appeal')
  appealReclaim(@Param() params: IdParam, @Body() body: ReclaimAppealDto, @CurrentPrincipal() principal: Principal): Promise<ReclaimView> {
    return this.reclaims.appeal(params.id, body.grounds, principal);
  }

  @Roles('finance')
  @Post('reclaims/:id/repayments')
  @ApiCreatedResponse({ type: ReclaimResponse })
  repay(@Param() params: IdParam, @Body() body: RepaymentDto, @CurrentPrincipal() principal: Principal): Promise<ReclaimView> {
    return this.reclaims.registerRepayment(params.id, Money.parseNok(body.amountNok, 'amountNok'), body.receivedOn, principal);
  }

  /** Reclaims by due date, with what is repaid and outstanding: open ones (the default) or all. */
  @Roles('finance', 'caseworker')
  @Get('reclaims')
  @ApiOkResponse({ type: ReclaimResponse, isArray: true })
  listReclaims(@Query() query: ReclaimListQuery): Promise<ReclaimView[]> {
    return this.reclaims.list(query.status ?? 'open');
  }

  @Roles('finance', 'caseworker')
  @Get('reclaims/overdue')
  @ApiOkResponse({ type: ReclaimResponse, isArray: true })
  overdue(): Promise<ReclaimView[]> {
    return this.reclaims.overdue();
  }

  @Roles('finance')
  @HttpCode(202)
  @Post('runs')
  @ApiAcceptedResponse({ type: PayoutRunResponse })
  start(@Body() body: StartPayoutRunDto, @CurrentPrincipal() principal: Principal): Promise<PayoutRunView> {
    return this.runs.start(body.budgetYear, BudgetPost.parse(body.budgetPost, 'budgetPost'), body.asOf, principal);
  }

  @Roles('finance')
  @Get('runs')
  @ApiOkResponse({ type: PayoutRunResponse, isArray: true })
  listRuns(): Promise<PayoutRunView[]> {
    return this.runs.list();
  }

  @Roles('finance')
  @Get('runs/:id')
  @ApiOkResponse({ type: PayoutRunResponse })
  run(@Param() params: IdParam): Promise<PayoutRunView> {
    return this.runs.view(params.id);
  }

  @Roles('finance')
  @Get('batches')
  @ApiOkResponse({ type: BatchResponse, isArray: true })
  listBatches(@Query() query: BatchListQuery): Promise<BatchView[]> {
    return this.batches.list(query.status);
  }

  @Roles('finance')
  @Get('batches/:id')
  @ApiOkResponse({ type: BatchResponse })
  batch(@Param() params: IdParam): Promise<BatchView> {
    return this.batches.view(params.id);
  }

  /** The batch's payments (payee, account, amount, reference, case) and totals per kap./post, to check before approving. */
  @Roles('finance')
  @Get('batches/:id/lines')
  @ApiOkResponse({ type: BatchLinesResponse })
  batchLines(@Param() params: IdParam, @Query() query: BatchLinesQueryDto): Promise<BatchLinesView> {
    return this.lines.view(params.id, query);
  }

  @Roles('finance')
  @HttpCode(200)
  @Post('batches/:id/approve')
  @ApiOkResponse({ type: BatchResponse })
  approve(@Param() params: IdParam, @CurrentPrincipal() principal: Principal): Promise<BatchView> {
    return this.batches.approve(params.id, principal);
  }

  @Roles('finance')
  @Get('batches/:id/pain001.xml')
  async pain001(@Param() params: IdParam, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const chunks = this.batches.pain001(params.id);
    const first = await chunks.next(); // surfaces a refusal (not approved) before any byte is sent
    // The file is on its way to the bank: from now on the bank's answers to it are expected.
    await this.batches.markSent(params.id, principal);
    await reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="pain001-${params.id}.xml"`)
      .send(Readable.from(prepend(first, chunks)));
  }

  @Roles('finance')
  @Get('batches/:id/utbetalingsgrunnlag.csv')
  async accounting(@Param() params: IdParam, @Res() reply: FastifyReply): Promise<void> {
    const chunks = this.batches.accountingBasis(params.id);
    const first = await chunks.next();
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="utbetalingsgrunnlag-${params.id}.csv"`)
      .send(Readable.from(prepend(first, chunks)));
  }
}

async function* prepend(first: IteratorResult<string>, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  if (!first.done) yield first.value;
  yield* rest;
}
