import { Module } from '@nestjs/common';
import { domainErrorStatuses } from '@imdi/platform';
import { CaseDocuments } from './application/case-documents.service';
import { CaseLifecycle } from './application/case-lifecycle.service';
import { CaseError, CASE_ERROR_STATUSES } from './domain/case.errors';
import { CaseDocumentCounterRepository } from './infrastructure/case-document-counter.repository';
import { CaseFileRepository } from './infrastructure/case-file.repository';

@Module({
  providers: [domainErrorStatuses(CaseError, CASE_ERROR_STATUSES), CaseFileRepository, CaseLifecycle, CaseDocumentCounterRepository, CaseDocuments],
  exports: [CaseLifecycle, CaseDocuments],
})
export class CasesModule {}
