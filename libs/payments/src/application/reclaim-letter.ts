import type { CaseFile } from '@imdi/cases';
import { osloDate } from '@imdi/kernel';
import type { DigitalLetter } from '@imdi/messaging';
import type { AppConfig } from '@imdi/platform';

/**
 * The digital-post envelope of a reclaim letter (the notice and the decision alike): the case it is
 * filed in, its number in the case, and who sends it to whom.
 */
export function reclaimCaseLetter(input: {
  readonly file: CaseFile;
  readonly schemeName: string;
  readonly recipientName: string;
  readonly documentNumber: number;
  readonly title: string;
  readonly documentType: 'Vedtak' | 'Brev';
  readonly letterDate: string;
  readonly caseworker: string;
  readonly letterhead: AppConfig['agencyLetterhead'];
}): DigitalLetter {
  const { file, letterhead } = input;
  return {
    caseNumber: file.caseNumber ?? '',
    caseTitle: `${input.schemeName} ${file.budgetYear} – ${input.recipientName}`,
    caseDate: file.receivedAt ? osloDate(file.receivedAt) : input.letterDate,
    documentNumber: input.documentNumber,
    title: input.title,
    documentType: input.documentType,
    letterDate: input.letterDate,
    caseworker: input.caseworker,
    administrativeUnit: letterhead.name,
    recipientName: input.recipientName,
    senderName: letterhead.shortName,
    senderOrganisationNumber: letterhead.organisationNumber,
  };
}
