import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { AccountNumber, OrganisationNumber } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { IntakeError } from '../domain/intake.errors';
import { OrganisationRepository, type Organisation } from '../infrastructure/organisation.repository';

/** Only the last digits go into the audit trail: enough to tell accounts apart, not to use one. */
const masked = (account: string): string => `*******${account.slice(-4)}`;

/**
 * The organisation registers another bank account (the bank rejected a payment to a closed or wrong
 * one, or the organisation changed banks). Payments not yet made go to the new account; a
 * rejected instalment waiting for it is paid by the next payout run.
 */
@Injectable()
export class ChangeOrganisationAccount {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: OrganisationRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(organisationNumberInput: string, accountNumberInput: string, principal: Principal): Promise<Organisation> {
    const organisationNumber = OrganisationNumber.of(organisationNumberInput, 'organisationNumber');
    const accountNumber = AccountNumber.of(accountNumberInput, 'accountNumber');
    if (!principal.roles.includes('admin') && !principal.organisationNumbers.includes(organisationNumber.value)) {
      throw new IntakeError('NOT_ACTING_FOR_ORGANISATION', `Du handler ikke på vegne av organisasjonen ${organisationNumber.value}`, {}, 'organisationNumber');
    }
    return this.dataSource.transaction(async (manager) => {
      const changed = await this.repository.changeAccount(manager, organisationNumber.value, accountNumber.value);
      if (!changed) throw new IntakeError('ORGANISATION_NOT_FOUND', `Organisasjonen ${organisationNumber.value} er ikke registrert`, {}, 'organisationNumber');
      if (changed.previousAccount === accountNumber.value) {
        throw new IntakeError('ACCOUNT_UNCHANGED', 'Kontonummeret er det samme som det som allerede er registrert', {}, 'accountNumber');
      }
      await this.audit.record(manager, {
        actor: principal,
        action: 'organisation.account-changed',
        entityType: 'organisation',
        entityId: changed.organisation.id,
        before: { accountNumber: masked(changed.previousAccount) },
        after: { accountNumber: masked(accountNumber.value) },
      });
      return changed.organisation;
    });
  }
}

/** The organisation names another contact person (mails about its cases go to the new address). */
@Injectable()
export class ChangeOrganisationContact {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: OrganisationRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(
    organisationNumberInput: string,
    contact: { contactName: string; contactEmail: string; contactPhone?: string },
    principal: Principal,
  ): Promise<Organisation> {
    const organisationNumber = OrganisationNumber.of(organisationNumberInput, 'organisationNumber');
    if (!principal.roles.includes('admin') && !principal.organisationNumbers.includes(organisationNumber.value)) {
      throw new IntakeError('NOT_ACTING_FOR_ORGANISATION', `Du handler ikke på vegne av organisasjonen ${organisationNumber.value}`, {}, 'organisationNumber');
    }
    const wanted = {
      contactName: contact.contactName.trim(),
      contactEmail: contact.contactEmail.trim(),
      contactPhone: contact.contactPhone?.trim() ? contact.contactPhone.trim() : null,
    };
    return this.dataSource.transaction(async (manager) => {
      const changed = await this.repository.changeContact(manager, organisationNumber.value, wanted);
      if (!changed) throw new IntakeError('ORGANISATION_NOT_FOUND', `Organisasjonen ${organisationNumber.value} er ikke registrert`, {}, 'organisationNumber');
      await this.audit.record(manager, {
        actor: principal,
        action: 'organisation.contact-changed',
        entityType: 'organisation',
        entityId: changed.organisation.id,
        before: changed.previous,
        after: wanted,
      });
      return changed.organisation;
    });
  }
}
