import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@imdi/auth';
import { BudgetPost } from '@imdi/kernel';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { PaymentBatches, type BatchView } from '../application/payment-batches.service';
import { PayoutRuns, type PayoutRunView } from '../application/payout-runs.service';

export class StartPayoutRunDto {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  budgetYear: number;

  @Matches(/^[1-9]\d{2,3}\.\d{2}$/, { message: '$property must be kap.post, e.g. 496.62' })
  budgetPost: string;

  /** Pay what is due up to and including this Oslo date; today when left out. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  asOf?: string;
}

export class IdParam {
  @IsUUID()
  id: string;
}

@ApiTags('payments')
@ApiBearerAuth()
@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly runs: PayoutRuns,
    private readonly batches: PaymentBatches,
  ) {}

  @Roles('finance')
  @HttpCode(202)
  @Post('runs')
  start(@Body() body: StartPayoutRunDto, @CurrentPrincipal() principal: Principal): Promise<PayoutRunView> {
    return this.runs.start(body.budgetYear, BudgetPost.parse(body.budgetPost, 'budgetPost'), body.asOf, principal);
  }

  @Roles('finance')
  @Get('runs/:id')
  run(@Param() params: IdParam): Promise<PayoutRunView> {
    return this.runs.view(params.id);
  }

  @Roles('finance')
  @Get('batches/:id')
  batch(@Param() params: IdParam): Promise<BatchView> {
    return this.batches.view(params.id);
  }

  @Roles('finance')
  @HttpCode(200)
  @Post('batches/:id/approve')
  approve(@Param() params: IdParam, @CurrentPrincipal() principal: Principal): Promise<BatchView> {
    return this.batches.approve(params.id, principal);
  }

  @Roles('finance')
  @Get('batches/:id/pain001.xml')
  async pain001(@Param() params: IdParam, @Res() reply: FastifyReply): Promise<void> {
    const chunks = this.batches.pain001(params.id);
    const first = await chunks.next(); // surfaces a refusal (not approved) before any byte is sent
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
