import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES, SCHEME_KINDS_OF_CASES, type CaseStatus, type SchemeKindOfCase } from '@imdi/cases';
import { MessageResponse } from '@imdi/messaging';
import { CasePaymentResponse } from '@imdi/payments';
import type { AppealView } from '../application/appeals.service';
import type { MyDelegationView, ProposalAwaitingApproval } from '../application/approver-desk.query';
import type { WorkQueueItem, WorkQueuePage } from '../application/assignments.service';
import type { CaseNoteView } from '../application/case-notes.service';
import type { CaseOverview } from '../application/case-overview.query';
import type { LetterView } from '../application/decision-letters.service';
import type { DelegationView } from '../application/delegations.service';
import type { NotificationView } from '../application/ministry-notifications.service';
import type { DecisionOutcome } from '../domain/decision-rules';
import { STAFF_ACTIONS, type StaffAction, type StaffActionCode } from '../domain/staff-actions';

/*
 * The staff answers of casework, described for the OpenAPI document (the staff web's types are generated
 * from it). Each class implements the view it describes, so the two cannot drift apart.
 */

type Assessment = NonNullable<CaseOverview['assessment']>;
type Guide = CaseOverview['assessmentGuide'];
type Decision = NonNullable<CaseOverview['decision']>;
type Appeal = NonNullable<CaseOverview['appeal']>;
type MinistryNotification = CaseOverview['ministryNotification'];
type Organisation = NonNullable<CaseOverview['organisation']>;

export class StaffLocalisedTextResponse {
  @ApiProperty({ description: 'Bokmål.' })
  nb: string;

  @ApiProperty({ description: 'Nynorsk.' })
  nn: string;
}

export class StaffActionResponse implements StaffAction {
  @ApiProperty({ enum: STAFF_ACTIONS, description: 'Handlingen; nettsiden tilbyr disse og ingen andre.' })
  code: StaffActionCode;

  @ApiProperty({ description: 'Knappens tekst på bokmål.' })
  label: string;
}

export class CaseOrganisationResponse implements Organisation {
  @ApiProperty({ example: '964338531' })
  organisationNumber: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['nb', 'nn'], description: 'Målformen brev til søkeren skrives på.' })
  writtenStandard: 'nb' | 'nn';
}

export class AssessmentScoreResponse {
  @ApiProperty({ description: 'Kriteriets kode.' })
  criterion: string;

  @ApiProperty({ description: 'Poengene kriteriet fikk.' })
  score: number;

  @ApiProperty({ description: 'Begrunnelsen for poengene.' })
  comment: string;
}

export class CaseAssessmentResponse implements Assessment {
  @ApiProperty({ type: AssessmentScoreResponse, isArray: true })
  scores: AssessmentScoreResponse[];

  @ApiProperty({ description: 'Vektet sum av poengene.' })
  totalScore: number;

  @ApiProperty({ description: 'Saksbehandlerens samlede vurdering.' })
  comment: string;

  @ApiProperty({ description: 'Hvem som vurderte.' })
  assessedBy: string;

  @ApiProperty({ description: 'Når søknaden ble vurdert.' })
  assessedAt: string;
}

export class AssessmentScaleResponse {
  @ApiProperty({ example: 1 })
  min: number;

  @ApiProperty({ example: 6 })
  max: number;
}

export class AssessmentGuideCriterionResponse {
  @ApiProperty({ description: 'Kriteriets kode.' })
  code: string;

  @ApiProperty({ type: StaffLocalisedTextResponse, description: 'Kriteriets navn.' })
  label: StaffLocalisedTextResponse;

  @ApiProperty({ description: 'Kriteriets vekt.' })
  weight: number;
}

export class AssessmentGuideResponse implements Guide {
  @ApiProperty({ type: AssessmentScaleResponse, description: 'Skalaen hvert kriterium scores på.' })
  scale: AssessmentScaleResponse;

  @ApiProperty({ description: 'Høyeste mulige vektede sum.' })
  maxTotalScore: number;

  @ApiProperty({ type: AssessmentGuideCriterionResponse, isArray: true, description: 'Ordningens vurderingskriterier.' })
  criteria: AssessmentGuideCriterionResponse[];

  @ApiProperty({ type: String, nullable: true, example: '300000.00', description: 'Beløpet det er søkt om.' })
  requestedNok: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Beløpet poengene tilsier etter regelen; null før vurdering eller uten søkt beløp.' })
  suggestedNok: string | null;

