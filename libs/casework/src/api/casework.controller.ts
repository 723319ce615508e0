import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@imdi/auth';
import { CaseError } from '@imdi/cases';
import { BudgetPost, Money } from '@imdi/kernel';
import { ApplicationLookup, scopeOf } from '@imdi/intake';
import type { MessageView } from '@imdi/messaging';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AcceptGrant } from '../application/accept-grant.service';
import { Appeals, type AppealView } from '../application/appeals.service';
import { AssignmentLetters } from '../application/assignment-letters.service';
import { ApproveDecision } from '../application/approve-decision.service';
import { AssessCase } from '../application/assess-case.service';
import { CaseOverviewQuery, type CaseOverview } from '../application/case-overview.query';
import { ApproverDesk, type MyDelegationView, type ProposalAwaitingApproval } from '../application/approver-desk.query';
import { Assignments, type WorkQueuePage } from '../application/assignments.service';
import { ReturnProposal } from '../application/return-proposal.service';
import { RecipientCaseQuery, type RecipientCaseView } from '../application/recipient-case.query';
import { RecipientCaseResponse } from './recipient-case.response';
import { AssignmentLetterResponse } from './assignment-letter.response';
import {
  AppealResponse,
  AssessmentResultResponse,
  BulkAssignResponse,
  CaseLetterResponse,
  CaseNoteResponse,
  CaseOverviewResponse,
  DelegationResponse,
  MinistryNotificationResponse,
  MyDelegationResponse,
  ProposalResponse,
  WorkQueuePageResponse,
} from './staff-case.response';
import { DecisionLetters, type LetterView } from '../application/decision-letters.service';
import { Delegations, type DelegationView } from '../application/delegations.service';
import { Impartiality } from '../application/impartiality.service';
import { MinistryNotifications, type NotificationView } from '../application/ministry-notifications.service';
import { ProposeDecision } from '../application/propose-decision.service';
import { SendProvisionalAnswer } from '../application/provisional-answers.service';
import { CaseNotes, type CaseNoteView } from '../application/case-notes.service';
import { CloseCase } from '../application/close-case.service';
import { CaseworkError } from '../domain/casework.errors';
import {
  AcknowledgeNotificationDto,
  AppealParam,
  MinistryAppealDecisionDto,
  AppealDto,
  AssignmentLetterDto,
  UpholdDto,
  AssessmentDto,
  AssignDto,
  CaseIdParam,
  DeclareConflictDto,
  DelegationDto,
  DelegationIdParam,
  RevokeDelegationDto,
  GatherNotificationDto,
  LetterParams,
  NotificationParam,
  ProposalDto,
  QueueQuery,
  ReturnProposalDto,
  RoundParams,
  BulkAssignDto,
  WorkQueueQueryDto,
  CaseNoteDto,
  ProvisionalAnswerDto,
} from './casework.dto';

@ApiTags('casework')
@ApiBearerAuth()
@Controller('casework')
export class CaseworkController {
  constructor(
    private readonly impartiality: Impartiality,
    private readonly assignments: Assignments,
    private readonly assess: AssessCase,
    private readonly propose: ProposeDecision,
    private readonly approve: ApproveDecision,
    private readonly notifications: MinistryNotifications,
    private readonly letters: DecisionLetters,
    private readonly appeals: Appeals,
    private readonly assignmentLetters: AssignmentLetters,
    private readonly overview: CaseOverviewQuery,
    private readonly approverDesk: ApproverDesk,
    private readonly returnProposal: ReturnProposal,
    private readonly closeCase: CloseCase,
    private readonly provisionalAnswer: SendProvisionalAnswer,
    private readonly notes: CaseNotes,
  ) {}

  /** The casework side of a case on one page, with the actions the caller may take now. */
  @Roles('caseworker', 'approver', 'admin')
  @Get('cases/:id')
  @ApiOkResponse({ type: CaseOverviewResponse })
  caseOverview(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal): Promise<CaseOverview> {
    return this.overview.get(params.id, principal);
  }

