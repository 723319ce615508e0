/**
 * Noark 5 arkivmelding: the typed model (schema element names and code values), the builder, the
 * validator against the vendored official schema, and a reader for the receiving side.
 *
 *   const xml = buildArkivmelding({ system, meldingId, tidspunkt, saksmappe: { systemID: saksmappeSystemID(2026, 17), …, journalposter: [post] } });
 *   const { valid, errors } = validateArkivmelding(xml); // errors: ["linje 63: elementet «offentligTittel» er ikke ventet her; …"]
 *
 * A journalpost on its own: `{ system, meldingId, tidspunkt, journalpost: { ...post, referanseForelderMappe: saksmappeSystemID(2026, 17) } }`.
 */
export * from './domain/arkivmelding.model';
export * from './domain/noark-system-id';
export * from './domain/dokumentfil';
export { buildArkivmelding, ARKIVMELDING_NAMESPACE, VIRKSOMHETSSPESIFIKKE_METADATA_NAMESPACE } from './infrastructure/arkivmelding.builder';
export { validateArkivmelding, validateArkivmeldingAsync, ARKIVMELDING_XSD_PATH } from './infrastructure/arkivmelding.validator';
export type { ArkivmeldingValidering } from './infrastructure/arkivmelding.validator';
export { readArkivmelding } from './infrastructure/arkivmelding.reader';
export type { ArkivmeldingSammendrag } from './infrastructure/arkivmelding.reader';
