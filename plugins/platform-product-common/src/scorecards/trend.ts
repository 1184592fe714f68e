import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1000;

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * A product's score over its last 30 days, compactly (the portfolio sends 1,000 of them):
 * `scores[i]` is the score of the UTC day `from` + i days, oldest first; null where that day has
 * no snapshot. `from` is the first day with one, the last score the evaluation's day; empty
 * scores (with `from` the evaluation's day) when there is no history.
 */
export const scoreTrendSchema = z.strictObject({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD'),
  scores: z.array(z.number().nullable()),
});
export type ScoreTrend = z.infer<typeof scoreTrendSchema>;

/** One day's score of a trend. */
export type ScoreTrendPoint = { day: string; score: number };

/**
 * The compact trend of `points` (oldest first, one per day, at least one): the days between
 * two points without one are null.
 */
export function compactScoreTrend(points: ScoreTrendPoint[]): ScoreTrend {
  const from = points[0].day;
  const start = dayMs(from);
  const scores: Array<number | null> = [];
  for (const point of points) {
    const index = Math.round((dayMs(point.day) - start) / DAY_MS);
    while (scores.length < index) scores.push(null);
    scores[index] = point.score;
  }
  return { from, scores };
}

/** The days of a trend that have a score, as points, oldest first. */
export function scoreTrendPoints(trend: ScoreTrend): ScoreTrendPoint[] {
  const start = dayMs(trend.from);
  const points: ScoreTrendPoint[] = [];
  trend.scores.forEach((score, i) => {
    if (score !== null) {
      const day = new Date(start + i * DAY_MS).toISOString().slice(0, 10);
      points.push({ day, score });
    }
  });
  return points;
}