  /** The staff work queue: search, filters, sort and paging. Open (the default) means not finished. */
  @Roles('caseworker', 'approver', 'admin')
  @Get('work-queue')
  @ApiOkResponse({ type: WorkQueuePageResponse })
  workQueue(@Query() query: WorkQueueQueryDto, @CurrentPrincipal() principal: Principal): Promise<WorkQueuePage> {
    return this.assignments.workQueue({ ...query, open: query.open === undefined ? undefined : query.open === 'true' }, principal);
  }

  /** Several cases to one caseworker: all or none. */
  @Roles('caseworker', 'approver', 'admin')
  @HttpCode(200)
  @Post('assignments')
  @ApiOkResponse({ type: BulkAssignResponse })
  assignMany(@Body() body: BulkAssignDto, @CurrentPrincipal() principal: Principal): Promise<{ assigned: number }> {
    return this.assignments.assignMany(body.caseIds, body.caseworkerId, principal);
  }

  /** «Mine fullmakter»: the delegations the caller holds or has held. */
  @Roles('approver')
  @Get('my-delegations')
  @ApiOkResponse({ type: MyDelegationResponse, isArray: true })
  myDelegations(@CurrentPrincipal() principal: Principal): Promise<MyDelegationView[]> {
    return this.approverDesk.myDelegations(principal);
  }

  /** Proposals waiting for approval, with the budget room each would use and whether the caller may approve it. */
  @Roles('approver')
  @Get('proposals')
  @ApiOkResponse({ type: ProposalResponse, isArray: true })
  proposals(@CurrentPrincipal() principal: Principal): Promise<ProposalAwaitingApproval[]> {
    return this.approverDesk.proposals(principal);
  }

  /** The caseworker closes a case that has come to its end (report approved, refused, withdrawn, appeal upheld); 409 from any other state. */
  @Roles('caseworker')
  @HttpCode(200)
  @Post('cases/:id/close')
  close(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal) {
    return this.closeCase.execute(params.id, principal);
  }

  /** The approver sends the proposal back to the caseworker with a comment. */
  @Roles('approver')
  @HttpCode(200)
  @Post('cases/:id/return')
  returnForAssessment(@Param() params: CaseIdParam, @Body() body: ReturnProposalDto, @CurrentPrincipal() principal: Principal) {
    return this.returnProposal.execute(params.id, body.comment, principal);
  }

