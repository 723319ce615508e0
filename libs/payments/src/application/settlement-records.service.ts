import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { Clock, collectInvalidValue, MunicipalityNumber, NationalIdNumber, OrganisationNumber, osloDate, type ValueProblem } from '@imdi/kernel';
import { PersonalDataCipher } from '@imdi/platform';
import { perCapitaScheme, PER_CAPITA_SCHEME_CODES, type PerCapitaScheme } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { PaymentsError } from '../domain/payments.errors';
import { checkRecordRules, checkSettlementRecord, type FieldNamer, type SettlementRecord, type SettlementRecordInput } from '../domain/settlement-record';
import { parseSettlementCsv } from '../domain/settlement-records.csv';
import { SettledPersonRepository, type SettledPersonRevision, type StoredSettledPerson } from '../infrastructure/settled-person.repository';

export interface ImportResult {
  /** Persons not known before. */
  readonly imported: number;
  /** Known persons whose record changed: a new revision each. */
  readonly corrected: number;
  /** Known persons whose record was the same. */
  readonly unchanged: number;
}

export interface SettlementRecordView {
  readonly id: string;
  readonly schemeCode: string;
  /** Masked: the birth date part only. */
  readonly nationalIdNumber: string;
  readonly birthDate: string;
  readonly organisationNumber: string;
  readonly municipalityNumber: string;
  readonly settlementDate: string;
  readonly category: string;
  readonly specialCriterion: boolean;
  readonly voided: boolean;
  readonly revision: number;
}

export interface RecordCorrection {
  readonly organisationNumber?: string;
  readonly municipalityNumber?: string;
  readonly settlementDate?: string;
  readonly category?: string;
  readonly specialCriterion?: boolean;
  /** The record was wrong altogether (the person was never settled here): it stops counting. */
  readonly voided?: boolean;
  readonly reason: string;
}

/**
 * Settlement records of the per-capita schemes, imported by API or CSV through the same checks:
 * national ids validated, encrypted at rest, never logged; nothing stored when any record is bad.
 * A record is corrected, never silently rewritten: every change is a revision, and the next payout
 * run pays (or holds back) the difference it makes.
 */
@Injectable()
export class SettlementRecords {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SettledPersonRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async importJson(schemeCode: string, records: readonly SettlementRecordInput[], principal: Principal): Promise<ImportResult> {
    return this.import(
      schemeCode,
      records.map((input, index) => ({ input, name: (field: string) => `records.${index}.${field}` })),
      'api',
      principal,
    );
  }

  async importCsv(schemeCode: string, text: string, principal: Principal): Promise<ImportResult> {
    const scheme = this.scheme(schemeCode);
    const parsed = parseSettlementCsv(text);
    if (parsed.records.length === 0 && parsed.problems.length === 0) {
      parsed.problems.push({ field: 'body', rule: 'no-records', message: 'filen har en overskriftslinje, men ingen opplysninger' });
    }
    return this.import(
      scheme.code,
      parsed.records.map(({ line, input }) => ({ input, name: (field: string) => `line ${line}: ${field}` })),
      'csv',
      principal,
      parsed.problems,
    );
  }

