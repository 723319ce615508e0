/** Valid Norwegian identifiers for tests, computed with the published MOD11 rules. */
function mod11(digits: string, weights: readonly number[]): number | undefined {
  const sum = weights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return undefined;
  return check === 11 ? 0 : check;
}

// Each test file has its own database, so counters from zero never meet another file's numbers.
let organisationCounter = 0;
let accountCounter = 0;

/** A fresh valid organisation number (9 digits) that no other test uses. */
export function newOrganisationNumber(): string {
  for (;;) {
    const base = `9${String(organisationCounter++).padStart(7, '0')}`;
    const check = mod11(base, [3, 2, 7, 6, 5, 4, 3, 2]);
    if (check !== undefined) return `${base}${check}`;
  }
}

export function newAccountNumber(): string {
  for (;;) {
    const base = `1503${String(accountCounter++).padStart(6, '0')}`;
    const check = mod11(base, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (check !== undefined) return `${base}${check}`;
  }
}

/** The same number with its check digit changed, so MOD11 fails. */
export function withWrongCheckDigit(number: string): string {
  const last = Number(number.at(-1));
  return `${number.slice(0, -1)}${(last + 1) % 10}`;
}

let individualCounter = 0;

/** A valid fødselsnummer for a birth date (YYYY-MM-DD, 1900–2039) and gender. */
export function newNationalIdNumber(birthDate: string, gender: 'female' | 'male'): string {
  const [year, month, day] = birthDate.split('-');
  // Individual numbers 000–499 are births 1900–1999; 500–999 with year 00–39 are 2000–2039.
  const offset = Number(year) >= 2000 ? 500 : 0;
  for (;;) {
    let individual = offset + (individualCounter++ % 500);
    if ((individual % 10) % 2 !== (gender === 'male' ? 1 : 0)) individual = offset + ((individual + 1) % 500);
    const base = `${day}${month}${year.slice(2)}${String(individual).padStart(3, '0')}`;
    const k1 = mod11(base, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    if (k1 === undefined) continue;
    const k2 = mod11(`${base}${k1}`, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (k2 === undefined) continue;
    return `${base}${k1}${k2}`;
  }
}
