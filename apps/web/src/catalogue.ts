import { api } from './api.js';
import type { SchemeView } from './types.js';

let latest: Promise<readonly SchemeView[]> | undefined;

/** The public catalogue of the latest programme year (cached for the tab: it changes once a year). */
export function schemes(): Promise<readonly SchemeView[]> {
  latest ??= api<SchemeView[]>('/schemes').catch((error: unknown) => {
    latest = undefined;
    throw error;
  });
  return latest;
}

export async function schemeName(code: string): Promise<string> {
  return (await schemes()).find((scheme) => scheme.code === code)?.name.nb ?? code;
}

/** The programme year people work in: the latest year with scheme data. */
export async function currentBudgetYear(): Promise<number> {
  const list = await schemes();
  return list[0]?.budgetYear ?? new Date().getFullYear();
}

/**
 * The budget year finance and the ministry read: the latest year that has frames. Scheme data for
 * a coming year can exist before its allocation letter does, so the scheme catalogue cannot say.
 */
export async function latestBudgetYear(): Promise<number> {
  const { years } = await api<{ years: number[] }>('/budget');
  return years.at(-1) ?? (await currentBudgetYear());
}