  @ApiProperty({ type: StaffLocalisedTextResponse, description: 'Regelen for det foreslåtte beløpet.' })
  suggestionRule: StaffLocalisedTextResponse;
}

export class CaseDecisionResponse implements Decision {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: ['granted', 'partly_granted', 'refused'] })
  outcome: DecisionOutcome;

  @ApiProperty({ example: '240000.00', description: 'Innvilget beløp i kroner.' })
  amountNok: string;

  @ApiProperty({ type: String, nullable: true, example: '300000.00', description: 'Søkt beløp i kroner.' })
  requestedNok: string | null;

  @ApiProperty({ description: 'Begrunnelsen.' })
  reasons: string;

  @ApiProperty({ description: 'Særlige vilkår; tom når det ikke er noen.' })
  conditions: string;

  @ApiProperty({ example: '0821.60', description: 'Kapittel og post vedtaket belaster.' })
  budgetPost: string;

  @ApiProperty({ type: String, nullable: true, description: 'Øremerkingen vedtaket belaster.' })
  earmarkCode: string | null;

  @ApiProperty({ enum: ['proposed', 'approved', 'superseded'], description: 'Foreslått, godkjent eller erstattet av et nytt vedtak.' })
  status: 'proposed' | 'approved' | 'superseded';

  @ApiProperty({ description: 'Hvem som foreslo vedtaket.' })
  proposedBy: string;

  @ApiProperty({ type: String, nullable: true, description: 'Hvem som godkjente vedtaket.' })
  approvedBy: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Når vedtaket ble godkjent.' })
  approvedAt: string | null;
}

export class CaseMinistryNotificationResponse implements MinistryNotification {
  @ApiProperty({ description: 'Vedtaket må forhåndsorienteres til departementet før brevet sendes (Instruks 6.1).' })
  required: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Forhåndsorienteringen vedtaket er med i.' })
  id: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Rundens nummer.' })
  round: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Når forhåndsorienteringen ble samlet.' })
  gatheredAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Når departementets e-posttjener tok imot den (kravet er oppfylt fra da).' })
  deliveredAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Hvorfor e-posten til departementet feilet for godt, til noen sender den på nytt.' })
  deliveryFailure: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Meldingen med forhåndsorienteringen.' })
  messageId: string | null;
}

export class CaseLetterResponse implements LetterView {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: ['grant', 'refusal'], description: 'Tilsagnsbrev eller avslagsbrev.' })
  kind: 'grant' | 'refusal';

  @ApiProperty({ enum: ['nb', 'nn'], description: 'Målformen brevet er skrevet på.' })
  writtenStandard: 'nb' | 'nn';

  @ApiProperty({ description: 'SHA-256 av PDF-en.' })
  sha256: string;

  @ApiProperty({ description: 'Når brevet ble laget.' })
  producedAt: string;
}

export class StaffMinistryDecisionResponse {
  @ApiProperty({ enum: ['upheld', 'reversed'], description: 'upheld: vedtaket står; reversed: klageren fikk medhold.' })
  outcome: 'upheld' | 'reversed';

  @ApiProperty({ description: 'Departementets begrunnelse.' })
  reasons: string;

  @ApiProperty({ description: 'Når departementet avgjorde klagen.' })
  decidedAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'Hvem i departementet som registrerte avgjørelsen.' })
  decidedByName: string | null;
}

export class CaseAppealResponse implements Appeal {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: ['klage', 'renewed-assessment'], description: 'Klage (enkeltvedtak) eller fornyet vurdering.' })
  kind: 'klage' | 'renewed-assessment';

  @ApiProperty({ description: 'Klagegrunnene.' })
  grounds: string;

  @ApiProperty({ description: 'Når klagen kom inn.' })
  receivedAt: string;

  @ApiProperty({ description: 'Klagen kom etter klagefristen.' })
  late: boolean;

  @ApiProperty({ enum: ['reversed', 'upheld'], nullable: true, description: 'IMDis svar; null mens IMDi vurderer klagen.' })
  outcome: 'reversed' | 'upheld' | null;

  @ApiProperty({ type: String, nullable: true, description: 'Når klagen ble sendt til departementet.' })
  forwardedAt: string | null;

  @ApiProperty({ type: () => StaffMinistryDecisionResponse, nullable: true, description: 'Null til departementet har avgjort klagen.' })
  ministryDecision: StaffMinistryDecisionResponse | null;
}

