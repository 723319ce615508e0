import { ARKIVMELDING_XSD_PATH } from '@imdi/noark';

/** The official arkivmelding XSD (vendored in libs/noark) the local integration point validates against. */
export const ARKIVMELDING_SCHEMA = ARKIVMELDING_XSD_PATH;