  /** The decision letter as it would be sent now, for reading before sending; nothing is stored. */
  @Roles('caseworker', 'approver')
  @Get('cases/:id/letters/preview')
  async previewLetter(@Param() params: CaseIdParam, @Res() reply: FastifyReply): Promise<void> {
    const pdf = await this.letters.preview(params.id);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'inline; filename="forhandsvisning.pdf"')
      .header('cache-control', 'no-store')
      .send(pdf);
  }

  @Roles('caseworker', 'approver')
  @HttpCode(204)
  @Post('conflicts')
  async declareConflict(@Body() body: DeclareConflictDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.impartiality.declare(principal, body.organisationNumber, body.reason);
  }

  @Roles('caseworker', 'approver', 'admin')
  @HttpCode(204)
  @Post('cases/:id/assign')
  async assign(@Param() params: CaseIdParam, @Body() body: AssignDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.assignments.assign(params.id, body.caseworkerId, principal);
  }

  @Roles('caseworker', 'approver')
  @Get('queue')
  queue(@Query() query: QueueQuery, @CurrentPrincipal() principal: Principal) {
    return this.assignments.queue({ caseworkerId: query.mine === 'true' ? principal.userId : undefined, schemeCode: query.scheme }, principal);
  }

  @Roles('caseworker', 'approver')
  @Get('rounds/:schemeCode/:year/ranking')
  ranking(@Param() params: RoundParams) {
    return this.assignments.ranking(params.schemeCode, params.year);
  }

  @Roles('caseworker')
  @HttpCode(200)
  @Post('cases/:id/assessment')
  @ApiOkResponse({ type: AssessmentResultResponse })
  assessCase(@Param() params: CaseIdParam, @Body() body: AssessmentDto, @CurrentPrincipal() principal: Principal): Promise<AssessmentResultResponse> {
    return this.assess.execute(params.id, body.scores, body.comment, principal);
  }

  /** Sends the applicant a provisional answer now (fvl. § 11a), saying when a decision can be expected. */
  @Roles('caseworker')
  @Post('cases/:id/provisional-answer')
  sendProvisionalAnswer(@Param() params: CaseIdParam, @Body() body: ProvisionalAnswerDto, @CurrentPrincipal() principal: Principal) {
    return this.provisionalAnswer.execute(params.id, body.expectedDecisionDate, principal);
  }

  /** Internal notes on the case, newest first; the applicant never sees them. */
  @Roles('caseworker', 'approver', 'admin')
  @Get('cases/:id/notes')
  @ApiOkResponse({ type: CaseNoteResponse, isArray: true })
  caseNotes(@Param() params: CaseIdParam): Promise<CaseNoteView[]> {
    return this.notes.list(params.id);
  }

  @Roles('caseworker', 'approver')
  @Post('cases/:id/notes')
  @ApiCreatedResponse({ type: CaseNoteResponse })
  addNote(@Param() params: CaseIdParam, @Body() body: CaseNoteDto, @CurrentPrincipal() principal: Principal): Promise<CaseNoteView> {
    return this.notes.add(params.id, body.text, principal);
  }

  @Roles('caseworker')
  @Post('cases/:id/proposal')
  proposeDecision(@Param() params: CaseIdParam, @Body() body: ProposalDto, @CurrentPrincipal() principal: Principal) {
    return this.propose.execute(
      params.id,
      { amount: Money.parseNok(body.amountNok, 'amountNok'), reasons: body.reasons, conditions: body.conditions ?? '', earmarkCode: body.earmarkCode },
      principal,
    );
  }

  @Roles('approver')
  @HttpCode(200)
  @Post('cases/:id/approve')
  approveDecision(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal) {
    return this.approve.execute(params.id, principal);
  }

  @Roles('caseworker', 'approver')
  @Post('ministry-notifications')
  @ApiCreatedResponse({ type: MinistryNotificationResponse })
  gather(@Body() body: GatherNotificationDto, @CurrentPrincipal() principal: Principal): Promise<NotificationView> {
    return this.notifications.gather(body.schemeCode, body.budgetYear, principal);
  }

  @Roles('caseworker', 'approver')
  @Post('cases/:id/letters')
  @ApiCreatedResponse({ type: CaseLetterResponse })
  sendLetter(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal): Promise<LetterView> {
    return this.letters.send(params.id, principal);
  }

  /** Reverses the appealed decision: a new proposal and approval follow through the four-eyes path. */
  @Roles('caseworker')
  @HttpCode(200)
  @Post('cases/:id/appeal/reverse')
  @ApiOkResponse({ type: AppealResponse })
  reverse(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal): Promise<AppealView> {
    return this.appeals.reverse(params.id, principal);
  }

  /** Upholds the decision; a klage goes to the ministry as appeal body with this summary. */
  @Roles('caseworker')
  @HttpCode(200)
  @Post('cases/:id/appeal/uphold')
  @ApiOkResponse({ type: AppealResponse })
  uphold(@Param() params: CaseIdParam, @Body() body: UpholdDto, @CurrentPrincipal() principal: Principal): Promise<AppealView> {
    return this.appeals.uphold(params.id, body.summary, principal);
  }

  @Roles('caseworker', 'approver')
  @Post('assignment-letters')
  issueAssignmentLetter(@Body() body: AssignmentLetterDto, @CurrentPrincipal() principal: Principal) {
    return this.assignmentLetters.issue(body.organisationNumber, body.budgetYear, Money.parseNok(body.frameNok, 'frameNok'), principal);
  }
}

