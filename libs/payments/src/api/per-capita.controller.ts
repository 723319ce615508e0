import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@imdi/auth';
import { AcceptsFile, BodyLimit } from '@imdi/platform';
import { PaymentsError } from '../domain/payments.errors';
import { PerCapitaEntitlements, type Entitlement, type SettlementLineView } from '../application/per-capita-entitlement.query';
import { PayoutRuns, type PayoutRunView } from '../application/payout-runs.service';
import { SettlementRecords, type ImportResult, type SettlementRecordView } from '../application/settlement-records.service';
import type { SettledPersonRevision } from '../infrastructure/settled-person.repository';
import {
  CorrectSettlementRecordDto,
  EntitlementParams,
  MunicipalityQuery,
  RecordParams,
  SchemeParam,
  SchemeYearParams,
  SettlementRecordsDto,
  StartPerCapitaRunDto,
} from './per-capita.dto';
import { PayoutRunResponse } from './payout.response';
import { SettlementImportResponse, SettlementRecordResponse } from './settlement-record.response';

// Room for MAX_CSV_RECORDS (50 000) records of ~80 bytes as CSV, ~200 as JSON.
const MAX_RECORDS_CSV_BYTES = 8 * 1024 * 1024;
const MAX_RECORDS_JSON_BYTES = 16 * 1024 * 1024;

/** Per-capita grants (integreringstilskudd, enslige-mindreaarige): settlement records, entitlements and periodic runs. */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('payments/per-capita')
export class PerCapitaController {
  constructor(
    private readonly records: SettlementRecords,
    private readonly entitlements: PerCapitaEntitlements,
    private readonly runs: PayoutRuns,
  ) {}

  /** Pays what each municipality is owed up to a period, less what earlier runs settled. */
  @Roles('finance')
  @HttpCode(202)
  @Post('runs')
  @ApiAcceptedResponse({ type: PayoutRunResponse })
  startRun(@Body() body: StartPerCapitaRunDto, @CurrentPrincipal() principal: Principal): Promise<PayoutRunView> {
    return this.runs.startPerCapita(body.schemeCode, body.budgetYear, body.period, body.asOf, principal);
  }

  @Roles('finance', 'admin', 'municipality-system')
  @BodyLimit(MAX_RECORDS_JSON_BYTES)
  @Post(':scheme/records')
  @ApiCreatedResponse({ type: SettlementImportResponse })
  importRecords(@Param() params: SchemeParam, @Body() body: SettlementRecordsDto, @CurrentPrincipal() principal: Principal): Promise<ImportResult> {
    return this.records.importJson(params.scheme, body.records, principal);
  }

  /** The same import from a CSV file (Content-Type: text/csv), header naming the columns. */
  @Roles('finance', 'admin', 'municipality-system')
  @AcceptsFile(['text/csv'], MAX_RECORDS_CSV_BYTES)
  @Post(':scheme/records/csv')
  @ApiCreatedResponse({ type: SettlementImportResponse })
  importCsv(
    @Param() params: SchemeParam,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImportResult> {
    if (!contentType?.startsWith('text/csv') || typeof body !== 'string') {
      throw new PaymentsError(
        'RECORDS_INVALID',
        'Send CSV-filen som innholdet i forespørselen, med Content-Type: text/csv.',
        { errors: [{ field: 'body', rule: 'text-csv', message: 'the body must be CSV text (Content-Type: text/csv)' }] },
        'body',
      );
    }
    return this.records.importCsv(params.scheme, body, principal);
  }

  @Roles('finance', 'caseworker', 'admin')
  @Get(':scheme/records')
  @ApiOkResponse({ type: SettlementRecordResponse, isArray: true })
  listRecords(@Param() params: SchemeParam, @Query() query: MunicipalityQuery): Promise<SettlementRecordView[]> {
    return this.records.listOfMunicipality(params.scheme, query.organisationNumber);
  }

  @Roles('finance', 'caseworker', 'admin')
  @Get(':scheme/records/:id')
  @ApiOkResponse({ type: SettlementRecordResponse })
  record(@Param() params: RecordParams): Promise<SettlementRecordView> {
    return this.records.view(params.scheme, params.id);
  }

  /** Corrects a record; its earlier revisions stay, and the next run settles the difference. */
  @Roles('finance', 'admin')
  @Patch(':scheme/records/:id')
  @ApiOkResponse({ type: SettlementRecordResponse })
  correct(@Param() params: RecordParams, @Body() body: CorrectSettlementRecordDto, @CurrentPrincipal() principal: Principal): Promise<SettlementRecordView> {
    return this.records.correct(params.scheme, params.id, body, principal);
  }

  @Roles('finance', 'caseworker', 'admin')
  @Get(':scheme/records/:id/history')
  history(@Param() params: RecordParams): Promise<SettledPersonRevision[]> {
    return this.records.history(params.scheme, params.id);
  }

  /** Overpayments of the year not yet set off by a later run: to be reclaimed. */
  @Roles('finance')
  @Get(':scheme/:year/outstanding-credit')
  outstandingCredit(@Param() params: SchemeYearParams): Promise<Array<{ organisationNumber: string; creditNok: string }>> {
    return this.entitlements.outstandingCredit(params.scheme, params.year);
  }

  /** What a municipality is owed for a year by its current records and the year's confirmed rates. */
  @Roles('finance', 'caseworker', 'admin')
  @Get(':scheme/:year/:organisationNumber')
  entitlement(@Param() params: EntitlementParams): Promise<Entitlement> {
    return this.entitlements.entitlement(params.scheme, params.year, params.organisationNumber);
  }

  @Roles('finance', 'caseworker', 'admin')
  @Get(':scheme/:year/:organisationNumber/settlements')
  settlements(@Param() params: EntitlementParams): Promise<{ lines: SettlementLineView[]; creditNok: string }> {
    return this.entitlements.settlements(params.scheme, params.year, params.organisationNumber);
  }
}
