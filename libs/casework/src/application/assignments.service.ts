import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { CaseLifecycle } from '@imdi/cases';
import { DataSource } from 'typeorm';
import { CaseworkRepository } from '../infrastructure/casework.repository';
import { Impartiality } from './impartiality.service';

/** Cases are assigned to caseworkers; each has a work queue, and each scheme has one. */
@Injectable()
export class Assignments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CaseworkRepository,
    private readonly cases: CaseLifecycle,
    private readonly impartiality: Impartiality,
    private readonly audit: AuditTrail,
  ) {}

  async assign(caseId: string, caseworkerId: string, principal: Principal): Promise<void> {
    await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const file = await this.cases.lockCase(manager, caseId);
      if (caseworkerId === principal.userId) await this.impartiality.assertImpartial(manager, principal, file.organisationNumber, caseId, 'take');
      await this.repository.assign(manager, caseId, caseworkerId, principal.userId);
      await this.audit.record(manager, { actor: principal, action: 'case.assigned', entityType: 'case', entityId: caseId, after: { caseworkerId } });
    });
  }

  queue(filter: { caseworkerId?: string; schemeCode?: string }) {
    return this.repository.queue(this.dataSource.manager, filter);
  }

  ranking(schemeCode: string, budgetYear: number) {
    return this.repository.ranking(this.dataSource.manager, schemeCode, budgetYear);
  }
}
