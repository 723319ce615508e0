import { Module } from '@nestjs/common';
import { CasesModule } from '@imdi/cases';
import { MessagingModule } from '@imdi/messaging';
import { domainErrorStatuses, jobDefinitions } from '@imdi/platform';
import { SchemesModule } from '@imdi/schemes';
import { ApplicationsController } from './api/applications.controller';
import { OrganisationsController } from './api/organisations.controller';
import { ApplicationLookup } from './application/application-lookup';
import { ApplicationQuery } from './application/application.query';
import { Attachments } from './application/attachments.service';
import { ApplicationCaseActions } from './application/case-actions.service';
import { Drafts } from './application/drafts.service';
import { IntakeDocuments } from './application/intake-documents';
import { OrganisationDirectory } from './application/organisation-directory';
import { IssueReceiptHandler } from './application/issue-receipt.handler';
import { ChangeOrganisationAccount, ChangeOrganisationContact } from './application/change-organisation-account.service';
import { RegisterOrganisation } from './application/register-organisation.service';
import { SubmitApplication } from './application/submit-application.service';
import * as intakeJobs from './application/intake.jobs';
import { IntakeError, INTAKE_ERROR_STATUSES } from './domain/intake.errors';
import { ApplicationRepository } from './infrastructure/application.repository';
import { OrganisationRepository } from './infrastructure/organisation.repository';

@Module({
  imports: [CasesModule, SchemesModule, MessagingModule],
  controllers: [OrganisationsController, ApplicationsController],
  providers: [
    domainErrorStatuses(IntakeError, INTAKE_ERROR_STATUSES),
    jobDefinitions(...Object.values(intakeJobs)),
    OrganisationRepository,
    ApplicationRepository,
    RegisterOrganisation,
    ChangeOrganisationAccount,
    ChangeOrganisationContact,
    Drafts,
    Attachments,
    SubmitApplication,
    ApplicationCaseActions,
    ApplicationQuery,
    IssueReceiptHandler,
    IntakeDocuments,
    OrganisationDirectory,
    ApplicationLookup,
  ],
  exports: [ApplicationQuery, IntakeDocuments, OrganisationDirectory, ApplicationLookup],
})
export class IntakeModule {}
