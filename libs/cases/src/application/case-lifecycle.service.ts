import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditActor } from '@imdi/audit';
import type { EntityManager } from 'typeorm';
import { CaseError } from '../domain/case.errors';
import type { CaseStatus } from '../domain/case-status';
import { movesOf, nextStatus, type CaseMove, type CaseTransition, type SchemeKindOfCase } from '../domain/case.state-machine';
import { CaseFileRepository, type CaseFile } from '../infrastructure/case-file.repository';

/** One case's part in a set of transitions taken together (see `prepareTransitions`). */
export interface TransitionRequest {
  readonly caseId: string;
  readonly actor: AuditActor;
  readonly record?: TransitionRecord;
}

/** A transition the state machine allowed, with its case locked until the transaction ends. */
export interface PlannedTransition {
  readonly transition: CaseTransition;
  readonly current: CaseFile;
  readonly status: CaseStatus;
  readonly request: TransitionRequest;
}

export interface TransitionPlan {
  readonly allowed: readonly PlannedTransition[];
  /** Cases the state machine refused (or that do not exist), with the refusal. */
  readonly refused: ReadonlyArray<{ readonly request: TransitionRequest; readonly error: CaseError }>;
}

export interface TransitionRecord {
  /** Why, in the caseworker's or the system's words; stored in the audit trail. */
  readonly reason?: string;
  /** Facts of the transition worth keeping beside it (amounts, decision ids, the reason a step is skipped). */
  readonly details?: Record<string, unknown>;
  readonly correlationId?: string;
}

/** Transitions whose case number, status and audit entry are written together in one statement. */
const NUMBERED_IN_ONE_STATEMENT: ReadonlySet<CaseTransition> = new Set(['submit']);

/**
 * The one way a case changes state: lock the case, ask the state machine, write the new status and
 * the audit entry in the caller's transaction. The one exception is the submission, which takes a
 * consecutive case number per Oslo year of receipt: the intake's `submit_applications` function
 * (migration SubmitApplicationsInOneStatement) locks, moves, numbers and audits a batch of cases in
 * one statement, given the state machine's table of moves (`movesFor('submit')`).
 */
@Injectable()
export class CaseLifecycle {
  private readonly moveTables = new Map<CaseTransition, readonly CaseMove[]>();

  constructor(
    private readonly repository: CaseFileRepository,
    private readonly audit: AuditTrail,
  ) {}

  async open(
    manager: EntityManager,
    file: { id: string; schemeCode: string; budgetYear: number; schemeKind: SchemeKindOfCase; organisationNumber: string },
    actor: AuditActor,
  ): Promise<void> {
    await this.repository.insert(manager, file);
    await this.audit.record(manager, {
      actor,
      action: 'case.opened',
      entityType: 'case',
      entityId: file.id,
      after: { status: 'draft', schemeCode: file.schemeCode, budgetYear: file.budgetYear },
    });
  }

  async transition(manager: EntityManager, caseId: string, transition: CaseTransition, actor: AuditActor, record: TransitionRecord = {}): Promise<CaseFile> {
    const plan = await this.prepareTransitions(manager, transition, [{ caseId, actor, record }]);
    if (plan.refused.length > 0) throw plan.refused[0].error;
    const [changed] = await this.applyTransitions(manager, plan.allowed);
    return changed;
  }

  /**
   * The same transition for many cases in one transaction, written set-based: locks the cases (in id
   * order) and asks the state machine for each now; `applyTransitions` writes what it allowed. The
   * caller writes its own rows in between, so the audit chain head is locked last and for as short
   * a time as possible.
   */
  async prepareTransitions(manager: EntityManager, transition: CaseTransition, requests: readonly TransitionRequest[]): Promise<TransitionPlan> {
    if (NUMBERED_IN_ONE_STATEMENT.has(transition)) throw new Error(`A ${transition} takes a case number; it is written by submit_applications, not here`);
    const locked = new Map(
      (
        await this.repository.lockMany(
          manager,
          requests.map((request) => request.caseId),
        )
      ).map((file) => [file.id, file]),
    );
    const allowed: PlannedTransition[] = [];
    const refused: Array<{ request: TransitionRequest; error: CaseError }> = [];
    for (const request of requests) {
      const current = locked.get(request.caseId);
      if (!current) {
        refused.push({ request, error: new CaseError('CASE_NOT_FOUND', `Fant ingen sak med id ${request.caseId}.`, { caseId: request.caseId }) });
        continue;
      }
      try {
        allowed.push({ transition, current, status: nextStatus({ status: current.status, schemeKind: current.schemeKind }, transition), request });
      } catch (error) {
        if (!(error instanceof CaseError)) throw error;
        refused.push({ request, error });
      }
    }
    return { allowed, refused };
  }

  async applyTransitions(manager: EntityManager, planned: readonly PlannedTransition[]): Promise<CaseFile[]> {
    if (planned.length === 0) return [];
    await this.repository.updateStatuses(
      manager,
      planned.map((plan) => ({ id: plan.current.id, status: plan.status })),
    );
    await this.audit.recordMany(
      manager,
      planned.map((plan) => {
        const record = plan.request.record ?? {};
        return {
          actor: plan.request.actor,
          action: `case.${plan.transition}`,
          entityType: 'case',
          entityId: plan.current.id,
          before: { status: plan.current.status },
          after: { status: plan.status, reason: record.reason, ...record.details },
          correlationId: record.correlationId,
        };
      }),
    );
    return planned.map((plan) => ({ ...plan.current, status: plan.status }));
  }

  /**
   * The moves a transition allows, as the state machine's table: for a write that checks and moves
   * the cases in one database statement (a submission, which also takes its case number there).
   */
  movesFor(transition: CaseTransition): readonly CaseMove[] {
    let moves = this.moveTables.get(transition);
    if (!moves) this.moveTables.set(transition, (moves = movesOf(transition)));
    return moves;
  }

  async lockCase(manager: EntityManager, caseId: string): Promise<CaseFile> {
    const current = await this.repository.lock(manager, caseId);
    if (!current) throw new CaseError('CASE_NOT_FOUND', `Fant ingen sak med id ${caseId}.`, { caseId });
    return current;
  }

  find(manager: EntityManager, caseId: string): Promise<CaseFile | undefined> {
    return this.repository.find(manager, caseId);
  }

  findMany(manager: EntityManager, caseIds: readonly string[]): Promise<CaseFile[]> {
    return this.repository.findMany(manager, caseIds);
  }

  /** The cases of one scheme and year in one status, by case number (e.g. approved søkbar decisions awaiting the ministry). */
  inStatus(manager: EntityManager, filter: { schemeCode: string; budgetYear: number; schemeKind: SchemeKindOfCase; status: CaseStatus }): Promise<CaseFile[]> {
    return this.repository.inStatus(manager, filter);
  }
}
