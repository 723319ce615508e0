import { collectInvalidValue, MunicipalityNumber, NationalIdNumber, OrganisationNumber, type ValueProblem } from '@imdi/kernel';
import type { PerCapitaScheme } from '@imdi/schemes';

/** A settlement record as it arrives, from JSON or a CSV line: strings until checked. */
export interface SettlementRecordInput {
  readonly nationalIdNumber: string;
  readonly organisationNumber: string;
  readonly municipalityNumber: string;
  /** YYYY-MM-DD */
  readonly settlementDate: string;
  readonly category?: string;
  readonly specialCriterion?: boolean;
}

/** A checked record, ready to be stored (the national id still in the clear: encrypt before storing). */
export interface SettlementRecord {
  readonly person: NationalIdNumber;
  readonly organisationNumber: string;
  readonly municipalityNumber: string;
  readonly settlementDate: string;
  readonly category: string;
  readonly specialCriterion: boolean;
}

/** How a problem names its field: `records.3.settlementDate` for JSON, `line 7: settlementDate` for CSV. */
export type FieldNamer = (field: keyof SettlementRecordInput) => string;

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Checks one record as the scheme requires: valid national id (check digits), organisation and
 * municipality numbers, then the record's dates and category. Every problem is collected; none
 * stops the others.
 */
export function checkSettlementRecord(
  input: SettlementRecordInput,
  scheme: PerCapitaScheme,
  name: FieldNamer,
  today: string,
  problems: ValueProblem[],
): SettlementRecord | undefined {
  const before = problems.length;
  const person = collectInvalidValue(problems, () => NationalIdNumber.of(input.nationalIdNumber, name('nationalIdNumber')));
  const organisation = collectInvalidValue(problems, () => OrganisationNumber.of(input.organisationNumber, name('organisationNumber')));
  const municipality = collectInvalidValue(problems, () => MunicipalityNumber.of(input.municipalityNumber, name('municipalityNumber')));
  const category = input.category === undefined || input.category === '' ? (scheme.defaultCategory ?? '') : input.category;
  checkRecordRules({ birthDate: person?.birthDateIso(), settlementDate: input.settlementDate, category }, scheme, name, today, problems);
  if (problems.length > before || !person || !organisation || !municipality) return undefined;
  return {
    person,
    organisationNumber: organisation.value,
    municipalityNumber: municipality.value,
    settlementDate: input.settlementDate,
    category,
    specialCriterion: input.specialCriterion === true,
  };
}

/**
 * A record's dates and category: a real settlement date, not after today nor before birth, a
 * category the scheme knows, and the scheme's own rules (e.g. a minor when settled). Applies to
 * imported records and to corrections alike.
 */
export function checkRecordRules(
  record: { readonly birthDate: string | undefined; readonly settlementDate: string; readonly category: string },
  scheme: PerCapitaScheme,
  name: FieldNamer,
  today: string,
  problems: ValueProblem[],
): void {
  const before = problems.length;
  if (!isCalendarDate(record.settlementDate)) {
    problems.push({ field: name('settlementDate'), rule: 'date', message: `${name('settlementDate')} må være en dato som finnes, skrevet ÅÅÅÅ-MM-DD` });
  } else if (record.settlementDate > today) {
    problems.push({ field: name('settlementDate'), rule: 'not-in-future', message: `${name('settlementDate')} kan ikke være etter i dag` });
  } else if (record.birthDate && record.settlementDate < record.birthDate) {
    problems.push({ field: name('settlementDate'), rule: 'after-birth', message: `${name('settlementDate')} kan ikke være før personens fødselsdato` });
  }
  if (!scheme.categories.includes(record.category)) {
    problems.push({ field: name('category'), rule: 'category', message: `${name('category')} må være en av ${scheme.categories.join(', ')}` });
  }
  if (problems.length > before || !record.birthDate) return;
  for (const problem of scheme.checkRecord({ birthDate: record.birthDate, settlementDate: record.settlementDate, category: record.category })) {
    const field = name(problem.field === 'birthDate' ? 'nationalIdNumber' : problem.field);
    problems.push({ field, rule: problem.rule, message: `${field}: ${problem.message}` });
  }
}
