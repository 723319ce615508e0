import { CreateAuditTrailAndOutbox1795000000000 } from './1795000000000-CreateAuditTrailAndOutbox';
import { CreateBudgetLedger1795000100000 } from './1795000100000-CreateBudgetLedger';
import { CreateSchemeVersions1795000200000 } from './1795000200000-CreateSchemeVersions';
import { CreateCaseFiles1795000300000 } from './1795000300000-CreateCaseFiles';
import { CreateIntake1795000400000 } from './1795000400000-CreateIntake';
import { CreateCasework1795000500000 } from './1795000500000-CreateCasework';
import { CreateAppealsAndAnswers1795000600000 } from './1795000600000-CreateAppealsAndAnswers';
import { CreatePayments1795000700000 } from './1795000700000-CreatePayments';
import { CreateReclaims1795000800000 } from './1795000800000-CreateReclaims';
import { CreateSettledPersons1795000900000 } from './1795000900000-CreateSettledPersons';
import { AddLedgerBookingDayTotals1795001000000 } from './1795001000000-AddLedgerBookingDayTotals';
import { CreateRecipientReportsAndReportRuns1795001050000 } from './1795001050000-CreateRecipientReportsAndReportRuns';
import { SetBasedPayoutPages1795001100000 } from './1795001100000-SetBasedPayoutPages';
import { AddPerCapitaPayouts1795001200000 } from './1795001200000-AddPerCapitaPayouts';
import { AddReclaimNotices1795001300000 } from './1795001300000-AddReclaimNotices';
import { NotifySchemeCatalogueChanges1795001400000 } from './1795001400000-NotifySchemeCatalogueChanges';
import { SubmitApplicationsInOneStatement1795001500000 } from './1795001500000-SubmitApplicationsInOneStatement';
import { AddDelegationRevocation1795002000000 } from './1795002000000-AddDelegationRevocation';
import { AnchorAuditChain1795002010000 } from './1795002010000-AnchorAuditChain';
import { AddResponsibleMinistryPerBudgetYear1795002400000 } from './1795002400000-AddResponsibleMinistryPerBudgetYear';
import { RecordLetterPartiesAndDocumentNumbers1795002410000 } from './1795002410000-RecordLetterPartiesAndDocumentNumbers';
import { AddBankReturnFiles1795002500000 } from './1795002500000-AddBankReturnFiles';
import { CreateWebSessions1795002600000 } from './1795002600000-CreateWebSessions';
import { CreateMessages1795002700000 } from './1795002700000-CreateMessages';
import { AddMessageClaimedBy1795002700100 } from './1795002700100-AddMessageClaimedBy';
import { AddDigitalPostToMessages1795110000000 } from './1795110000000-AddDigitalPostToMessages';
import { CreateJournal1795120000000 } from './1795120000000-CreateJournal';
import { PublishApplicationSubmitted1795140000000 } from './1795140000000-PublishApplicationSubmitted';
import { PublishApplicantDirectory1795150000000 } from './1795150000000-PublishApplicantDirectory';
import { AddMinistryAcknowledgement1795150000100 } from './1795150000100-AddMinistryAcknowledgement';
import { CasesOwnDocumentNumbers1796020000000 } from './1796020000000-CasesOwnDocumentNumbers';
import { AddJournalDocumentSources1796030000000 } from './1796030000000-AddJournalDocumentSources';
import { PublishReportingReadModel1796040000000 } from './1796040000000-PublishReportingReadModel';
import { OwnTheSubmitPath1796040100000 } from './1796040100000-OwnTheSubmitPath';
import { CreateCaseNotes1796070000000 } from './1796070000000-CreateCaseNotes';
import { RecordMinistryAppealDecision1796120000000 } from './1796120000000-RecordMinistryAppealDecision';
import { IndexPerCapitaPayoutsByMunicipality1796220000000 } from './1796220000000-IndexPerCapitaPayoutsByMunicipality';
import { ReopenJournalCaseFiles1796260000000 } from './1796260000000-ReopenJournalCaseFiles';
import { KeepAssessmentVersions1796260100000 } from './1796260100000-KeepAssessmentVersions';
import { KeepReportSubmissions1796260200000 } from './1796260200000-KeepReportSubmissions';
import { StoreReclaimDecisionLetters1796300000000 } from './1796300000000-StoreReclaimDecisionLetters';
import { PlanSubmitHelpersOnce1796320000000 } from './1796320000000-PlanSubmitHelpersOnce';

/** Every migration, in order. A new migration file is added here as well (the tests run from source). */
export const ALL_MIGRATIONS = [
  CreateAuditTrailAndOutbox1795000000000,
  CreateBudgetLedger1795000100000,
  CreateSchemeVersions1795000200000,
  CreateCaseFiles1795000300000,
  CreateIntake1795000400000,
  CreateCasework1795000500000,
  CreateAppealsAndAnswers1795000600000,
  CreatePayments1795000700000,
  CreateReclaims1795000800000,
  CreateSettledPersons1795000900000,
  AddLedgerBookingDayTotals1795001000000,
  CreateRecipientReportsAndReportRuns1795001050000,
  SetBasedPayoutPages1795001100000,
  AddPerCapitaPayouts1795001200000,
  AddReclaimNotices1795001300000,
  NotifySchemeCatalogueChanges1795001400000,
  SubmitApplicationsInOneStatement1795001500000,
  AddDelegationRevocation1795002000000,
  AnchorAuditChain1795002010000,
  AddResponsibleMinistryPerBudgetYear1795002400000,
  RecordLetterPartiesAndDocumentNumbers1795002410000,
  AddBankReturnFiles1795002500000,
  CreateWebSessions1795002600000,
  CreateMessages1795002700000,
  AddMessageClaimedBy1795002700100,
  AddDigitalPostToMessages1795110000000,
  CreateJournal1795120000000,
  PublishApplicationSubmitted1795140000000,
  PublishApplicantDirectory1795150000000,
  AddMinistryAcknowledgement1795150000100,
  CasesOwnDocumentNumbers1796020000000,
  AddJournalDocumentSources1796030000000,
  PublishReportingReadModel1796040000000,
  OwnTheSubmitPath1796040100000,
  CreateCaseNotes1796070000000,
  RecordMinistryAppealDecision1796120000000,
  IndexPerCapitaPayoutsByMunicipality1796220000000,
  ReopenJournalCaseFiles1796260000000,
  KeepAssessmentVersions1796260100000,
  KeepReportSubmissions1796260200000,
  StoreReclaimDecisionLetters1796300000000,
  PlanSubmitHelpersOnce1796320000000,
];
