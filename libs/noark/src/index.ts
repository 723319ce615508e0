export * from './domain/arkivmelding.model';
export * from './domain/noark-system-id';
export { buildArkivmelding, ARKIVMELDING_NAMESPACE, VIRKSOMHETSSPESIFIKKE_METADATA_NAMESPACE } from './infrastructure/arkivmelding.builder';
export { validateArkivmelding, validateArkivmeldingAsync, ARKIVMELDING_XSD_PATH } from './infrastructure/arkivmelding.validator';
export type { ArkivmeldingValidering } from './infrastructure/arkivmelding.validator';
