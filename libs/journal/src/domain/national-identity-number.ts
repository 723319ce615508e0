import { NationalIdNumber } from '@imdi/kernel';

function isNationalIdNumber(digits: string): boolean {
  try {
    NationalIdNumber.of(digits);
    return true;
  } catch {
    return false;
  }
}

/** Every national identity number (fødselsnummer or D-nummer, check digits right) in a text, as written there. */
export function findNationalIdentityNumbers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<!\d)(\d{6})[ .\u00A0-]?(\d{5})(?!\d)/g)) {
    if (isNationalIdNumber(match[1] + match[2])) found.push(match[0]);
  }
  return found;
}
