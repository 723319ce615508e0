import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { Clock, InvalidValueError, Money, osloDate } from '@imdi/kernel';
import { OrganisationDirectory, scopeOf } from '@imdi/intake';
import { formatOrganisationNumber, letterRecipient, renderNotice } from '@imdi/letters';
import { Messages, MessageQuery, type MessageView } from '@imdi/messaging';
import { AppConfig } from '@imdi/platform';
import { SchemeCatalogueQuery } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { CaseworkError } from '../domain/casework.errors';
import { CaseworkRepository } from '../infrastructure/casework.repository';
import { LetterRepository } from '../infrastructure/letter.repository';

/** The scheme whose money municipalities distribute on IMDi's behalf (Instruks 6.4: oppdragsbrev). */
const ADMINISTERED_SCHEME = 'frivillige-lokale';

/** The arkivdel a year's assignment letters are filed in (they belong to no case). */
export function assignmentLetterArchivePart(budgetYear: number): string {
  return `Oppdragsbrev ${budgetYear}`;
}

/**
 * Instruks 6.4: a municipality that administers a grant scheme for IMDi gets an assignment letter
 * (oppdragsbrev): what it administers, the frame, the rules it must follow, reporting and control.
 */
@Injectable()
export class AssignmentLetters {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationDirectory,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly messages: Messages,
    private readonly messageQuery: MessageQuery,
    private readonly repository: CaseworkRepository,
    private readonly letters: LetterRepository,
  ) {}

  async issue(organisationNumber: string, budgetYear: number, frame: Money, principal: Principal): Promise<{ id: string; sha256: string }> {
    if (!frame.isPositive()) {
      throw new InvalidValueError('frameNok', 'positive-amount', 'Rammen i oppdragsbrevet må være større enn 0 kr.');
    }
    const organisation = await this.organisations.findByNumber(this.dataSource.manager, organisationNumber);
    if (!organisation || organisation.kind !== 'kommune') {
      throw new CaseworkError(
        'PROPOSAL_INVALID',
        `Organisasjonsnummer ${organisationNumber} er ikke registrert som kommune. Oppdragsbrev kan bare sendes til kommuner.`,
        {},
        'organisationNumber',
      );
    }
    const version = await this.catalogue.version(ADMINISTERED_SCHEME, budgetYear);
    const nynorsk = organisation.writtenStandard === 'nn';
    const title = nynorsk ? 'Oppdragsbrev – forvaltning av tilskotsordning' : 'Oppdragsbrev – forvaltning av tilskuddsordning';
    const today = osloDate(this.clock.now());
    const pdf = await renderNotice({
      writtenStandard: organisation.writtenStandard,
      title,
      // An assignment letter belongs to no case: it has no "Vår ref." until the archive numbers it.
      frame: {
        agency: this.config.agencyLetterhead,
        recipient: letterRecipient(organisation),
        ourReference: null,
        yourReference: null,
        date: today.split('-').reverse().join('.'),
        caseworker: { name: principal.name, title: nynorsk ? 'sakshandsamar' : 'saksbehandler' },
        approver: null,
        copyTo: [],
      },
      rows: [
        [nynorsk ? 'Mottakar' : 'Mottaker', `${organisation.name} (org.nr. ${formatOrganisationNumber(organisation.organisationNumber)})`],
        [nynorsk ? 'Tilskotsordning' : 'Tilskuddsordning', `${version.name[organisation.writtenStandard]} ${budgetYear}`],
        ['Kapittel/post', `kap. ${version.budgetPost.chapter}, post ${version.budgetPost.post}`],
        [nynorsk ? 'Ramme' : 'Ramme', frame.formatNok()],
      ],
      sections: [
        {
          heading: nynorsk ? 'Oppdraget' : 'Oppdraget',
          text: nynorsk
            ? `Kommunen forvaltar ordninga på vegner av IMDi og fordeler midlane til frivillige organisasjonar etter regelverket (${version.legalBasis}).`
            : `Kommunen forvalter ordningen på vegne av IMDi og fordeler midlene til frivillige organisasjoner etter regelverket (${version.legalBasis}).`,
        },
        {
          heading: nynorsk ? 'Krav til forvaltninga' : 'Krav til forvaltningen',
          text: nynorsk
            ? 'Kommunen skal handsame søknader etter forvaltningslova og økonomiregelverket i staten, kapittel 6, og gi grunngitte vedtak med klagerett.'
            : 'Kommunen skal behandle søknader etter forvaltningsloven og økonomiregelverket i staten, kapittel 6, og gi begrunnede vedtak med klagerett.',
        },
        {
          heading: 'Rapportering',
          text: nynorsk
            ? 'Kommunen rapporterer til IMDi om tildelingane og bruken av midlane innan 1. mars året etter.'
            : 'Kommunen rapporterer til IMDi om tildelingene og bruken av midlene innen 1. mars året etter.',
        },
        {
          heading: 'Kontroll',
          text: nynorsk
            ? 'IMDi og Riksrevisjonen kan setje i verk kontroll med at midlane blir nytta etter føresetnadene, jf. løyvingsreglementet § 10 andre ledd.'
            : 'IMDi og Riksrevisjonen kan iverksette kontroll med at midlene nyttes etter forutsetningene, jf. bevilgningsreglementet § 10 andre ledd.',
        },
      ],
    });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      const id = await this.letters.insertAssignmentLetter(manager, {
        organisationId: organisation.id,
        schemeCode: ADMINISTERED_SCHEME,
        budgetYear,
        frameOre: frame.toOreString(),
        pdf: Buffer.from(pdf),
        sha256,
        producedBy: principal.userId,
      });
      if (!id) throw new CaseworkError('PROPOSAL_INVALID', `${organisation.name} har allerede fått oppdragsbrev for ${budgetYear}.`, {}, 'organisationNumber');
      await this.audit.record(manager, {
        actor: principal,
        action: 'assignment-letter.issued',
        entityType: 'organisation',
        entityId: organisation.id,
        after: { budgetYear, frameNok: frame.toDecimalString(), sha256 },
      });
      // With eFormidling configured, the letter goes to the municipality's archive as digital post. It belongs
      // to no case, so it travels as one journalpost filed in the arkivdel of the year's assignment letters.
      await this.messages.sendLetter(manager, {
        dedupeKey: `assignment-letter:${id}`,
        kind: 'assignment-letter',
        organisationNumber: organisation.organisationNumber,
        language: organisation.writtenStandard,
        letter: {
          archivePart: assignmentLetterArchivePart(budgetYear),
          registrationId: `OPPDRAG-${ADMINISTERED_SCHEME}-${budgetYear}-${organisation.organisationNumber}`,
          title,
          documentType: 'Brev',
          letterDate: today,
          caseworker: principal.name,
          administrativeUnit: this.config.agencyLetterhead.name,
          recipientName: organisation.name,
          senderName: this.config.agencyLetterhead.shortName,
          senderOrganisationNumber: this.config.agencyLetterhead.organisationNumber,
        },
        document: { name: 'oppdragsbrev.pdf', content: pdf },
        caseId: null,
        reference: id,
      });
      return { id: id, sha256 };
    });
  }

  /** What became of the letter's digital post (none without eFormidling configured). Staff only. */
  async deliveries(id: string): Promise<MessageView[]> {
    if (!(await this.repository.assignmentLetterExists(this.dataSource.manager, id)))
      throw new CaseworkError('LETTER_NOT_FOUND', `Fant ikke noe oppdragsbrev med id ${id}.`, {}, 'id');
    return this.messageQuery.forReference('assignment-letter', id);
  }

  async pdf(id: string, principal: Principal): Promise<{ pdf: Buffer; sha256: string }> {
    const manager = this.dataSource.manager;
    const letter = await this.letters.assignmentLetter(manager, id);
    // The municipality it was written to comes from intake; a letter outside the caller's scope answers as one that does not exist.
    const scope = scopeOf(principal);
    const organisation = letter && scope !== null ? await this.organisations.findById(manager, letter.organisationId) : undefined;
    if (!letter || (scope !== null && !(organisation && scope.includes(organisation.organisationNumber)))) {
      throw new CaseworkError('LETTER_NOT_FOUND', `Fant ikke noe oppdragsbrev med id ${id} som du har tilgang til.`, {}, 'id');
    }
    return { pdf: letter.pdf, sha256: letter.sha256 };
  }

  /** The caller's own municipalities' assignment letters (applicant side: scoped to the caller's organisations). */
  async ofCaller(principal: Principal): Promise<AssignmentLetterView[]> {
    const manager = this.dataSource.manager;
    const scope = scopeOf(principal) ?? [];
    const organisations = (await Promise.all(scope.map((number) => this.organisations.findByNumber(manager, number)))).filter(
      (organisation) => organisation !== undefined && organisation !== null,
    );
    const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
    const letters = await this.letters.assignmentLettersOf(manager, [...byId.keys()]);
    const names = new Map<string, AssignmentLetterView['schemeName']>();
    const views: AssignmentLetterView[] = [];
    for (const letter of letters) {
      const organisation = byId.get(letter.organisationId);
      if (!organisation) continue;
      const key = `${letter.schemeCode}:${letter.budgetYear}`;
      const schemeName = names.get(key) ?? (await this.catalogue.version(letter.schemeCode, letter.budgetYear)).name;
      names.set(key, schemeName);
      views.push({
        id: letter.id,
        organisationNumber: organisation.organisationNumber,
        organisationName: organisation.name,
        schemeCode: letter.schemeCode,
        schemeName,
        budgetYear: letter.budgetYear,
        frameNok: Money.ofOre(letter.frameOre).toDecimalString(),
        date: osloDate(letter.producedAt),
      });
    }
    return views;
  }
}

export interface AssignmentLetterView {
  id: string;
  organisationNumber: string;
  organisationName: string;
  schemeCode: string;
  schemeName: { nb: string; nn: string };
  budgetYear: number;
  frameNok: string;
  /** The day the letter was written (Europe/Oslo, YYYY-MM-DD). */
  date: string;
}
