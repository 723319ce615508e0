import { Module } from '@nestjs/common';
import { BudgetModule } from '@imdi/budget';
import { CasesModule } from '@imdi/cases';
import { IntakeModule } from '@imdi/intake';
import { MessagingModule } from '@imdi/messaging';
import { PaymentsModule } from '@imdi/payments';
import { domainErrorStatuses, jobDefinitions } from '@imdi/platform';
import { SchemesModule } from '@imdi/schemes';
import {
  AssignmentLettersController,
  CaseLettersController,
  CaseworkController,
  DelegationsController,
  MinistryInboxController,
} from './api/casework.controller';
import { Appeals } from './application/appeals.service';
import { AssignmentLetters } from './application/assignment-letters.service';
import { ProvisionalAnswerWriter, SendProvisionalAnswer, SendProvisionalAnswers } from './application/provisional-answers.service';
import { CaseNotes } from './application/case-notes.service';
import { AcceptGrant } from './application/accept-grant.service';
import { ApproveDecision } from './application/approve-decision.service';
import { AssessCase } from './application/assess-case.service';
import { CaseOverviewQuery } from './application/case-overview.query';
import { ApproverDesk } from './application/approver-desk.query';
import { ReturnProposal } from './application/return-proposal.service';
import { CloseCase } from './application/close-case.service';
import { RecipientCaseQuery } from './application/recipient-case.query';
import { Assignments } from './application/assignments.service';
import { CaseworkContext } from './application/casework-context';
import { DecisionLetters } from './application/decision-letters.service';
import { Delegations } from './application/delegations.service';
import { Impartiality } from './application/impartiality.service';
import {
  DeliverMinistryNotificationHandler,
  MinistryNotificationMessageStatusHandler,
  MinistryNotifications,
} from './application/ministry-notifications.service';
import { ProposeDecision } from './application/propose-decision.service';
import * as caseworkJobs from './application/casework.jobs';
import { CaseworkError, CASEWORK_ERROR_STATUSES } from './domain/casework.errors';
import { CaseworkRepository } from './infrastructure/casework.repository';
import { AppealRepository } from './infrastructure/appeal.repository';
import { DecisionRepository } from './infrastructure/decision.repository';
import { CaseworkDocuments } from './application/casework-documents';
import { CaseworkDocumentsAdapter } from './infrastructure/casework-documents.adapter';
import { LetterRepository } from './infrastructure/letter.repository';
import { MinistryNotificationRepository } from './infrastructure/ministry-notification.repository';

@Module({
  imports: [CasesModule, IntakeModule, MessagingModule, SchemesModule, BudgetModule, PaymentsModule],
  controllers: [CaseworkController, MinistryInboxController, CaseLettersController, AssignmentLettersController, DelegationsController],
  providers: [
    domainErrorStatuses(CaseworkError, CASEWORK_ERROR_STATUSES),
    jobDefinitions(...Object.values(caseworkJobs)),
    CaseworkRepository,
    DecisionRepository,
    AppealRepository,
    LetterRepository,
    MinistryNotificationRepository,
    CaseworkContext,
    Impartiality,
    Assignments,
    AssessCase,
    ProposeDecision,
    ApproveDecision,
    Delegations,
    MinistryNotifications,
    DeliverMinistryNotificationHandler,
    MinistryNotificationMessageStatusHandler,
    DecisionLetters,
    AcceptGrant,
    Appeals,
    AssignmentLetters,
    SendProvisionalAnswers,
    ProvisionalAnswerWriter,
    SendProvisionalAnswer,
    CaseNotes,
    CaseOverviewQuery,
    ApproverDesk,
    ReturnProposal,
    CloseCase,
    RecipientCaseQuery,
    { provide: CaseworkDocuments, useClass: CaseworkDocumentsAdapter },
  ],
  exports: [CaseworkDocuments],
})
export class CaseworkModule {}