@ApiTags('ministry')
@ApiBearerAuth()
@Controller('ministry')
export class MinistryInboxController {
  constructor(
    private readonly notifications: MinistryNotifications,
    private readonly appeals: Appeals,
  ) {}

  /** Appeals IMDi has upheld and forwarded, with its summary, for the ministry as appeal body. */
  @Roles('ministry', 'admin')
  @Get('appeals')
  @ApiOkResponse({ type: AppealResponse, isArray: true })
  forwardedAppeals(): Promise<AppealView[]> {
    return this.appeals.forwardedToMinistry();
  }

  /** The ministry records its decision as appeal body on a forwarded klage; a reversal sends the case back to IMDi's assessment. */
  @Roles('ministry')
  @HttpCode(200)
  @Post('appeals/:id/decision')
  @ApiOkResponse({ type: AppealResponse })
  decideAppeal(@Param() params: AppealParam, @Body() body: MinistryAppealDecisionDto, @CurrentPrincipal() principal: Principal): Promise<AppealView> {
    return this.appeals.recordMinistryDecision(params.id, body.outcome, body.reasons, principal);
  }

  @Roles('ministry', 'admin')
  @Get('notifications')
  @ApiOkResponse({ type: MinistryNotificationResponse, isArray: true })
  inbox(): Promise<NotificationView[]> {
    return this.notifications.inbox();
  }

  /** The ministry confirms it has read the pre-notification, with a comment if it has one. */
  @Roles('ministry')
  @HttpCode(200)
  @Post('notifications/:id/acknowledge')
  @ApiOkResponse({ type: MinistryNotificationResponse })
  acknowledge(
    @Param() params: NotificationParam,
    @Body() body: AcknowledgeNotificationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NotificationView> {
    return this.notifications.acknowledge(params.id, body.comment, principal);
  }

  @Roles('ministry', 'admin')
  @Get('notifications/:id')
  @ApiOkResponse({ type: MinistryNotificationResponse })
  async one(@Param() params: NotificationParam): Promise<NotificationView> {
    const notification = await this.notifications.view(params.id, true);
    if (!notification) throw new CaseworkError('LETTER_NOT_FOUND', `Fant ingen levert forhåndsorientering med id ${params.id}.`, {}, 'id');
    return notification;
  }
}

/** What the recipient (and IMDi staff) do with a decided case: read its letters, accept the grant. */
@ApiTags('casework')
@ApiBearerAuth()
@Controller('cases')
export class CaseLettersController {
  constructor(
    private readonly letters: DecisionLetters,
    private readonly accept: AcceptGrant,
    private readonly appeals: Appeals,
    private readonly applications: ApplicationLookup,
    private readonly dataSource: DataSource,
    private readonly recipientView: RecipientCaseQuery,
  ) {}

  /** What happened on the case as the recipient reads it: decision, acceptance deadline, payouts, reclaims. */
  @Roles('applicant', 'caseworker', 'approver', 'admin')
  @Get(':id/outcome')
  @ApiOkResponse({ type: RecipientCaseResponse })
  outcome(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal): Promise<RecipientCaseView> {
    return this.recipientView.get(params.id, principal);
  }

  /** The recipient appeals (enkeltvedtak) or asks for a renewed assessment, by the scheme's route. */
  @Roles('applicant')
  @Post(':id/appeal')
  @ApiCreatedResponse({ type: AppealResponse })
  appeal(@Param() params: CaseIdParam, @Body() body: AppealDto, @CurrentPrincipal() principal: Principal): Promise<AppealView> {
    return this.appeals.receive(params.id, body.grounds, principal);
  }

