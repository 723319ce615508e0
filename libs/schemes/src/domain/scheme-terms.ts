/** How a scheme allocates money (SPEC §2). */
export const SCHEME_KINDS = ['sokbar', 'rettighet', 'navngitt'] as const;
export type SchemeKind = (typeof SCHEME_KINDS)[number];

/** Who can be a recipient. `ks` is the municipalities' association, named in the budget. */
export const APPLICANT_TYPES = ['kommune', 'fylkeskommune', 'organisasjon', 'ks'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/**
 * fvl. § 2: a grant decision is an enkeltvedtak (appeal under chapter VI) when the recipient is an
 * organisation, or a municipality applying on the same terms as private parties. Grants to
 * municipalities alone are not, and offer a renewed assessment instead.
 */
export const APPEAL_ROUTES = ['enkeltvedtak', 'renewed-assessment'] as const;
export type AppealRoute = (typeof APPEAL_ROUTES)[number];

export const WRITTEN_STANDARDS = ['nb', 'nn'] as const;
export type WrittenStandard = (typeof WRITTEN_STANDARDS)[number];

export interface LocalisedText {
  readonly nb: string;
  readonly nn: string;
}

/** Ministry pre-notification (Instruks 6.1) applies to application-based schemes only. */
export function requiresMinistryPreNotification(kind: SchemeKind): boolean {
  return kind === 'sokbar';
}
