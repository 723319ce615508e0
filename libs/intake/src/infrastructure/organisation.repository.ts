import { Injectable } from '@nestjs/common';
import type { ApplicantType } from '@imdi/schemes';
import type { EntityManager } from 'typeorm';

export interface Organisation {
  readonly id: string;
  readonly organisationNumber: string;
  readonly name: string;
  readonly kind: ApplicantType;
  readonly municipalityNumber: string | null;
  readonly accountNumber: string;
  readonly writtenStandard: 'nb' | 'nn';
  readonly contactName: string;
  readonly contactEmail: string;
  readonly contactPhone: string | null;
  /** Where letters go; null for organisations registered before addresses were asked for. */
  readonly postalAddress: PostalAddress | null;
}

export interface PostalAddress {
  /** "Postboks 123" or "Storgata 1" */
  readonly addressLine: string;
  readonly postalCode: string;
  readonly postalPlace: string;
}

export interface OrganisationRecord {
  id: string;
  organisation_number: string;
  name: string;
  kind: ApplicantType;
  municipality_number: string | null;
  account_number: string;
  written_standard: 'nb' | 'nn';
  contact_name: string;
  contact_email: string;
  contact_phone?: string | null;
  postal_address?: string | null;
  postal_code?: string | null;
  postal_place?: string | null;
}

export const toOrganisation = (row: OrganisationRecord): Organisation => ({
  id: row.id,
  organisationNumber: row.organisation_number,
  name: row.name,
  kind: row.kind,
  municipalityNumber: row.municipality_number,
  accountNumber: row.account_number,
  writtenStandard: row.written_standard,
  contactName: row.contact_name,
  contactEmail: row.contact_email,
  contactPhone: row.contact_phone ?? null,
  postalAddress:
    row.postal_address && row.postal_code && row.postal_place
      ? { addressLine: row.postal_address, postalCode: row.postal_code, postalPlace: row.postal_place }
      : null,
});

@Injectable()
export class OrganisationRepository {
  async insert(manager: EntityManager, organisation: Omit<Organisation, 'id'>): Promise<Organisation | undefined> {
    const rows: OrganisationRecord[] = await manager.query(
      `INSERT INTO organisation (organisation_number, name, kind, municipality_number, account_number, written_standard, contact_name, contact_email, contact_phone, postal_address, postal_code, postal_place)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (organisation_number) DO NOTHING RETURNING *`,
      [
        organisation.organisationNumber,
        organisation.name,
        organisation.kind,
        organisation.municipalityNumber,
        organisation.accountNumber,
        organisation.writtenStandard,
        organisation.contactName,
        organisation.contactEmail,
        organisation.contactPhone,
        organisation.postalAddress?.addressLine ?? null,
        organisation.postalAddress?.postalCode ?? null,
        organisation.postalAddress?.postalPlace ?? null,
      ],
    );
    return rows[0] && toOrganisation(rows[0]);
  }

  /** The new account, with the one it replaces; nothing when the organisation is not registered. */
  async changeAccount(
    manager: EntityManager,
    organisationNumber: string,
    accountNumber: string,
  ): Promise<{ organisation: Organisation; previousAccount: string } | undefined> {
    const [previous]: Array<{ account_number: string }> = await manager.query(
      `SELECT account_number FROM organisation WHERE organisation_number = $1 FOR UPDATE`,
      [organisationNumber],
    );
    if (!previous) return undefined;
    // TypeORM returns an UPDATE's rows with its count: [rows, count].
    const [rows]: [OrganisationRecord[], number] = await manager.query(
      `UPDATE organisation SET account_number = $2 WHERE organisation_number = $1 RETURNING *`,
      [organisationNumber, accountNumber],
    );
    return { organisation: toOrganisation(rows[0]), previousAccount: previous.account_number };
  }

  /** The new contact person, with the one it replaces; nothing when the organisation is not registered. */
  async changeContact(
    manager: EntityManager,
    organisationNumber: string,
    contact: { contactName: string; contactEmail: string; contactPhone: string | null },
  ): Promise<{ organisation: Organisation; previous: { contactName: string; contactEmail: string; contactPhone: string | null } } | undefined> {
    const [previous]: OrganisationRecord[] = await manager.query(`SELECT * FROM organisation WHERE organisation_number = $1 FOR UPDATE`, [organisationNumber]);
    if (!previous) return undefined;
    const [rows]: [OrganisationRecord[], number] = await manager.query(
      `UPDATE organisation SET contact_name = $2, contact_email = $3, contact_phone = $4 WHERE organisation_number = $1 RETURNING *`,
      [organisationNumber, contact.contactName, contact.contactEmail, contact.contactPhone],
    );
    const before = toOrganisation(previous);
    return {
      organisation: toOrganisation(rows[0]),
      previous: { contactName: before.contactName, contactEmail: before.contactEmail, contactPhone: before.contactPhone },
    };
  }

  async findByNumber(manager: EntityManager, organisationNumber: string): Promise<Organisation | undefined> {
    const rows: OrganisationRecord[] = await manager.query(`SELECT * FROM organisation WHERE organisation_number = $1`, [organisationNumber]);
    return rows[0] && toOrganisation(rows[0]);
  }

  async findById(manager: EntityManager, id: string): Promise<Organisation | undefined> {
    const rows: OrganisationRecord[] = await manager.query(`SELECT * FROM organisation WHERE id = $1`, [id]);
    return rows[0] && toOrganisation(rows[0]);
  }

  async listByNumbers(manager: EntityManager, organisationNumbers: readonly string[]): Promise<Organisation[]> {
    const rows: OrganisationRecord[] = await manager.query(`SELECT * FROM organisation WHERE organisation_number = ANY($1::text[]) ORDER BY name`, [
      organisationNumbers,
    ]);
    return rows.map(toOrganisation);
  }
}