export class ProvisionalAnswerResponse {
  @ApiProperty({ description: 'Når det foreløpige svaret ble sendt (fvl. § 11a).' })
  sentAt: string;

  @ApiProperty({ description: 'Datoen søkeren kan vente vedtak.' })
  expectedDecisionDate: string;
}

/** GET /casework/cases/{id}: everything a caseworker or approver needs on one screen about a case. */
export class CaseOverviewResponse implements CaseOverview {
  @ApiProperty()
  caseId: string;

  @ApiProperty({ type: String, nullable: true, example: '2026/123', description: 'Saksnummeret; null før saken er journalført.' })
  caseNumber: string | null;

  @ApiProperty({ enum: CASE_STATUSES })
  status: CaseStatus;

  @ApiProperty({ example: 'integreringstilskudd' })
  schemeCode: string;

  @ApiProperty({ example: 2026 })
  budgetYear: number;

  @ApiProperty({ enum: SCHEME_KINDS_OF_CASES, description: 'Søkbar, rettighetsbasert eller navngitt ordning.' })
  schemeKind: SchemeKindOfCase;

  @ApiProperty({ type: () => CaseOrganisationResponse, nullable: true, description: 'Søkeren.' })
  organisation: CaseOrganisationResponse | null;

  @ApiProperty({ type: String, nullable: true, description: 'Saksbehandleren saken er tildelt.' })
  assignedTo: string | null;

  @ApiProperty({ type: () => CaseAssessmentResponse, nullable: true, description: 'Vurderingen; null før søknaden er vurdert.' })
  assessment: CaseAssessmentResponse | null;

  @ApiProperty({ type: AssessmentGuideResponse, description: 'Hva vurderingen scores på, og beløpet poengene tilsier.' })
  assessmentGuide: AssessmentGuideResponse;

  @ApiProperty({ type: () => CaseDecisionResponse, nullable: true, description: 'Det gjeldende vedtaket; null før forslag.' })
  decision: CaseDecisionResponse | null;

  @ApiProperty({ type: CaseMinistryNotificationResponse })
  ministryNotification: CaseMinistryNotificationResponse;

  @ApiProperty({ type: CaseLetterResponse, isArray: true })
  letters: CaseLetterResponse[];

  @ApiProperty({ type: MessageResponse, isArray: true, description: 'Det som er sendt om saken, og hvordan det gikk.' })
  messages: MessageResponse[];

  @ApiProperty({ type: () => CaseAppealResponse, nullable: true, description: 'Den siste klagen; null uten klage.' })
  appeal: CaseAppealResponse | null;

  @ApiProperty({ type: CasePaymentResponse, isArray: true, description: 'Utbetalingene av tilskuddet slik banken svarte.' })
  payments: CasePaymentResponse[];

  @ApiProperty({ type: () => ProvisionalAnswerResponse, nullable: true, description: 'Det foreløpige svaret søkeren har fått, om noe.' })
  provisionalAnswer: ProvisionalAnswerResponse | null;

  @ApiProperty({ description: 'Den innloggede kan skrive interne notater i saken.' })
  canWriteNotes: boolean;

  @ApiProperty({ description: 'Den innloggede har meldt seg inhabil overfor søkeren (fvl. § 6).' })
  callerHasConflict: boolean;

  @ApiProperty({ type: StaffActionResponse, isArray: true, description: 'Det den innloggede kan gjøre med saken nå.' })
  actions: StaffActionResponse[];
}

/** GET /casework/cases/{id}/notes: an internal note on the case. */
export class CaseNoteResponse implements CaseNoteView {
  @ApiProperty()
  id: string;

  @ApiProperty({ description: 'Notatets tekst.' })
  text: string;

  @ApiProperty({ description: 'Hvem som skrev notatet.' })
  writtenBy: string;

  @ApiProperty({ type: String, nullable: true, description: 'Navnet til den som skrev notatet.' })
  writtenByName: string | null;

  @ApiProperty({ description: 'Når notatet ble skrevet.' })
  writtenAt: string;
}

export class WorkQueueItemResponse implements WorkQueueItem {
  @ApiProperty()
  caseId: string;

  @ApiProperty({ type: String, nullable: true })
  caseNumber: string | null;

  @ApiProperty()
  schemeCode: string;

  @ApiProperty()
  budgetYear: number;

  @ApiProperty({ enum: CASE_STATUSES })
  status: string;

  @ApiProperty()
  organisationNumber: string;

