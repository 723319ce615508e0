import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import { mayReachOrganisation, type Principal } from '@imdi/auth';
import { AccountNumber, MunicipalityNumber, OrganisationNumber } from '@imdi/kernel';
import type { ApplicantType } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { IntakeError } from '../domain/intake.errors';
import { OrganisationRepository, type Organisation } from '../infrastructure/organisation.repository';

export interface OrganisationRegistration {
  readonly organisationNumber: string;
  readonly name: string;
  readonly kind: ApplicantType;
  readonly municipalityNumber?: string;
  readonly accountNumber: string;
  readonly writtenStandard: 'nb' | 'nn';
  readonly contactName: string;
  readonly contactEmail: string;
  readonly contactPhone?: string;
  readonly postalAddress?: string;
  readonly postalCode?: string;
  readonly postalPlace?: string;
}

/** An applicant registers an organisation they act for (or an admin does it for them). */
@Injectable()
export class RegisterOrganisation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: OrganisationRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(registration: OrganisationRegistration, principal: Principal): Promise<Organisation> {
    // Value objects refuse bad numbers with the field and the rule (400).
    const organisationNumber = OrganisationNumber.of(registration.organisationNumber, 'organisationNumber');
    const accountNumber = AccountNumber.of(registration.accountNumber, 'accountNumber');
    const municipalityNumber = registration.municipalityNumber ? MunicipalityNumber.of(registration.municipalityNumber, 'municipalityNumber') : undefined;
    if ((registration.kind === 'kommune' || registration.kind === 'fylkeskommune') && !municipalityNumber) {
      throw new IntakeError('NOT_ELIGIBLE', 'Kommuner og fylkeskommuner må oppgi kommunenummer (eller fylkesnummer og 00).', {}, 'municipalityNumber');
    }
    if (!mayReachOrganisation(principal, organisationNumber.value, ['admin'])) {
      throw new IntakeError(
        'NOT_ACTING_FOR_ORGANISATION',
        `Du handler ikke på vegne av organisasjonsnummer ${organisationNumber.value}.`,
        {},
        'organisationNumber',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const created = await this.repository.insert(manager, {
        organisationNumber: organisationNumber.value,
        name: registration.name,
        kind: registration.kind,
        municipalityNumber: municipalityNumber?.value ?? null,
        accountNumber: accountNumber.value,
        writtenStandard: registration.writtenStandard,
        contactName: registration.contactName,
        contactEmail: registration.contactEmail,
        contactPhone: registration.contactPhone ?? null,
        postalAddress:
          registration.postalAddress && registration.postalCode && registration.postalPlace
            ? { addressLine: registration.postalAddress, postalCode: registration.postalCode, postalPlace: registration.postalPlace }
            : null,
      });
      if (!created)
        throw new IntakeError('ORGANISATION_EXISTS', `Organisasjonsnummer ${organisationNumber.value} er allerede registrert.`, {}, 'organisationNumber');
      await this.audit.record(manager, {
        actor: principal,
        action: 'organisation.registered',
        entityType: 'organisation',
        entityId: created.id,
        after: { organisationNumber: created.organisationNumber, name: created.name, kind: created.kind, writtenStandard: created.writtenStandard },
      });
      return created;
    });
  }
}
