import type { AppealRoute, ApplicantType, LocalisedText, SchemeKind } from './scheme-terms';

/** The per-year data of all schemes as kept in data/schemes/<year>.json. */
export interface SchemeYearDocument {
  readonly budgetYear: number;
  readonly source: string;
  readonly schemes: readonly SchemeYearEntry[];
}

export interface SchemeYearEntry {
  readonly code: string;
  readonly name: LocalisedText;
  readonly kind: SchemeKind;
  readonly budgetPost: string;
  readonly earmarkCodes: readonly string[];
  readonly applicantTypes: readonly ApplicantType[];
  readonly appealRoute: AppealRoute;
  /** Oslo local date-times "YYYY-MM-DDTHH:mm:ss"; null for continuous claims. */
  readonly window: { readonly opens: string; readonly deadline: string } | null;
  readonly legalBasis: string;
  readonly purpose: LocalisedText;
  readonly rates?: readonly SchemeRateEntry[];
  readonly notes?: string;
}

export interface SchemeRateEntry {
  readonly code: string;
  readonly label: string;
  readonly amountNok: string;
  readonly unit: string;
  readonly provisional: boolean;
  readonly source: string;
}
