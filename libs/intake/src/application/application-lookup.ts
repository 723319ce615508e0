import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationRepository, type ApplicationRecord } from '../infrastructure/application.repository';

/**
 * Intake's port for casework: the application behind a case, read only, optionally only when one of
 * `organisationNumbers` applied (null: any). Drafts, attachments and submission stay intake's own,
 * through its repository, which no other context gets.
 */
@Injectable()
export class ApplicationLookup {
  constructor(private readonly repository: ApplicationRepository) {}

  find(manager: EntityManager, caseId: string, organisationNumbers: readonly string[] | null): Promise<ApplicationRecord | undefined> {
    return this.repository.find(manager, caseId, organisationNumbers);
  }
}
