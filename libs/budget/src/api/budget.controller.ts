import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@imdi/auth';
import { BudgetPost } from '@imdi/kernel';
import { AcceptsFile, DEFAULT_BODY_LIMIT_BYTES } from '@imdi/platform';
import { BudgetForecastQuery, type BudgetForecastView } from '../application/budget-forecast.query';
import { BudgetStatusResponse, BudgetYearsResponse } from './budget-status.response';
import { AllocationImportResponse, DayTotalsVerificationResponse } from './budget-admin.response';
import { CarryOverUnusedFunds, type CarryOverResult } from '../application/carry-over.service';
import { ImportAllocationLetter, type ImportResult } from '../application/import-allocation-letter.service';
import { ResponsibleMinistryQuery } from '../application/responsible-ministry.query';
import type { ResponsibleMinistry } from '../domain/allocation-letter';
import { BudgetError } from '../domain/budget.errors';
import { BudgetRepository } from '../infrastructure/budget.repository';
import { DataSource } from 'typeorm';
import { CsvFormatError, parseAllocationCsv } from '../domain/allocation-letter.csv';
import {
  BudgetStatusQueryDto,
  BudgetYearParam,
  CarryOverParams,
  ImportAllocationCsvQuery,
  ImportAllocationLetterDto,
  ResponsibleMinistryDto,
} from './import-allocation-letter.dto';

@ApiTags('budget')
@ApiBearerAuth()
@Controller()
export class BudgetController {
  constructor(
    private readonly status: BudgetForecastQuery,
    private readonly importLetter: ImportAllocationLetter,
    private readonly carryOver: CarryOverUnusedFunds,
    private readonly repository: BudgetRepository,
    private readonly dataSource: DataSource,
    private readonly ministries: ResponsibleMinistryQuery,
  ) {}

  /** The ministry IMDi answered to that year: appeal body in letters, recipient of pre-notifications. */
  @Roles('finance', 'admin', 'ministry', 'caseworker', 'approver')
  @Get('budget/:year/ministry')
  ministry(@Param() params: BudgetYearParam): Promise<ResponsibleMinistry> {
    return this.ministries.forYear(params.year);
  }

  @Roles('admin')
  @Put('admin/budget/:year/ministry')
  setMinistry(@Param() params: BudgetYearParam, @Body() body: ResponsibleMinistryDto, @CurrentPrincipal() principal: Principal): Promise<ResponsibleMinistry> {
    return this.ministries.set(params.year, { name: body.name, shortName: body.shortName, postalAddress: body.postalAddress, email: body.email }, principal);
  }

  /** The years that have frames, so a reader can pick one that exists. */
  @Roles('finance', 'admin', 'ministry')
  @Get('budget')
  @ApiOkResponse({ type: BudgetYearsResponse })
  async budgetYears(): Promise<BudgetYearsResponse> {
    return { years: await this.repository.years(this.dataSource.manager) };
  }

  /**
   * Frame, earmarked, committed, paid, reclaimed and available per kap./post, each with its year-end
   * forecast: paid + planned instalments of the year not yet paid + what per-capita runs will still pay.
   */
  @Roles('finance', 'admin', 'ministry')
  @Get('budget/:year')
  @ApiOkResponse({ type: BudgetStatusResponse })
  budgetStatus(@Param() params: BudgetYearParam, @Query() query: BudgetStatusQueryDto): Promise<BudgetForecastView> {
    return this.status.forYear(params.year, query.asOf);
  }

  @Roles('admin')
  @Post('admin/budget/allocation-letters')
  @ApiCreatedResponse({ type: AllocationImportResponse })
  importJson(@Body() document: ImportAllocationLetterDto, @CurrentPrincipal() principal: Principal): Promise<ImportResult> {
    return this.importLetter.execute(document, principal);
  }

  /** The same import from CSV (text/csv body); year and source come in the query. */
  @Roles('admin')
  @AcceptsFile(['text/csv'], DEFAULT_BODY_LIMIT_BYTES)
  @Post('admin/budget/allocation-letters/csv')
  @ApiCreatedResponse({ type: AllocationImportResponse })
  importCsv(
    @Query() query: ImportAllocationCsvQuery,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImportResult> {
    if (!contentType?.startsWith('text/csv') || typeof body !== 'string') {
      throw new BudgetError('ALLOCATION_INVALID', 'Send CSV-filen som innholdet i forespørselen, med Content-Type: text/csv.', {}, 'body');
    }
    try {
      return this.importLetter.execute(parseAllocationCsv(body, query.year, query.source), principal);
    } catch (error) {
      if (error instanceof CsvFormatError) throw new BudgetError('ALLOCATION_INVALID', error.message, {}, 'body');
      throw error;
    }
  }

  /**
   * The day totals every status reads, summed again from the ledger entries: an empty list means
   * they agree to the øre; otherwise each day that differs is named.
   */
  @Roles('admin')
  @Get('admin/budget/day-totals/verify')
  @ApiOkResponse({ type: DayTotalsVerificationResponse })
  async verifyDayTotals(): Promise<DayTotalsVerificationResponse> {
    const differences = await this.repository.dayTotalsDrift(this.dataSource.manager);
    return { consistent: differences.length === 0, differences };
  }

  @Roles('admin')
  @HttpCode(200)
  @Post('admin/budget/:year/posts/:budgetPost/carry-over')
  carryOverPost(@Param() params: CarryOverParams, @CurrentPrincipal() principal: Principal): Promise<CarryOverResult> {
    return this.carryOver.execute(params.year, BudgetPost.parse(params.budgetPost), principal);
  }
}
