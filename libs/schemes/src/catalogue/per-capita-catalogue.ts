import { ensligeMindreaarigePerCapita } from '../definitions/enslige-mindreaarige/enslige-mindreaarige.per-capita';
import { integreringstilskuddPerCapita } from '../definitions/integreringstilskudd/integreringstilskudd.per-capita';
import type { PerCapitaScheme } from '../domain/per-capita';

/** The rettighet schemes paid per settled person from records (SPEC §2, issue 6). */
export const PER_CAPITA_SCHEMES = [integreringstilskuddPerCapita, ensligeMindreaarigePerCapita] as const;

export const PER_CAPITA_SCHEME_CODES: readonly string[] = PER_CAPITA_SCHEMES.map((scheme) => scheme.code);

export function perCapitaScheme(code: string): PerCapitaScheme | undefined {
  return PER_CAPITA_SCHEMES.find((scheme) => scheme.code === code);
}
