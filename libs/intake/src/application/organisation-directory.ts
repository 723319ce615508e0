import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrganisationRepository, type Organisation } from '../infrastructure/organisation.repository';

/**
 * Intake's port for the contexts that write to or about registered organisations (casework's letters,
 * the journal, recipient reports): who an organisation is, read only. Registering one and changing its
 * account or contact stay intake's own, through its repository, which no other context gets.
 */
@Injectable()
export class OrganisationDirectory {
  constructor(private readonly repository: OrganisationRepository) {}

  findByNumber(manager: EntityManager, organisationNumber: string): Promise<Organisation | undefined> {
    return this.repository.findByNumber(manager, organisationNumber);
  }

  findById(manager: EntityManager, id: string): Promise<Organisation | undefined> {
    return this.repository.findById(manager, id);
  }

  listByNumbers(manager: EntityManager, organisationNumbers: readonly string[]): Promise<Organisation[]> {
    return this.repository.listByNumbers(manager, organisationNumbers);
  }
}
