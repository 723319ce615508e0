import { BudgetPost, Money, osloParts, toWholeSecond } from '@imdi/kernel';
import type { Rate } from './rate-table';
import type { AppealRoute, ApplicantType, LocalisedText, SchemeKind } from './scheme-terms';

export interface SchemeRate extends Rate {
  readonly label: string;
  readonly unit: string;
  readonly source: string;
  readonly confirmedAt: Date | null;
  readonly confirmedBy: string | null;
}

export interface ApplicationWindow {
  readonly opensAt: Date;
  /** The last instant, to the second, at which a submission is on time. */
  readonly deadlineAt: Date;
}

/** A scheme's data for one budget year. */
export interface SchemeVersion {
  readonly id: string;
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly name: LocalisedText;
  readonly kind: SchemeKind;
  readonly budgetPost: BudgetPost;
  readonly earmarkCodes: readonly string[];
  readonly applicantTypes: readonly ApplicantType[];
  readonly appealRoute: AppealRoute;
  /** null: claims are taken all year (rettighet schemes). */
  readonly window: ApplicationWindow | null;
  readonly legalBasis: string;
  readonly purpose: LocalisedText;
  readonly notes: string | null;
  readonly frozenAt: Date | null;
  readonly rates: readonly SchemeRate[];
}

export type WindowStatus = 'continuous' | 'upcoming' | 'open' | 'closed';

/** Whether applications are accepted at an instant; the deadline second itself is still on time. */
/** A budget year is over once Oslo's calendar has passed it: its money and its round are closed, whatever the window says. */
export function budgetYearClosed(version: Pick<SchemeVersion, 'budgetYear'>, at: Date): boolean {
  return osloParts(at).year > version.budgetYear;
}

export function windowStatus(version: Pick<SchemeVersion, 'window' | 'budgetYear'>, at: Date): WindowStatus {
  if (!version.window) return budgetYearClosed(version, at) ? 'closed' : 'continuous';
  if (at < version.window.opensAt) return 'upcoming';
  return toWholeSecond(at) <= version.window.deadlineAt ? 'open' : 'closed';
}

/** Whether applicants could have applied already: the window has opened, or (no window) the budget year has begun in Oslo. */
export function windowHasOpened(version: Pick<SchemeVersion, 'window' | 'budgetYear'>, at: Date): boolean {
  return version.window ? at >= version.window.opensAt : osloParts(at).year >= version.budgetYear;
}

/**
 * The applicant types an amendment would take away. Once the window has opened, someone of such a type may
 * already have applied or be preparing to, on the terms announced: the circle may widen, never narrow.
 */
export function narrowedApplicantTypes(current: readonly ApplicantType[], proposed: readonly ApplicantType[]): ApplicantType[] {
  return current.filter((type) => !proposed.includes(type));
}

export function acceptsApplications(version: Pick<SchemeVersion, 'window' | 'budgetYear'>, at: Date): boolean {
  if (budgetYearClosed(version, at)) return false;
  const status = windowStatus(version, at);
  return status === 'open' || status === 'continuous';
}

export function rateAmount(version: SchemeVersion, code: string): Money | undefined {
  return version.rates.find((rate) => rate.code === code)?.amount;
}
