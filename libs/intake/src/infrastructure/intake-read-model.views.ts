/**
 * The intake context's published read model, read by other contexts instead of its tables. Installed
 * by migration 1796330000000; listed as published in scripts/check-house-rules.ts.
 */

/**
 * Every registered organisation as others need it to pay and write to it: name, kind, account, the
 * written standard its letters use, the contact person and the postal address.
 */
export const ORGANISATION_DIRECTORY_VIEW = `
  CREATE OR REPLACE VIEW organisation_directory AS
  SELECT o.organisation_number, o.name, o.kind, o.municipality_number, o.account_number, o.written_standard,
         o.contact_name, o.contact_email, o.contact_phone, o.postal_address, o.postal_code, o.postal_place
  FROM organisation o`;