  @ApiProperty()
  organisationName: string;

  @ApiProperty({ description: 'Søkerens navn.' })
  applicantName: string;

  @ApiProperty({ type: String, nullable: true, example: '300000.00', description: 'Søkt beløp i kroner.' })
  requestedNok: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Saksbehandleren saken er tildelt.' })
  caseworkerId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Når søknaden kom inn.' })
  receivedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Én måned etter mottak (fvl. § 11a), dato i Oslo.' })
  decisionDueOn: string | null;

  @ApiProperty({ enum: ['none', 'on-time', 'due-soon', 'overdue', 'overdue-answered'], description: 'Hvor saken står mot fristen.' })
  deadline: 'none' | 'on-time' | 'due-soon' | 'overdue' | 'overdue-answered';

  @ApiProperty({ description: 'Søkeren har fått foreløpig svar.' })
  provisionalAnswerSent: boolean;

  @ApiProperty({ description: 'Den innloggede har meldt seg inhabil overfor søkeren.' })
  callerHasConflict: boolean;
}

/** GET /casework/work-queue: one page of the caseworkers' queue. */
export class WorkQueuePageResponse implements WorkQueuePage {
  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 25 })
  pageSize: number;

  @ApiProperty({ description: 'Antall saker som passer filteret.' })
  total: number;

  @ApiProperty({ type: WorkQueueItemResponse, isArray: true })
  items: WorkQueueItemResponse[];
}

/** POST /casework/assignments: how many cases were assigned. */
export class BulkAssignResponse {
  @ApiProperty({ description: 'Antall saker som ble tildelt.' })
  assigned: number;
}

/** An approver's written delegation (which post, up to which amount per decision). */
export class DelegationResponse implements DelegationView {
  @ApiProperty()
  id: string;

  @ApiProperty({ description: 'Godkjenneren.' })
  approverId: string;

  @ApiProperty({ example: '0821.60', description: 'Kapittel og post delegeringen gjelder.' })
  budgetPost: string;

  @ApiProperty({ example: '500000.00', description: 'Høyeste beløp per vedtak.' })
  maxAmountNok: string;

  @ApiProperty({ description: 'Henvisning til delegeringsvedtaket.' })
  reference: string;

  @ApiProperty({ description: 'Hvem som ga delegeringen.' })
  grantedBy: string;

  @ApiProperty({ description: 'Når delegeringen ble gitt.' })
  grantedAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'Når delegeringen ble trukket tilbake.' })
  revokedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Hvem som trakk den tilbake.' })
  revokedBy: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Hvorfor den ble trukket tilbake.' })
  revocationReason: string | null;
}

/** GET /casework/my-delegations: the caller's delegations. */
export class MyDelegationResponse extends DelegationResponse implements MyDelegationView {
  @ApiProperty({ description: 'Ikke trukket tilbake og gitt av en annen: et vedtak kan godkjennes på den.' })
  active: boolean;
}

export class ProposalBudgetResponse {
  @ApiProperty({ example: '1000000.00', description: 'Disponibelt på øremerkingen (eller posten) nå.' })
  availableNok: string;

  @ApiProperty({ example: '760000.00', description: 'Disponibelt etter godkjenning.' })
  afterApprovalNok: string;

  @ApiProperty({ description: 'Det er nok igjen til vedtaket.' })
  sufficient: boolean;
}

/** GET /casework/proposals: a proposed decision waiting for an approver. */
export class ProposalResponse implements ProposalAwaitingApproval {
  @ApiProperty()
  caseId: string;

  @ApiProperty({ type: String, nullable: true })
  caseNumber: string | null;

  @ApiProperty()
  schemeCode: string;

  @ApiProperty()
  budgetYear: number;

  @ApiProperty()
  organisationNumber: string;

  @ApiProperty()
  organisationName: string;

  @ApiProperty()
  decisionId: string;

  @ApiProperty({ enum: ['granted', 'partly_granted', 'refused'] })
  outcome: string;

  @ApiProperty({ example: '240000.00', description: 'Foreslått beløp i kroner.' })
  amountNok: string;

  @ApiProperty({ type: String, nullable: true, description: 'Søkt beløp i kroner.' })
  requestedNok: string | null;

  @ApiProperty({ example: '0821.60' })
  budgetPost: string;

  @ApiProperty({ type: String, nullable: true })
  earmarkCode: string | null;

  @ApiProperty({ description: 'Hvem som foreslo vedtaket.' })
  proposedBy: string;

