/**
 * MOD11 check digit of the first `weights.length` digits of `digits`, as used by Brønnøysund,
 * the banks and the population register: 11 - (weighted sum mod 11), where 11 becomes 0.
 * Returns `null` when the result would be 10, because such numbers are never issued, so a number
 * with that prefix is invalid whatever its check digit says.
 */
export function mod11CheckDigit(digits: string, weights: readonly number[]): number | null {
  if (digits.length < weights.length || !/^\d+$/.test(digits)) {
    // A programming error in a caller that skipped its own digit validation, not user input.
    throw new RangeError(`mod11CheckDigit needs at least ${weights.length} digits`);
  }
  let sum = 0;
  weights.forEach((weight, index) => {
    sum += weight * (digits.charCodeAt(index) - 48);
  });
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}
