import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A settled person as stored: the national id only encrypted and as a keyed hash. */
export interface StoredSettledPerson {
  readonly id: string;
  readonly schemeCode: string;
  readonly nationalIdEncrypted: string;
  readonly birthDate: string;
  readonly gender: 'female' | 'male';
  readonly organisationNumber: string;
  readonly municipalityNumber: string;
  readonly settlementDate: string;
  readonly category: string;
  readonly specialCriterion: boolean;
  readonly voided: boolean;
  readonly revision: number;
}

export interface NewSettledPerson {
  readonly nationalIdEncrypted: string;
  readonly nationalIdIndex: string;
  readonly birthDate: string;
  readonly gender: 'female' | 'male';
  readonly organisationNumber: string;
  readonly municipalityNumber: string;
  readonly settlementDate: string;
  readonly category: string;
  readonly specialCriterion: boolean;
}

export interface SettledPersonRevision {
  readonly revision: number;
  readonly organisationNumber: string;
  readonly municipalityNumber: string;
  readonly settlementDate: string;
  readonly category: string;
  readonly specialCriterion: boolean;
  readonly voided: boolean;
  readonly reason: string;
  readonly changedBy: string;
  readonly changedAt: string;
}

type Row = {
  id: string;
  scheme_code: string;
  national_id_encrypted: string;
  birth_date: string;
  gender: 'female' | 'male';
  organisation_number: string;
  municipality_number: string;
  settlement_date: string;
  category: string;
  special_criterion: boolean;
  voided: boolean;
  revision: number;
};

const COLUMNS = `id, scheme_code, national_id_encrypted, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, gender, organisation_number, municipality_number,
  to_char(settlement_date, 'YYYY-MM-DD') AS settlement_date, category, special_criterion, voided_at IS NOT NULL AS voided, revision`;

const toPerson = (row: Row): StoredSettledPerson => ({
  id: row.id,
  schemeCode: row.scheme_code,
  nationalIdEncrypted: row.national_id_encrypted,
  birthDate: row.birth_date,
  gender: row.gender,
  organisationNumber: row.organisation_number,
  municipalityNumber: row.municipality_number,
  settlementDate: row.settlement_date,
  category: row.category,
  specialCriterion: row.special_criterion,
  voided: row.voided,
  revision: row.revision,
});

/**
 * SQL of settlement records. Every change writes a revision: what a run paid from is never
 * overwritten without a trace of what it was.
 */
@Injectable()
export class SettledPersonRepository {
  /**
   * Stores an import in two statements: new persons are inserted, known persons whose record
   * differs get a new revision (a re-import that changes nothing writes nothing).
   */
  async upsert(
    manager: EntityManager,
    schemeCode: string,
    persons: readonly NewSettledPerson[],
    actorId: string,
  ): Promise<{ imported: number; corrected: number }> {
    const rows: Array<{ revision: number }> = await manager.query(
      `WITH input AS (
         SELECT * FROM unnest($2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::date[], $9::text[], $10::boolean[])
           AS t(national_id_encrypted, national_id_index, birth_date, gender, organisation_number, municipality_number, settlement_date, category, special_criterion)
       ), stored AS (
         INSERT INTO settled_person AS p (scheme_code, national_id_encrypted, national_id_index, birth_date, gender, organisation_number, municipality_number, settlement_date, category, special_criterion, imported_by)
         SELECT $1, national_id_encrypted, national_id_index, birth_date, gender, organisation_number, municipality_number, settlement_date, category, special_criterion, $11 FROM input
         ON CONFLICT (scheme_code, national_id_index) DO UPDATE SET
           organisation_number = EXCLUDED.organisation_number, municipality_number = EXCLUDED.municipality_number, settlement_date = EXCLUDED.settlement_date,
           category = EXCLUDED.category, special_criterion = EXCLUDED.special_criterion, voided_at = NULL, revision = p.revision + 1,
           imported_by = EXCLUDED.imported_by, updated_at = now()
         WHERE (p.organisation_number, p.municipality_number, p.settlement_date, p.category, p.special_criterion, p.voided_at IS NOT NULL)
               IS DISTINCT FROM (EXCLUDED.organisation_number, EXCLUDED.municipality_number, EXCLUDED.settlement_date, EXCLUDED.category, EXCLUDED.special_criterion, false)
         RETURNING p.id, p.revision, p.organisation_number, p.municipality_number, p.settlement_date, p.category, p.special_criterion
       )
       INSERT INTO settled_person_revision (settled_person_id, revision, organisation_number, municipality_number, settlement_date, category, special_criterion, voided, reason, changed_by)
       SELECT id, revision, organisation_number, municipality_number, settlement_date, category, special_criterion, false,
              CASE WHEN revision = 1 THEN 'imported' ELSE 'corrected by a new import' END, $11
       FROM stored
       RETURNING revision`,
      [
        schemeCode,
        persons.map((person) => person.nationalIdEncrypted),
        persons.map((person) => person.nationalIdIndex),
        persons.map((person) => person.birthDate),
        persons.map((person) => person.gender),
        persons.map((person) => person.organisationNumber),
        persons.map((person) => person.municipalityNumber),
        persons.map((person) => person.settlementDate),
        persons.map((person) => person.category),
        persons.map((person) => person.specialCriterion),
        actorId,
      ],
    );
    const imported = rows.filter((row) => row.revision === 1).length;
    return { imported, corrected: rows.length - imported };
  }

