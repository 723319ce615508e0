import { Module } from '@nestjs/common';
import { BudgetModule } from '@imdi/budget';
import { domainErrorStatuses } from '@imdi/platform';
import { SchemeAdminController, SchemeCatalogueController } from './api/scheme-catalogue.controller';
import { AmendSchemeVersion } from './application/amend-scheme-version.service';
import { CreateNextYearVersion } from './application/create-next-year-version.service';
import { FreezeSchemeVersion } from './application/freeze-scheme-version.service';
import { ImportSchemeYear } from './application/import-scheme-year.service';
import { ManageRates } from './application/manage-rates.service';
import { SchemeCatalogueQuery } from './application/scheme-catalogue.query';
import { SCHEME_MODULES } from './catalogue/scheme-catalogue';
import { SchemeError, SCHEME_ERROR_STATUSES } from './domain/scheme.errors';
import { SchemeVersionCache } from './infrastructure/scheme-version.cache';
import { SchemeVersionRepository } from './infrastructure/scheme-version.repository';

@Module({
  imports: [BudgetModule, ...SCHEME_MODULES],
  controllers: [SchemeCatalogueController, SchemeAdminController],
  providers: [
    domainErrorStatuses(SchemeError, SCHEME_ERROR_STATUSES),
    SchemeVersionRepository,
    SchemeVersionCache,
    SchemeCatalogueQuery,
    ImportSchemeYear,
    CreateNextYearVersion,
    AmendSchemeVersion,
    ManageRates,
    FreezeSchemeVersion,
  ],
  exports: [SchemeCatalogueQuery, FreezeSchemeVersion, ImportSchemeYear],
})
export class SchemesModule {}
