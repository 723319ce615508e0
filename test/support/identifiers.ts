/** Valid Norwegian identifiers for tests, computed with the published MOD11 rules. */
function mod11(digits: string, weights: readonly number[]): number | undefined {
  const sum = weights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return undefined;
  return check === 11 ? 0 : check;
}

let organisationCounter = 0;
let accountCounter = 0;

/** A fresh valid organisation number (9 digits) that no other test uses. */
export function newOrganisationNumber(): string {
  for (;;) {
    const base = `9${String(Date.now() % 1000).padStart(3, '0')}${String(organisationCounter++).padStart(4, '0')}`;
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
