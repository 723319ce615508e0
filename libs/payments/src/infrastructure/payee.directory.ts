import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A registered organisation as payments needs it: whom to pay, where, and how to write to it. */
export interface Payee {
  readonly organisationNumber: string;
  readonly name: string;
  readonly accountNumber: string;
  readonly writtenStandard: 'nb' | 'nn';
  readonly contactName: string;
  readonly contactEmail: string;
  /** Where letters go; null for organisations registered before addresses were asked for. */
  readonly postalAddress: { readonly addressLine: string; readonly postalCode: string; readonly postalPlace: string } | null;
}

interface PayeeRow {
  organisation_number: string;
  name: string;
  account_number: string;
  written_standard: 'nb' | 'nn';
  contact_name: string;
  contact_email: string;
  postal_address: string | null;
  postal_code: string | null;
  postal_place: string | null;
}

const COLUMNS = `organisation_number, name, account_number, written_standard, contact_name, contact_email, postal_address, postal_code, postal_place`;

const toPayee = (row: PayeeRow): Payee => ({
  organisationNumber: row.organisation_number,
  name: row.name,
  accountNumber: row.account_number,
  writtenStandard: row.written_standard,
  contactName: row.contact_name,
  contactEmail: row.contact_email,
  postalAddress:
    row.postal_address && row.postal_code && row.postal_place
      ? { addressLine: row.postal_address, postalCode: row.postal_code, postalPlace: row.postal_place }
      : null,
});

/** Payees from the organisation register intake publishes (organisation_directory), not from its tables. */
@Injectable()
export class PayeeDirectory {
  async find(manager: EntityManager, organisationNumber: string): Promise<Payee | undefined> {
    const rows: PayeeRow[] = await manager.query(`SELECT ${COLUMNS} FROM organisation_directory WHERE organisation_number = $1`, [organisationNumber]);
    return rows[0] && toPayee(rows[0]);
  }

  /** The payees among `organisationNumbers` (repeats allowed), by organisation number; one look-up. */
  async byNumber(manager: EntityManager, organisationNumbers: Iterable<string>): Promise<Map<string, Payee>> {
    const rows: PayeeRow[] = await manager.query(`SELECT ${COLUMNS} FROM organisation_directory WHERE organisation_number = ANY($1::text[])`, [
      [...new Set(organisationNumbers)],
    ]);
    return new Map(rows.map((row) => [row.organisation_number, toPayee(row)]));
  }
}
