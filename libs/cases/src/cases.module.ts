import { Module } from '@nestjs/common';
import { domainErrorStatuses } from '@imdi/platform';
import { CaseLifecycle } from './application/case-lifecycle.service';
import { CaseError, CASE_ERROR_STATUSES } from './domain/case.errors';
import { CaseFileRepository } from './infrastructure/case-file.repository';

@Module({ providers: [domainErrorStatuses(CaseError, CASE_ERROR_STATUSES), CaseFileRepository, CaseLifecycle], exports: [CaseLifecycle] })
export class CasesModule {}