  @ApiProperty({ type: String, nullable: true, description: 'Navnet til den som foreslo vedtaket.' })
  proposedByName: string | null;

  @ApiProperty({ description: 'Når vedtaket ble foreslått.' })
  proposedAt: string;

  @ApiProperty({ type: ProposalBudgetResponse, description: 'Budsjettrommet godkjenningen vil bruke.' })
  budget: ProposalBudgetResponse;

  @ApiProperty({ description: 'Om den innloggede kan godkjenne forslaget.' })
  approvable: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Hvorfor ikke, på bokmål.' })
  blockedReason: string | null;
}

/** POST /casework/cases/{id}/assessment: the recorded assessment's total and the amount it suggests. */
export class AssessmentResultResponse {
  @ApiProperty({ description: 'Vektet sum av poengene.' })
  totalScore: number;

  @ApiProperty({ type: String, nullable: true, example: '240000.00', description: 'Beløpet poengene tilsier; null uten søkt beløp.' })
  suggestedNok: string | null;
}

/** A klage or a request for renewed assessment, with IMDi's answer and, for a forwarded klage, the ministry's decision. */
export class AppealResponse implements AppealView {
  @ApiProperty()
  id: string;

  @ApiProperty()
  caseId: string;

  @ApiProperty({ type: String, nullable: true })
  caseNumber: string | null;

  @ApiProperty({ enum: ['klage', 'renewed-assessment'], description: 'Klage (enkeltvedtak) eller fornyet vurdering.' })
  kind: 'klage' | 'renewed-assessment';

  @ApiProperty({ description: 'Klagegrunnene.' })
  grounds: string;

  @ApiProperty({ description: 'Når klagen kom inn.' })
  receivedAt: string;

  @ApiProperty({ description: 'Klagefristen.' })
  deadlineAt: string;

  @ApiProperty({ description: 'Klagen kom etter fristen.' })
  late: boolean;

  @ApiProperty({ enum: ['reversed', 'upheld'], nullable: true, description: 'IMDis svar; null mens IMDi vurderer klagen.' })
  outcome: 'reversed' | 'upheld' | null;

  @ApiProperty({ type: String, nullable: true, description: 'IMDis oppsummering til departementet når klagen sendes videre.' })
  summaryForMinistry: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Når klagen ble sendt til departementet.' })
  forwardedAt: string | null;

  @ApiProperty({
    type: () => StaffMinistryDecisionResponse,
    nullable: true,
    description: 'Departementets avgjørelse som klageinstans; null til den er registrert.',
  })
  ministryDecision: StaffMinistryDecisionResponse | null;
}

export class NotificationAcknowledgementResponse {
  @ApiProperty({ description: 'Når departementet kvitterte.' })
  at: string;

  @ApiProperty({ description: 'Hvem som kvitterte.' })
  by: string;

  @ApiProperty({ type: String, nullable: true, description: 'Navnet til den som kvitterte.' })
  byName: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Departementets kommentar.' })
  comment: string | null;
}

export class NotificationItemResponse {
  @ApiProperty()
  caseNumber: string;

  @ApiProperty({ description: 'Tilskuddsmottakeren.' })
  recipientName: string;

  @ApiProperty()
  organisationNumber: string;

  @ApiProperty({ example: '240000.00' })
  amountNok: string;

  @ApiProperty({ example: '0821.60' })
  budgetPost: string;
}

/** A pre-notification to the ministry (Instruks 6.1): a round's approved decisions before any grant letter. */
export class MinistryNotificationResponse implements NotificationView {
  @ApiProperty()
  id: string;

  @ApiProperty()
  schemeCode: string;

  @ApiProperty()
  budgetYear: number;

  @ApiProperty({ description: 'Rundens nummer.' })
  round: number;

  @ApiProperty({ example: '1200000.00', description: 'Summen av vedtakene.' })
  totalNok: string;

  @ApiProperty({ description: 'Når forhåndsorienteringen ble samlet.' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'Når departementets e-posttjener tok imot den.' })
  deliveredAt: string | null;

  @ApiProperty({ type: () => NotificationAcknowledgementResponse, nullable: true, description: 'Departementets kvittering; null til den er gitt.' })
  acknowledgement: NotificationAcknowledgementResponse | null;

  @ApiProperty({ type: NotificationItemResponse, isArray: true, description: 'Vedtakene: mottaker, beløp og kap./post.' })
  items: NotificationItemResponse[];
}
