import { Knex } from 'knex';
import { forUpdate } from '../../shared/sql';

const HOUR = 3_600_000;
const FINE_STEP = HOUR / 10;
const FINE_UNTIL = 5 * HOUR;
const FINE_BUCKETS = FINE_UNTIL / FINE_STEP;
const COARSE_RATIO = 1.02;

/**
 * The histogram bucket of a time to first team reply: 0.1 hour steps up to 5 hours (what
 * the stats show), then steps of 2%, so that a year fits in about 400 buckets.
 * The migration 20261127000000_feedback_speed.js has a copy for existing posts.
 */
export function responseBucket(ms: number): number {
  const value = Math.max(0, ms);
  if (value <= FINE_UNTIL) return Math.round(value / FINE_STEP);
  return (
    FINE_BUCKETS +
    Math.round(Math.log(value / FINE_UNTIL) / Math.log(COARSE_RATIO))
  );
}

/** The time a bucket stands for, in ms. */
export function responseBucketValue(bucket: number): number {
  if (bucket <= FINE_BUCKETS) return bucket * FINE_STEP;
  return FINE_UNTIL * COARSE_RATIO ** (bucket - FINE_BUCKETS);
}

/**
 * Adds (1) or takes away (-1) one time to a month's histogram. One month's histogram is one
 * row (JSON bucket -> count), so that the stats read one row per month; it changes only with
 * official replies, hiding and deleting, under the row's lock.
 */
export async function addResponseTime(
  tx: Knex.Transaction,
  postgres: boolean,
  where: { productRef: string; month: string },
  ms: number,
  sign: 1 | -1,
) {
  const key = { product_ref: where.productRef, month: where.month };
  const bucket = responseBucket(ms);
  await tx('feedback_response_times')
    .insert({ ...key, buckets: '{}' })
    .onConflict(['product_ref', 'month'])
    .ignore();
  const row = await forUpdate(
    postgres,
    tx('feedback_response_times').where(key).first('buckets'),
  );
  const buckets: Record<string, number> = JSON.parse(row?.buckets ?? '{}');
  const count = (buckets[bucket] ?? 0) + sign;
  if (count > 0) buckets[bucket] = count;
  else delete buckets[bucket];
  await tx('feedback_response_times')
    .where(key)
    .update({ buckets: JSON.stringify(buckets) });
}

/** The median time to first team reply over these months' histograms (JSON rows), in ms. */
export function medianResponseTime(months: string[]): number | null {
  return medianOf(mergeHistograms(months));
}

/** The months' histograms (JSON bucket -> count) as one, sorted by value. */
function mergeHistograms(months: string[]) {
  const counts = new Map<number, number>();
  for (const month of months) {
    for (const [bucket, count] of Object.entries(
      JSON.parse(month) as Record<string, number>,
    )) {
      counts.set(Number(bucket), (counts.get(Number(bucket)) ?? 0) + count);
    }
  }
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([bucket, count]) => ({ value: responseBucketValue(bucket), count }));
}

/** The median of a histogram sorted by value: the middle value, or the mean of the middle two. */
function medianOf(buckets: Array<{ value: number; count: number }>) {
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  if (total <= 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const bucket of buckets) {
      seen += Math.max(0, bucket.count);
      if (seen > index) return bucket.value;
    }
    return buckets[buckets.length - 1].value;
  };
  const lower = Math.floor((total - 1) / 2);
  return total % 2 === 1 ? at(lower) : (at(lower) + at(lower + 1)) / 2;
}
