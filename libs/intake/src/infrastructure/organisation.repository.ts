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
  postalAddress: row.postal_address && row.postal_code && row.postal_place ? { addressLine: row.postal_address, postalCode: row.postal_code, postalPlace: row.postal_place } : null,
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

  async findByNumber(manager: EntityManager, organisationNumber: string): Promise<Organisation | undefined> {
    const rows: OrganisationRecord[] = await manager.query(`SELECT * FROM organisation WHERE organisation_number = $1`, [organisationNumber]);
    return rows[0] && toOrganisation(rows[0]);
  }

  async findById(manager: EntityManager, id: string): Promise<Organisation | undefined> {
    const rows: OrganisationRecord[] = await manager.query(`SELECT * FROM organisation WHERE id = $1`, [id]);
    return rows[0] && toOrganisation(rows[0]);
  }

  async listByNumbers(manager: EntityManager, organisationNumbers: readonly string[]): Promise<Organisation[]> {
    const rows: OrganisationRecord[] = await manager.query(
      `SELECT * FROM organisation WHERE organisation_number = ANY($1::text[]) ORDER BY name`,
      [organisationNumbers],
    );
    return rows.map(toOrganisation);
  }
}