  async lock(manager: EntityManager, schemeCode: string, id: string): Promise<StoredSettledPerson | undefined> {
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS} FROM settled_person WHERE scheme_code = $1 AND id = $2 FOR UPDATE`, [schemeCode, id]);
    return rows[0] && toPerson(rows[0]);
  }

  async find(manager: EntityManager, schemeCode: string, id: string): Promise<StoredSettledPerson | undefined> {
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS} FROM settled_person WHERE scheme_code = $1 AND id = $2`, [schemeCode, id]);
    return rows[0] && toPerson(rows[0]);
  }

  async correct(manager: EntityManager, corrected: StoredSettledPerson, reason: string, actorId: string): Promise<void> {
    await manager.query(
      `UPDATE settled_person SET organisation_number = $2, municipality_number = $3, settlement_date = $4, category = $5, special_criterion = $6,
         voided_at = CASE WHEN $7 THEN coalesce(voided_at, now()) END, revision = $8, updated_at = now()
       WHERE id = $1`,
      [
        corrected.id,
        corrected.organisationNumber,
        corrected.municipalityNumber,
        corrected.settlementDate,
        corrected.category,
        corrected.specialCriterion,
        corrected.voided,
        corrected.revision,
      ],
    );
    await manager.query(
      `INSERT INTO settled_person_revision (settled_person_id, revision, organisation_number, municipality_number, settlement_date, category, special_criterion, voided, reason, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        corrected.id,
        corrected.revision,
        corrected.organisationNumber,
        corrected.municipalityNumber,
        corrected.settlementDate,
        corrected.category,
        corrected.specialCriterion,
        corrected.voided,
        reason,
        actorId,
      ],
    );
  }

  async listOfMunicipality(manager: EntityManager, schemeCode: string, organisationNumber: string): Promise<StoredSettledPerson[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM settled_person WHERE scheme_code = $1 AND organisation_number = $2 ORDER BY settlement_date, id`,
      [schemeCode, organisationNumber],
    );
    return rows.map(toPerson);
  }

  /** Municipalities with current (not voided) records of the scheme, in organisation number order. */
  async municipalitiesWithRecords(manager: EntityManager, schemeCode: string): Promise<string[]> {
    const rows: Array<{ organisation_number: string }> = await manager.query(
      `SELECT DISTINCT organisation_number FROM settled_person WHERE scheme_code = $1 AND voided_at IS NULL ORDER BY organisation_number`,
      [schemeCode],
    );
    return rows.map((row) => row.organisation_number);
  }

  /** What a per-capita calculation needs of the municipality's current (not voided) records. */
  async basisOf(
    manager: EntityManager,
    schemeCode: string,
    organisationNumber: string,
  ): Promise<Array<{ birthDate: string; settlementDate: string; category: string; gender: 'female' | 'male'; specialCriterion: boolean }>> {
    const rows: Array<{ birth_date: string; settlement_date: string; category: string; gender: 'female' | 'male'; special_criterion: boolean }> =
      await manager.query(
        `SELECT to_char(birth_date, 'YYYY-MM-DD') AS birth_date, to_char(settlement_date, 'YYYY-MM-DD') AS settlement_date, category, gender, special_criterion
       FROM settled_person WHERE scheme_code = $1 AND organisation_number = $2 AND voided_at IS NULL`,
        [schemeCode, organisationNumber],
      );
    return rows.map((row) => ({
      birthDate: row.birth_date,
      settlementDate: row.settlement_date,
      category: row.category,
      gender: row.gender,
      specialCriterion: row.special_criterion,
    }));
  }

  async history(manager: EntityManager, id: string): Promise<SettledPersonRevision[]> {
    const rows: Array<{
      revision: number;
      organisation_number: string;
      municipality_number: string;
      settlement_date: string;
      category: string;
      special_criterion: boolean;
      voided: boolean;
      reason: string;
      changed_by: string;
      changed_at: Date;
    }> = await manager.query(
      `SELECT revision, organisation_number, municipality_number, to_char(settlement_date, 'YYYY-MM-DD') AS settlement_date, category, special_criterion, voided, reason, changed_by, changed_at
       FROM settled_person_revision WHERE settled_person_id = $1 ORDER BY revision`,
      [id],
    );
    return rows.map((row) => ({
      revision: row.revision,
      organisationNumber: row.organisation_number,
      municipalityNumber: row.municipality_number,
      settlementDate: row.settlement_date,
      category: row.category,
      specialCriterion: row.special_criterion,
      voided: row.voided,
      reason: row.reason,
      changedBy: row.changed_by,
      changedAt: row.changed_at.toISOString(),
    }));
  }
}
