import { InvalidValueError, Money } from '@imdi/kernel';
import type { RateTable } from './rate-table';

/** What a per-capita calculation needs of a settled person: no name, no national id. */
export interface PerCapitaPerson {
  /** YYYY-MM-DD */
  readonly birthDate: string;
  /** YYYY-MM-DD */
  readonly settlementDate: string;
  readonly category: string;
}

export interface PeriodLine {
  readonly rateCode: string;
  readonly persons: number;
  readonly amount: Money;
}

/** What a municipality is owed for one payout period, by rate. */
export interface PeriodEntitlement {
  /** e.g. "2017-Q2" (quarterly) or "2017" (yearly) */
  readonly period: string;
  readonly amount: Money;
  readonly lines: readonly PeriodLine[];
}

export interface RecordProblem {
  readonly field: 'settlementDate' | 'category' | 'birthDate';
  readonly rule: string;
  readonly message: string;
}

/**
 * A rettighet scheme paid per person and period from the year's rates. The payout run compares
 * what this computes from the current records with what was already paid for each period.
 */
export interface PerCapitaScheme {
  readonly code: string;
  /** The payout periods of a budget year, in order. */
  periodsOf(budgetYear: number): readonly string[];
  /** One entry per period of the year (zero where nothing is owed). */
  entitlementByPeriod(budgetYear: number, persons: readonly PerCapitaPerson[], rates: RateTable): PeriodEntitlement[];
  /** The category a record takes when none is given; undefined when a category is required. */
  readonly defaultCategory?: string;
  readonly categories: readonly string[];
  /** Scheme rules a record must meet beyond valid identifiers and dates. */
  checkRecord(person: PerCapitaPerson): RecordProblem[];
}

/** Whole years of age on a date (a birthday counts from the day itself). */
export function ageOn(birthDate: string, date: string): number {
  const [birthYear, birthMonthDay] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)];
  const [year, monthDay] = [Number(date.slice(0, 4)), date.slice(5)];
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** 1–4 */
export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

/** A line per rate code with its person count, in the order the codes were first met. */
export class PeriodLines {
  private readonly byCode = new Map<string, { persons: number; amount: Money }>();

  add(rateCode: string, amount: Money): void {
    const line = this.byCode.get(rateCode) ?? { persons: 0, amount: Money.zero() };
    this.byCode.set(rateCode, { persons: line.persons + 1, amount: line.amount.plus(amount) });
  }

  entitlement(period: string): PeriodEntitlement {
    const lines = [...this.byCode].map(([rateCode, line]) => ({ rateCode, ...line }));
    return { period, amount: Money.sum(lines.map((line) => line.amount)), lines };
  }
}

export function assertBudgetYear(budgetYear: number): void {
  if (!Number.isSafeInteger(budgetYear) || budgetYear < 2000 || budgetYear > 2100) {
    throw new InvalidValueError('budgetYear', 'budget-year', '«budgetYear» må være et år mellom 2000 og 2100.');
  }
}
