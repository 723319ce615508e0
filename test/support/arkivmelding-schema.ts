/** The official arkivmelding XSD the local integration point validates against (interim: until libs/noark vendors it). */
export const ARKIVMELDING_SCHEMA = '/work/shared/noark5/arkivmelding.xsd';
