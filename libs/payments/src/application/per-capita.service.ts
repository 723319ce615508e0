import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { collectInvalidValue, Money, MunicipalityNumber, NationalIdNumber, OrganisationNumber, type ValueProblem } from '@imdi/kernel';
import { PersonalDataCipher } from '@imdi/platform';
import { integreringstilskuddPerPerson, RateTable, SchemeCatalogueQuery, SETTLED_PERSON_CATEGORIES, type SettledPersonCategory } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { PaymentsError } from '../domain/payments.errors';

const SCHEME = 'integreringstilskudd';

export interface SettlementRecordInput {
  readonly nationalIdNumber: string;
  readonly organisationNumber: string;
  readonly municipalityNumber: string;
  /** YYYY-MM-DD */
  readonly settlementDate: string;
  readonly category: string;
  readonly specialCriterion?: boolean;
}

export interface Entitlement {
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly organisationNumber: string;
  readonly persons: number;
  readonly totalNok: string;
  readonly byRate: Record<string, { persons: number; amountNok: string }>;
  readonly byGender: { female: number; male: number };
  /** Tildelingsbrev 4.1: grants paid for persons settled from reception without an asylum-based permit. */
  readonly specialCriterionPersons: number;
}

/**
 * The per-capita basis of integreringstilskudd: settled persons imported per municipality (national
 * ids validated, encrypted at rest, never logged), and what each municipality is owed for a year by
 * the year's rates, which must have been confirmed by an admin.
 */
@Injectable()
export class PerCapitaGrants {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly audit: AuditTrail,
  ) {}

  async importRecords(records: readonly SettlementRecordInput[], principal: Principal): Promise<{ imported: number }> {
    const problems: ValueProblem[] = [];
    const valid = records.map((record, index) => {
      const field = `records.${index}`;
      const person = collectInvalidValue(problems, () => NationalIdNumber.of(record.nationalIdNumber, `${field}.nationalIdNumber`));
      const organisation = collectInvalidValue(problems, () => OrganisationNumber.of(record.organisationNumber, `${field}.organisationNumber`));
      const municipality = collectInvalidValue(problems, () => MunicipalityNumber.of(record.municipalityNumber, `${field}.municipalityNumber`));
      if (!/^\d{4}-\d{2}-\d{2}$/.test(record.settlementDate ?? '')) problems.push({ field: `${field}.settlementDate`, rule: 'date', message: `${field}.settlementDate must be a date YYYY-MM-DD` });
      if (!(SETTLED_PERSON_CATEGORIES as readonly string[]).includes(record.category)) {
        problems.push({ field: `${field}.category`, rule: 'category', message: `${field}.category must be one of ${SETTLED_PERSON_CATEGORIES.join(', ')}` });
      }
      return { record, person, organisation, municipality };
    });
    if (problems.length > 0) throw new PaymentsError('RECORDS_INVALID', `${problems.length} problems in the settlement records; nothing was imported`, { errors: problems });
    await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      for (const { record, person, organisation, municipality } of valid) {
        const birth = person!.birthDate;
        await manager.query(
          `INSERT INTO settled_person (scheme_code, organisation_number, municipality_number, national_id_encrypted, national_id_index, birth_date, gender, settlement_date, category, special_criterion, imported_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (scheme_code, national_id_index) DO UPDATE SET organisation_number = EXCLUDED.organisation_number, municipality_number = EXCLUDED.municipality_number,
             settlement_date = EXCLUDED.settlement_date, category = EXCLUDED.category, special_criterion = EXCLUDED.special_criterion, imported_by = EXCLUDED.imported_by, updated_at = now()`,
          [
            SCHEME,
            organisation!.value,
            municipality!.value,
            this.cipher.encrypt(person!.value),
            this.cipher.blindIndex(person!.value),
            `${birth.year}-${String(birth.month).padStart(2, '0')}-${String(birth.day).padStart(2, '0')}`,
            person!.gender,
            record.settlementDate,
            record.category,
            record.specialCriterion === true,
            principal.userId,
          ],
        );
      }
      await this.audit.record(manager, { actor: principal, action: 'per-capita.records-imported', entityType: 'scheme', entityId: SCHEME, after: { records: valid.length } });
    });
    return { imported: valid.length };
  }

  async entitlement(budgetYear: number, organisationNumber: string): Promise<Entitlement> {
    const version = await this.catalogue.version(SCHEME, budgetYear);
    const rates = new RateTable(version.rates);
    const unconfirmed = rates.unconfirmed();
    if (unconfirmed.length > 0) {
      throw new PaymentsError('RATES_NOT_CONFIRMED', `${SCHEME} ${budgetYear} has rates no admin has confirmed: ${unconfirmed.join(', ')}`, { unconfirmed });
    }
    const rows: Array<{ settlement_year: number; age: number; category: SettledPersonCategory; gender: 'female' | 'male'; special_criterion: boolean }> = await this.dataSource.query(
      `SELECT extract(year FROM settlement_date)::int AS settlement_year, date_part('year', age(settlement_date, birth_date))::int AS age, category, gender, special_criterion
       FROM settled_person WHERE scheme_code = $1 AND organisation_number = $2`,
      [SCHEME, organisationNumber],
    );
    const grants = integreringstilskuddPerPerson(
      { budgetYear, persons: rows.map((row) => ({ settlementYear: row.settlement_year, category: row.category, age: row.age, specialCriterion: row.special_criterion, gender: row.gender })) },
      rates,
    ).filter((grant) => grant.lines.length > 0);
    const byRate: Record<string, { persons: number; amountNok: string }> = {};
    for (const line of grants.flatMap((grant) => grant.lines)) {
      const entry = byRate[line.rateCode] ?? { persons: 0, amountNok: '0.00' };
      byRate[line.rateCode] = { persons: entry.persons + 1, amountNok: Money.parseNok(entry.amountNok).plus(line.amount).toDecimalString() };
    }
    return {
      schemeCode: SCHEME,
      budgetYear,
      organisationNumber,
      persons: grants.length,
      totalNok: Money.sum(grants.map((grant) => grant.total)).toDecimalString(),
      byRate,
      byGender: { female: grants.filter((grant) => grant.person.gender === 'female').length, male: grants.filter((grant) => grant.person.gender === 'male').length },
      specialCriterionPersons: grants.filter((grant) => grant.person.specialCriterion).length,
    };
  }
}
