import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '@imdi/platform';
import { ApplicationQuery } from './application.query';
import { ISSUE_RECEIPT } from './intake.jobs';

/** Renders and stores the receipt right after submission; idempotent, the first stored receipt wins. */
@Injectable()
@HandlesJob(ISSUE_RECEIPT)
export class IssueReceiptHandler implements JobHandler<{ applicationId: string }> {
  constructor(private readonly query: ApplicationQuery) {}

  async handle(payload: { applicationId: string }): Promise<void> {
    await this.query.receipt(payload.applicationId, null);
  }
}
