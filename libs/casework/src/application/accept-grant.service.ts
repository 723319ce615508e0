import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle, type CaseFile } from '@imdi/cases';
import { Clock } from '@imdi/kernel';
import { ApplicationRepository } from '@imdi/intake';
import { DataSource } from 'typeorm';
import { CaseworkError } from '../domain/casework.errors';

const ACCEPT_WITHIN_MS = 21 * 86_400_000;

/** The recipient accepts the grant and its conditions, within the deadline the letter gives. */
@Injectable()
export class AcceptGrant {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly cases: CaseLifecycle,
    private readonly clock: Clock,
  ) {}

  async execute(caseId: string, principal: Principal): Promise<CaseFile> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      if (!(await this.applications.find(manager, caseId, principal.organisationNumbers))) {
        throw new CaseworkError('LETTER_NOT_FOUND', `There is no grant ${caseId} you can see`, {}, 'id');
      }
      const [letter]: Array<{ produced_at: Date }> = await manager.query(`SELECT produced_at FROM letter WHERE case_id = $1 AND kind = 'grant' ORDER BY produced_at DESC LIMIT 1`, [caseId]);
      if (letter && this.clock.now().getTime() > letter.produced_at.getTime() + ACCEPT_WITHIN_MS) {
        throw new CaseworkError('ACCEPTANCE_DEADLINE_PASSED', 'The deadline for accepting this grant has passed; contact IMDi', {});
      }
      return this.cases.transition(manager, caseId, 'accept', principal, { reason: 'the recipient accepts the grant and its conditions' });
    });
  }
}