  async correct(schemeCode: string, id: string, correction: RecordCorrection, principal: Principal): Promise<SettlementRecordView> {
    const scheme = this.scheme(schemeCode);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.repository.lock(manager, scheme.code, id);
      if (!current) throw new PaymentsError('RECORD_NOT_FOUND', `Fant ingen bosettingsopplysning i ${scheme.code} med id ${id}.`, { id });
      const problems: ValueProblem[] = [];
      const organisationNumber =
        correction.organisationNumber === undefined
          ? current.organisationNumber
          : collectInvalidValue(problems, () => OrganisationNumber.of(correction.organisationNumber!, 'organisationNumber'))?.value;
      const municipalityNumber =
        correction.municipalityNumber === undefined
          ? current.municipalityNumber
          : collectInvalidValue(problems, () => MunicipalityNumber.of(correction.municipalityNumber!, 'municipalityNumber'))?.value;
      const corrected: StoredSettledPerson = {
        ...current,
        organisationNumber: organisationNumber ?? current.organisationNumber,
        municipalityNumber: municipalityNumber ?? current.municipalityNumber,
        settlementDate: correction.settlementDate ?? current.settlementDate,
        category: correction.category ?? current.category,
        specialCriterion: correction.specialCriterion ?? current.specialCriterion,
        voided: correction.voided ?? current.voided,
        revision: current.revision + 1,
      };
      // The corrected record meets the same rules as an imported one.
      checkRecordRules(corrected, scheme, (field) => field, osloDate(this.clock.now()), problems);
      if (problems.length > 0)
        throw new PaymentsError('RECORDS_INVALID', `Rettelsen har ${problems.length} feil. Ingenting er endret; rett feltene som er nevnt.`, {
          errors: problems,
        });
      const fields = ['organisationNumber', 'municipalityNumber', 'settlementDate', 'category', 'specialCriterion', 'voided'] as const;
      const changed = fields.filter((field) => corrected[field] !== current[field]);
      if (changed.length === 0) throw new PaymentsError('RECORD_UNCHANGED', 'Rettelsen endrer ingenting i opplysningene.', { id });
      await this.repository.correct(manager, corrected, correction.reason, principal.userId);
      await this.audit.record(manager, {
        actor: principal,
        action: 'per-capita.record-corrected',
        entityType: 'settled_person',
        entityId: id,
        before: Object.fromEntries(changed.map((field) => [field, current[field]])),
        after: { ...Object.fromEntries(changed.map((field) => [field, corrected[field]])), revision: corrected.revision, reason: correction.reason },
      });
    });
    return this.view(scheme.code, id);
  }

  async view(schemeCode: string, id: string): Promise<SettlementRecordView> {
    const record = await this.repository.find(this.dataSource.manager, this.scheme(schemeCode).code, id);
    if (!record) throw new PaymentsError('RECORD_NOT_FOUND', `Fant ingen bosettingsopplysning i ${schemeCode} med id ${id}.`, { id });
    return this.toView(record);
  }

  async listOfMunicipality(schemeCode: string, organisationNumber: string): Promise<SettlementRecordView[]> {
    return (await this.repository.listOfMunicipality(this.dataSource.manager, this.scheme(schemeCode).code, organisationNumber)).map((record) =>
      this.toView(record),
    );
  }

  async history(schemeCode: string, id: string): Promise<SettledPersonRevision[]> {
    await this.view(schemeCode, id);
    return this.repository.history(this.dataSource.manager, id);
  }

  private async import(
    schemeCode: string,
    entries: ReadonlyArray<{ input: SettlementRecordInput; name: FieldNamer }>,
    source: 'api' | 'csv',
    principal: Principal,
    problems: ValueProblem[] = [],
  ): Promise<ImportResult> {
    const scheme = this.scheme(schemeCode);
    const today = osloDate(this.clock.now());
    const seen = new Map<string, string>();
    const checked: SettlementRecord[] = [];
    // A municipality's system reports its own settlements only; IMDi's staff report for anyone.
    const ownOnly = !principal.roles.some((role) => role === 'finance' || role === 'admin');
    for (const { input, name } of entries) {
      const record = checkSettlementRecord(input, scheme, name, today, problems);
      if (!record) continue;
      if (ownOnly && !principal.organisationNumbers.includes(record.organisationNumber)) {
        problems.push({
          field: name('organisationNumber'),
          rule: 'own-organisation',
          message: `${name('organisationNumber')} must be ${principal.organisationNumbers.join(', ') || 'the organisation the system reports for'}: a system reports for its own organisation only`,
        });
        continue;
      }
      const first = seen.get(record.person.value);
      if (first) {
        problems.push({ field: name('nationalIdNumber'), rule: 'duplicate', message: `${name('nationalIdNumber')} er samme person som ${first}` });
        continue;
      }
      seen.set(record.person.value, name('nationalIdNumber'));
      checked.push(record);
    }
    if (problems.length > 0) {
      // In file order, so the list reads alongside the file (the sort is stable within a line).
      if (source === 'csv') problems.sort((a, b) => lineOf(a.field) - lineOf(b.field));
      throw new PaymentsError('RECORDS_INVALID', `Bosettingsopplysningene har ${problems.length} feil. Ingenting er importert; rett linjene som er nevnt.`, {
        errors: problems,
      });
    }
    const result = await this.dataSource.transaction(async (manager) => {
      const stored = await this.repository.upsert(
        manager,
        scheme.code,
        checked.map((record) => ({
          nationalIdEncrypted: this.cipher.encrypt(record.person.value),
          nationalIdIndex: this.cipher.blindIndex(record.person.value),
          birthDate: record.person.birthDateIso(),
          gender: record.person.gender,
          organisationNumber: record.organisationNumber,
          municipalityNumber: record.municipalityNumber,
          settlementDate: record.settlementDate,
          category: record.category,
          specialCriterion: record.specialCriterion,
        })),
        principal.userId,
      );
      const counts = { ...stored, unchanged: checked.length - stored.imported - stored.corrected };
      await this.audit.record(manager, {
        actor: principal,
        action: 'per-capita.records-imported',
        entityType: 'scheme',
        entityId: scheme.code,
        after: { source, records: checked.length, ...counts },
      });
      return counts;
    });
    return result;
  }

  private scheme(code: string): PerCapitaScheme {
    const scheme = perCapitaScheme(code);
    if (!scheme)
      throw new PaymentsError(
        'NOT_PER_CAPITA',
        `Ordningen ${code} utbetales ikke per person. Ordninger som gjør det: ${PER_CAPITA_SCHEME_CODES.join(', ')}.`,
        { schemeCode: code },
        'schemeCode',
      );
    return scheme;
  }

  private toView(record: StoredSettledPerson): SettlementRecordView {
    return {
      id: record.id,
      schemeCode: record.schemeCode,
      nationalIdNumber: NationalIdNumber.of(this.cipher.decrypt(record.nationalIdEncrypted)).masked(),
      birthDate: record.birthDate,
      organisationNumber: record.organisationNumber,
      municipalityNumber: record.municipalityNumber,
      settlementDate: record.settlementDate,
      category: record.category,
      specialCriterion: record.specialCriterion,
      voided: record.voided,
      revision: record.revision,
    };
  }
}

function lineOf(field: string): number {
  const match = /^line (\d+)/.exec(field);
  return match ? Number(match[1]) : 0;
}
