import { Injectable } from '@nestjs/common';
import type { Principal } from '@imdi/auth';
import { BudgetError, ResponsibleMinistryQuery } from '@imdi/budget';
import { ApplicationQuery, OrganisationDirectory } from '@imdi/intake';
import { SchemeCatalogueQuery } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import type { CaseFacts, JournalDocumentFile } from '../application/journal-facts';
import { JournalSources, type CaseReference, type ReceivedApplication } from '../application/journal-sources';
import type { CorrespondenceParty } from '../domain/public-access';

/** The journal reads as IMDi staff would: every organisation's applications. */
const JOURNAL_READER: Principal = { userId: 'journal', name: 'Journal', roles: ['caseworker'], organisationNumbers: [] };

/** The party's name when budget does not know the year's ministry. */
const UNKNOWN_MINISTRY = 'Ansvarlig departement';

/** Form fields that name private persons (the contact person, participants). */
const PERSON_FIELDS = /name$|navn$/i;

function textOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(textOf);
  return [];
}

function personNamesOf(form: Record<string, unknown>): string[] {
  const names: string[] = [];
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string' && PERSON_FIELDS.test(key)) names.push(value);
    else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([child, inner]) => visit(inner, child));
  };
  visit(form, '');
  return names;
}

@Injectable()
export class JournalSourcesAdapter extends JournalSources {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationDirectory,
    private readonly applications: ApplicationQuery,
    private readonly schemes: SchemeCatalogueQuery,
    private readonly ministries: ResponsibleMinistryQuery,
  ) {
    super();
  }

  async caseFacts(reference: CaseReference, caseDate: string): Promise<CaseFacts> {
    const organisation = await this.organisations.findByNumber(this.dataSource.manager, reference.organisationNumber);
    const scheme = await this.schemes.get(reference.schemeCode, reference.budgetYear).catch(() => undefined);
    return {
      caseId: reference.caseId,
      caseNumber: reference.caseNumber,
      schemeCode: reference.schemeCode,
      schemeName: scheme?.name.nb ?? reference.schemeCode,
      budgetYear: reference.budgetYear,
      organisationNumber: reference.organisationNumber,
      organisationName: organisation?.name ?? `Organisasjon ${reference.organisationNumber}`,
      caseDate,
    };
  }

  async organisationParty(organisationNumber: string, role: CorrespondenceParty['role']): Promise<CorrespondenceParty> {
    const organisation = await this.organisations.findByNumber(this.dataSource.manager, organisationNumber);
    return { name: organisation?.name ?? `Organisasjon ${organisationNumber}`, kind: 'organisation', role, organisationNumber };
  }

  async ministryParty(budgetYear: number, role: CorrespondenceParty['role']): Promise<CorrespondenceParty> {
    const ministry = await this.ministries.forYear(budgetYear).catch((error: unknown) => {
      // A year whose allocation letter did not name its ministry is still journaled; the archivist corrects the party.
      if (error instanceof BudgetError && error.code === 'MINISTRY_UNKNOWN') return undefined;
      throw error;
    });
    return { name: ministry?.name ?? UNKNOWN_MINISTRY, kind: 'ministry', role };
  }

  async application(caseId: string): Promise<ReceivedApplication> {
    const detail = await this.applications.get(caseId, JOURNAL_READER);
    const documents: JournalDocumentFile[] = [
      {
        title: 'Søknadsskjema',
        role: 'main',
        fileName: 'soknad.json',
        mediaType: 'application/json',
        content: Buffer.from(JSON.stringify(detail.form, null, 2)),
      },
    ];
    for (const attachment of detail.attachments) {
      const file = await this.applications.attachment(caseId, attachment.id, JOURNAL_READER);
      documents.push({ title: attachment.fileName, role: 'attachment', fileName: attachment.fileName, mediaType: attachment.mediaType, content: file.content });
    }
    const projectTitle = typeof detail.form.projectTitle === 'string' ? detail.form.projectTitle : undefined;
    return {
      subject: projectTitle ?? `${detail.schemeCode} ${detail.budgetYear}`,
      privatePersonNames: personNamesOf(detail.form),
      content: textOf(detail.form).join('\n'),
      documents,
    };
  }
}
