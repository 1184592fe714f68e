import {
  compactScoreTrend,
  ScoreTrendPoint,
} from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { utcDay } from '../../shared/clock';
import { SNAPSHOTS } from './rows';

/** The days of the trend: the evaluation's day and the 29 before it. */
export const TREND_DAYS = 30;
/** How many days before the evaluation's day the NPS the portfolio compares with lies. */
export const NPS_BEFORE_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day `days` before `day` (both YYYY-MM-DD). */
export const dayBefore = (day: string, days: number) =>
  utcDay(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS);

export type TrendPoint = ScoreTrendPoint;

/** What the portfolio shows of a product's history, kept on its row. */
export interface StoredTrend {
  /**
   * The API's `ScoreTrend` as JSON, `{"from":"2026-03-01","scores":[80,null,85]}`: the portfolio
   * sends it as is.
   */
  scoreTrend: string;
  npsBefore: number | null;
}

/**
 * The snapshots before `day` that the trends of these products need (the 29 days before for
 * the score, the 30th for the NPS), in one query: then each trend is `trendOf(...)`.
 */
export async function readTrendHistory(
  tx: Knex.Transaction,
  productRefs: string[],
  day: string,
): Promise<Map<string, Array<TrendPoint & { nps: number | null }>>> {
  const history = new Map<string, Array<TrendPoint & { nps: number | null }>>();
  if (!productRefs.length) return history;
  const rows: Array<{
    product_ref: string;
    day: string;
    score: number | string;
    nps: number | string | null;
  }> = await tx(SNAPSHOTS)
    .select('product_ref', 'day', 'score', 'nps')
    .whereIn('product_ref', productRefs)
    .andWhere('day', '>=', dayBefore(day, NPS_BEFORE_DAYS))
    .andWhere('day', '<', day)
    .orderBy('day', 'asc');
  for (const row of rows) {
    const points = history.get(row.product_ref) ?? [];
    points.push({
      day: row.day,
      score: Number(row.score),
      nps: row.nps === null ? null : Number(row.nps),
    });
    history.set(row.product_ref, points);
  }
  return history;
}

/** The trend of a product evaluated on `day` at `score`, from the snapshots before that day. */
export function trendOf(
  before: Array<TrendPoint & { nps: number | null }>,
  day: string,
  score: number,
): StoredTrend {
  const from = dayBefore(day, TREND_DAYS - 1);
  const npsDay = dayBefore(day, NPS_BEFORE_DAYS);
  const points = [...before.filter(point => point.day >= from), { day, score }];
  return {
    scoreTrend: JSON.stringify(compactScoreTrend(points)),
    npsBefore: before.find(point => point.day === npsDay)?.nps ?? null,
  };
}
