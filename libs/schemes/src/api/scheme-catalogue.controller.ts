import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, type Principal } from '@imdi/auth';
import { Money } from '@imdi/kernel';
import { AmendSchemeVersion } from '../application/amend-scheme-version.service';
import { CreateNextYearVersion } from '../application/create-next-year-version.service';
import { ManageRates } from '../application/manage-rates.service';
import { SchemeCatalogueQuery } from '../application/scheme-catalogue.query';
import type { SchemeView } from '../application/scheme-view';
import { SchemeResponse } from './scheme.response';
import { AmendSchemeVersionDto, CatalogueQuery, RateParams, SchemeCodeParam, SchemeYearParams, SetRateDto } from './scheme.dto';

@ApiTags('schemes')
@Controller('schemes')
export class SchemeCatalogueController {
  constructor(private readonly catalogue: SchemeCatalogueQuery) {}

  /** The public catalogue: no login. `open=true` keeps only schemes taking applications now. */
  @Public()
  @Get()
  @ApiOkResponse({ type: SchemeResponse, isArray: true })
  list(@Query() query: CatalogueQuery): Promise<SchemeView[]> {
    return this.catalogue.list({ budgetYear: query.year, openOnly: query.open });
  }

  @Public()
  @Get(':code')
  @ApiOkResponse({ type: SchemeResponse })
  get(@Param() params: SchemeCodeParam, @Query() query: CatalogueQuery): Promise<SchemeView> {
    return this.catalogue.get(params.code, query.year);
  }
}

@ApiTags('schemes')
@ApiBearerAuth()
@Controller('admin/schemes')
export class SchemeAdminController {
  constructor(
    private readonly nextYear: CreateNextYearVersion,
    private readonly amend: AmendSchemeVersion,
    private readonly rates: ManageRates,
    private readonly catalogue: SchemeCatalogueQuery,
  ) {}

  @Roles('admin')
  @Post(':code/versions/:year/next-year')
  @ApiCreatedResponse({ type: SchemeResponse })
  async createNextYear(@Param() params: SchemeYearParams, @CurrentPrincipal() principal: Principal): Promise<SchemeView> {
    const created = await this.nextYear.execute(params.code, params.year, principal);
    return this.catalogue.get(created.code, created.budgetYear);
  }

  @Roles('admin')
  @Patch(':code/versions/:year')
  @ApiOkResponse({ type: SchemeResponse })
  async amendVersion(@Param() params: SchemeYearParams, @Body() body: AmendSchemeVersionDto, @CurrentPrincipal() principal: Principal): Promise<SchemeView> {
    await this.amend.execute(params.code, params.year, body, principal);
    return this.catalogue.get(params.code, params.year);
  }

  @Roles('admin')
  @Put(':code/versions/:year/rates/:rateCode')
  @ApiOkResponse({ type: SchemeResponse })
  async setRate(@Param() params: RateParams, @Body() body: SetRateDto, @CurrentPrincipal() principal: Principal): Promise<SchemeView> {
    await this.rates.setAmount(params.code, params.year, params.rateCode, Money.parseNok(body.amountNok, 'amountNok'), body.source, principal);
    return this.catalogue.get(params.code, params.year);
  }

  @Roles('admin')
  @HttpCode(200)
  @Post(':code/versions/:year/rates/:rateCode/confirm')
  @ApiOkResponse({ type: SchemeResponse })
  async confirmRate(@Param() params: RateParams, @CurrentPrincipal() principal: Principal): Promise<SchemeView> {
    await this.rates.confirm(params.code, params.year, params.rateCode, principal);
    return this.catalogue.get(params.code, params.year);
  }
}
