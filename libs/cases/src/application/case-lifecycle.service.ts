import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditActor } from '@imdi/audit';
import { osloParts } from '@imdi/kernel';
import type { EntityManager } from 'typeorm';
import { CaseError } from '../domain/case.errors';
import { nextStatus, type CaseTransition, type SchemeKindOfCase } from '../domain/case.state-machine';
import { CaseFileRepository, type CaseFile } from '../infrastructure/case-file.repository';

export interface TransitionRecord {
  /** Why, in the caseworker's or the system's words; stored in the audit trail. */
  readonly reason?: string;
  /** Facts of the transition worth keeping beside it (amounts, decision ids, the reason a step is skipped). */
  readonly details?: Record<string, unknown>;
  readonly correlationId?: string;
  /** When it happened, from the caller's clock (the receipt time of a submission). */
  readonly at?: Date;
}

/**
 * The one way a case changes state: lock the case, ask the state machine, write the new status and
 * the audit entry in the caller's transaction. Nothing else updates case_file.status.
 */
@Injectable()
export class CaseLifecycle {
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
    await this.audit.record(manager, { actor, action: 'case.opened', entityType: 'case', entityId: file.id, after: { status: 'draft', schemeCode: file.schemeCode, budgetYear: file.budgetYear } });
  }

  async transition(manager: EntityManager, caseId: string, transition: CaseTransition, actor: AuditActor, record: TransitionRecord = {}): Promise<CaseFile> {
    const current = await this.lockCase(manager, caseId);
    const status = nextStatus({ status: current.status, schemeKind: current.schemeKind }, transition);
    let changes: { caseNumber?: string; receivedAt?: Date } = {};
    if (transition === 'submit') {
      // fvl. § 11a: the receipt date starts the case-handling clock; the number follows the Oslo year of receipt.
      const receivedAt = record.at ?? new Date();
      changes = { receivedAt, caseNumber: await this.repository.nextCaseNumber(manager, osloParts(receivedAt).year) };
    }
    await this.repository.updateStatus(manager, caseId, status, changes);
    await this.audit.record(manager, {
      actor,
      action: `case.${transition}`,
      entityType: 'case',
      entityId: caseId,
      before: { status: current.status },
      after: { status, ...changes, reason: record.reason, ...record.details },
      correlationId: record.correlationId,
    });
    return { ...current, status, caseNumber: changes.caseNumber ?? current.caseNumber, receivedAt: changes.receivedAt ?? current.receivedAt };
  }

  async lockCase(manager: EntityManager, caseId: string): Promise<CaseFile> {
    const current = await this.repository.lock(manager, caseId);
    if (!current) throw new CaseError('CASE_NOT_FOUND', `There is no case ${caseId}`, { caseId });
    return current;
  }

  find(manager: EntityManager, caseId: string): Promise<CaseFile | undefined> {
    return this.repository.find(manager, caseId);
  }

  findMany(manager: EntityManager, caseIds: readonly string[]): Promise<CaseFile[]> {
    return this.repository.findMany(manager, caseIds);
  }
}