  @Roles('applicant', 'caseworker', 'approver', 'admin')
  @Get(':id/letters')
  @ApiOkResponse({ type: CaseLetterResponse, isArray: true })
  async list(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal): Promise<LetterView[]> {
    await this.assertVisible(params.id, principal);
    return this.letters.list(this.dataSource.manager, params.id);
  }

  @Roles('applicant', 'caseworker', 'approver', 'admin')
  @Get(':id/letters/:letterId')
  async download(@Param() params: LetterParams, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    await this.assertVisible(params.id, principal);
    const letter = await this.letters.pdf(this.dataSource.manager, params.id, params.letterId);
    await reply.header('content-type', 'application/pdf').header('x-content-sha256', letter.sha256).send(letter.pdf);
  }

  @Roles('applicant')
  @HttpCode(200)
  @Post(':id/accept')
  async acceptGrant(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal) {
    const file = await this.accept.execute(params.id, principal);
    return { id: file.id, status: file.status };
  }

  private async assertVisible(caseId: string, principal: Principal): Promise<void> {
    if (!(await this.applications.find(this.dataSource.manager, caseId, scopeOf(principal)))) {
      throw new CaseError('CASE_NOT_FOUND', `Fant ingen sak med id ${caseId} som du har tilgang til.`, { caseId });
    }
  }
}

@ApiTags('casework')
@ApiBearerAuth()
@Controller('assignment-letters')
export class AssignmentLettersController {
  constructor(private readonly assignmentLetters: AssignmentLetters) {}

  /** The assignment letters written to the caller's own municipalities; PDF at GET /assignment-letters/{id}. */
  @Roles('applicant')
  @ApiOkResponse({ type: AssignmentLetterResponse, isArray: true })
  @Get()
  mine(@CurrentPrincipal() principal: Principal): Promise<AssignmentLetterResponse[]> {
    return this.assignmentLetters.ofCaller(principal);
  }

  /** The letter's digital post and its delivery state (queued, handed over, delivered, read, failed with the reason). */
  @Roles('caseworker', 'approver', 'admin')
  @Get(':id/messages')
  messages(@Param() params: NotificationParam): Promise<MessageView[]> {
    return this.assignmentLetters.deliveries(params.id);
  }

  @Roles('applicant', 'caseworker', 'approver', 'admin')
  @Get(':id')
  async download(@Param() params: NotificationParam, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const letter = await this.assignmentLetters.pdf(params.id, principal);
    await reply.header('content-type', 'application/pdf').header('x-content-sha256', letter.sha256).send(letter.pdf);
  }
}

@ApiTags('casework')
@ApiBearerAuth()
@Controller('admin/delegations')
export class DelegationsController {
  constructor(private readonly delegations: Delegations) {}

  @Roles('admin')
  @Post()
  @ApiCreatedResponse({ type: DelegationResponse })
  grant(@Body() body: DelegationDto, @CurrentPrincipal() principal: Principal): Promise<DelegationView> {
    return this.delegations.grant(
      body.approverId,
      BudgetPost.parse(body.budgetPost, 'budgetPost'),
      Money.parseNok(body.maxAmountNok, 'maxAmountNok'),
      body.reference,
      principal,
    );
  }

  @Roles('admin')
  @Get()
  @ApiOkResponse({ type: DelegationResponse, isArray: true })
  list(): Promise<DelegationView[]> {
    return this.delegations.list();
  }

  /** Revoking is audited and stops every approval that has not yet relied on the delegation. */
  @Roles('admin')
  @HttpCode(200)
  @Post(':id/revoke')
  @ApiOkResponse({ type: DelegationResponse })
  revoke(@Param() params: DelegationIdParam, @Body() body: RevokeDelegationDto, @CurrentPrincipal() principal: Principal): Promise<DelegationView> {
    return this.delegations.revoke(params.id, body.reason, principal);
  }
}
