/** Standard NPS buckets: 9-10 promoters, 7-8 passives, 0-6 detractors. */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

/**
 * The score band of each category, bounds included: the one definition, which the backend
 * also turns into SQL for its counters.
 */
export const NPS_BANDS: Readonly<
  Record<NpsCategory, Readonly<{ min: number; max: number }>>
> = {
  promoter: { min: 9, max: 10 },
  passive: { min: 7, max: 8 },
  detractor: { min: 0, max: 6 },
};

export function npsCategory(score: number): NpsCategory {
  if (!Number.isInteger(score) || score < 0 || score > 10) {
    throw new RangeError(`An NPS score is an integer 0-10, got ${score}`);
  }
  return (Object.keys(NPS_BANDS) as NpsCategory[]).find(
    category =>
      score >= NPS_BANDS[category].min && score <= NPS_BANDS[category].max,
  )!;
}

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** % promoters minus % detractors, rounded to a whole number (-100..100); null without responses. */
export function computeNps(counts: NpsCounts): number | null {
  const responses = counts.promoters + counts.passives + counts.detractors;
  if (responses === 0) return null;
  // + 0 turns -0 into 0
  return (
    Math.round(((counts.promoters - counts.detractors) * 100) / responses) + 0
  );
}

/** The calendar month (UTC) of a time, as YYYY-MM. */
export function monthOf(time: Date | number): string {
  return new Date(time).toISOString().slice(0, 7);
}

/** The last `count` calendar months (UTC) up to and including the month of `now`, oldest first. */
export function lastMonths(now: Date | number, count: number): string[] {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return Array.from({ length: count }, (_, i) =>
    monthOf(Date.UTC(year, month - (count - 1 - i), 1)),
  );
}
