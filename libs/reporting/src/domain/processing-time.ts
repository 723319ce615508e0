const DAY_MS = 86_400_000;

/**
 * Processing time in days, one decimal, from receipt to decision (fvl. § 11a measures from
 * receipt). Computed in whole tenths of a day so the figure is exact and the same everywhere.
 */
export function processingDays(receivedAt: Date, decidedAt: Date): number {
  return Math.max(0, Math.round(((decidedAt.getTime() - receivedAt.getTime()) * 10) / DAY_MS));
}

/** Median and mean of tenths of days, as decimal strings with one decimal ("12.5"); null when there are none. */
export function summariseTenths(tenths: readonly number[]): { median: string | null; mean: string | null } {
  if (tenths.length === 0) return { median: null, mean: null };
  const sorted = [...tenths].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  // The median of an even count is the mean of the middle two, rounded half up to a tenth.
  const median = sorted.length % 2 === 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
  const mean = Math.round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length);
  return { median: tenthsToString(median), mean: tenthsToString(mean) };
}

function tenthsToString(tenths: number): string {
  return `${Math.trunc(tenths / 10)}.${tenths % 10}`;
}
