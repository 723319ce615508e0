import { Module } from '@nestjs/common';
import { registerDomainErrorStatuses } from '@imdi/platform';
import { CaseLifecycle } from './application/case-lifecycle.service';
import { CaseError, caseErrorStatus } from './domain/case.errors';
import { CaseFileRepository } from './infrastructure/case-file.repository';

registerDomainErrorStatuses((error) => (error instanceof CaseError ? caseErrorStatus(error.code) : undefined));

@Module({ providers: [CaseFileRepository, CaseLifecycle], exports: [CaseLifecycle] })
export class CasesModule {}
