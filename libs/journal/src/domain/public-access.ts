import { findNationalIdentityNumbers } from './national-identity-number';

/** The mark Noark uses for what is removed from a public title. */
export const SCREENED_MARK = '*****';

/** Duty of confidentiality for personal circumstances: offentleglova § 13 with forvaltningsloven § 13. */
export const PERSONAL_CIRCUMSTANCES_BASIS = 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1';
/** Noark 5 tilgangsrestriksjon for the basis above. */
export const PERSONAL_CIRCUMSTANCES_RESTRICTION = '13';

export const SCREENABLE_FIELDS = ['title', 'parties', 'documents'] as const;
export type ScreenableField = (typeof SCREENABLE_FIELDS)[number];

export interface Screening {
  readonly restriction: string;
  readonly basis: string;
  readonly fields: readonly ScreenableField[];
}

export type PartyKind = 'organisation' | 'person' | 'agency' | 'ministry';
export type PartyRole = 'sender' | 'recipient' | 'copy';

export interface CorrespondenceParty {
  readonly name: string;
  readonly kind: PartyKind;
  readonly role: PartyRole;
  readonly organisationNumber?: string;
}

export interface PublicAccessInput {
  readonly title: string;
  /** Names of private persons the document mentions (contact persons, participants, appellants). */
  readonly privatePersonNames: readonly string[];
  /** The text the document holds, searched for national identity numbers and those names. */
  readonly content: string;
  readonly parties: readonly CorrespondenceParty[];
}

export interface PublicAccessProposal {
  readonly publicTitle: string;
  readonly screening: Screening | null;
  /** Something was removed or screened: a person (caseworker or archivist) should look before it is final. */
  readonly needsReview: boolean;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes private persons' names (whole, or each part of three letters or more) and identity numbers. */
export function removePrivateData(text: string, privatePersonNames: readonly string[]): string {
  let result = text;
  for (const number of findNationalIdentityNumbers(result)) result = result.split(number).join(SCREENED_MARK);
  const names = privatePersonNames.map((name) => name.trim()).filter((name) => name.length > 0);
  const parts = names.flatMap((name) => name.split(/\s+/)).filter((part) => part.length >= 3);
  for (const candidate of [...names, ...parts].sort((a, b) => b.length - a.length)) {
    result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(candidate)}(?![\\p{L}\\p{N}])`, 'giu'), SCREENED_MARK);
  }
  return result.replace(new RegExp(`${escape(SCREENED_MARK)}(\\s+${escape(SCREENED_MARK)})+`, 'g'), SCREENED_MARK);
}

/**
 * The system's proposal for an entry's public access: the title without private persons' names or
 * identity numbers, and screening under offl. § 13 where the document holds a national identity number
 * or a person is a correspondence party. Anything removed or screened waits for a person's review.
 */
export function proposePublicAccess(input: PublicAccessInput): PublicAccessProposal {
  const publicTitle = removePrivateData(input.title, input.privatePersonNames);
  const fields: ScreenableField[] = [];
  if (publicTitle !== input.title) fields.push('title');
  if (input.parties.some((party) => party.kind === 'person')) fields.push('parties');
  // A contact person's name in a document is no personal circumstance; an identity number is.
  if (findNationalIdentityNumbers(input.content).length > 0) fields.push('documents');
  const screening = fields.length > 0 ? { restriction: PERSONAL_CIRCUMSTANCES_RESTRICTION, basis: PERSONAL_CIRCUMSTANCES_BASIS, fields } : null;
  return { publicTitle, screening, needsReview: screening !== null };
}

/** A correspondence party as the public journal shows it: persons are never named there. */
export function publicPartyName(party: CorrespondenceParty, screening: Screening | null): string {
  if (party.kind === 'person') return SCREENED_MARK;
  if (screening?.fields.includes('parties') && party.kind !== 'agency' && party.kind !== 'ministry' && party.kind !== 'organisation') return SCREENED_MARK;
  return party.name;
}
