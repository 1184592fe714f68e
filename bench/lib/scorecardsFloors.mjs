/**
 * The scorecards scenarios' raw-SQL floors on the plugin's database, and the score history the
 * portfolio's trend reads.
 *
 *   metricsFloor    what the evaluator reads for 1,000 products (src/scorecards/store/metrics.ts):
 *                   per 500 products, in parallel, one row per product with a scalar subquery per
 *                   metric, the NPS counters of the NPS months, the first-reply histograms of the
 *                   reply months. Windows as the checks' defaults: responses 90 days, NPS and
 *                   first reply 3 months, stale after 14 days.
 *   portfolioFloor  GET /portfolio's one statement (src/scorecards/store/portfolio.ts), default
 *                   order (title): every product row, with the 30-day trend and the NPS 30 days
 *                   before that the runs keep on it.
 *   scorecardFloor  GET /scorecards' two statements, in parallel: the product's row and its check
 *                   results in order.
 */
import { lastMonths } from './feedbackSeed.mjs';
import { profileOf } from './scorecardsCatalog.mjs';

const DAY = 86_400_000;
const CHUNK = 500; // the evaluator's refs per statement
const RESPONSE_DAYS = 90;
const NPS_MONTHS = 3;
const REPLY_MONTHS = 3;
const STALE_DAYS = 14;
const CLOSED = `('done', 'declined', 'duplicate')`;

/** `:refs` as a table of one column, product_ref: an array on PostgreSQL, JSON on SQLite. */
const refsTable = engine =>
  engine === 'postgres'
    ? `unnest(:refs::text[]) AS r(product_ref)`
    : `(SELECT value AS product_ref FROM json_each(:refs)) AS r`;

function factsSql(engine) {
  const visible = `FROM feedback_posts WHERE product_ref = r.product_ref AND hidden = false`;
  return `SELECT r.product_ref,
    (SELECT updated_at FROM roadmap_products WHERE product_ref = r.product_ref) AS roadmap_updated_at,
    (SELECT max(published_at) FROM announcements WHERE product_ref = r.product_ref
       AND published_at IS NOT NULL AND published_at <= :now) AS last_announcement_at,
    (SELECT count(*) FROM feedback_ratings WHERE product_ref = r.product_ref
       AND created_at >= :since) AS recent_ratings,
    (SELECT count(*) ${visible} AND created_at >= :since) AS recent_posts,
    (SELECT sum(count) FROM feedback_post_counts WHERE product_ref = r.product_ref
       AND hidden = false AND status NOT IN ${CLOSED}) AS open_posts,
    (SELECT count(*) ${visible} AND status = 'new' AND created_at < :stale) AS stale_posts,
    (SELECT min(created_at) ${visible} AND status = 'new') AS oldest_untriaged_at,
    (SELECT team_count FROM adoption_snapshots WHERE product_ref = r.product_ref
       ORDER BY day DESC LIMIT 1) AS adopting_teams
  FROM ${refsTable(engine)}`;
}

/** One iteration: the metric reads of every product in `refs`; returns the products read. */
export function metricsFloor(q, db, refs) {
  const facts = factsSql(db.engine);
  return async () => {
    const now = Date.now();
    const npsMonths = lastMonths(now, NPS_MONTHS);
    const replyMonths = lastMonths(now, REPLY_MONTHS);
    let products = 0;
    let histograms = 0;
    for (let start = 0; start < refs.length; start += CHUNK) {
      const part = refs.slice(start, start + CHUNK);
      const [rows, , times] = await Promise.all([
        q(facts, {
          refs: db.engine === 'postgres' ? part : JSON.stringify(part),
          now,
          since: now - RESPONSE_DAYS * DAY,
          stale: now - STALE_DAYS * DAY,
        }),
        q(
          `SELECT product_ref, sum(promoters) AS promoters, sum(passives) AS passives,
             sum(detractors) AS detractors
           FROM feedback_nps_months WHERE product_ref IN :refs AND month IN :months
           GROUP BY product_ref`,
          { refs: part, months: npsMonths },
        ),
        q(
          `SELECT product_ref, buckets FROM feedback_response_times
           WHERE product_ref IN :refs AND month IN :months`,
          { refs: part, months: replyMonths },
        ),
      ]);
      products += rows.length;
      for (const row of times) histograms += JSON.parse(row.buckets) ? 1 : 0;
    }
    return { products, histograms };
  };
}

export function portfolioFloor(q) {
  return async () =>
    q(`SELECT * FROM scorecard_products
       ORDER BY (lower(title) IS NULL) ASC, lower(title) ASC, lower(title) ASC, product_ref ASC`);
}

export function scorecardFloor(q, _db, productRef) {
  return async () => {
    const [product, checks] = await Promise.all([
      q(`SELECT * FROM scorecard_products WHERE product_ref = :p LIMIT 1`, {
        p: productRef,
      }),
      q(
        `SELECT * FROM scorecard_check_results WHERE product_ref = :p
         ORDER BY position ASC`,
        { p: productRef },
      ),
    ]);
    return { product: product[0], checks };
  };
}

/**
 * A year of daily snapshots before today for every product, as the daily runs would have left
 * them (the store keeps 400 days): the score wanders around a product-dependent base, the level
 * follows it, the NPS is there for products with ratings, the figures are today's. A run reads
 * back the trend's 29 days and the NPS of the 30th when it writes today's snapshot.
 */
export async function seedHistory(
  db,
  expected,
  { days = 365, now = Date.now() } = {},
) {
  const clamp = (n, lo, hi) => Math.max(lo, Math.min(hi, n));
  const levelOf = score =>
    score >= 85
      ? 'gold'
      : score >= 60
      ? 'silver'
      : score >= 35
      ? 'bronze'
      : null;
  const columns = {
    product_ref: 'text',
    day: 'text',
    score: 'float8',
    level: 'text',
    nps: 'int',
    adopting_teams: 'int',
    open_posts: 'int',
    oldest_untriaged_at: 'bigint',
    last_announcement_at: 'bigint',
  };
  const ms = value => (value === null ? null : Date.parse(value));
  let rows = [];
  let total = 0;
  let k = 0;
  for (const [ref, figures] of expected) {
    const base = (k * 29) % 100;
    const nps = profileOf(k).ratings ? ((k * 17) % 120) - 40 : null;
    for (let d = 1; d <= days; d++) {
      const score = clamp(base - (d % 4) * 5 - Math.floor(d / 60) * 3, 0, 100);
      rows.push([
        ref,
        new Date(now - d * DAY).toISOString().slice(0, 10),
        score,
        levelOf(score),
        nps === null ? null : clamp(nps - (d % 3) * 5, -100, 100),
        figures.adoptingTeams,
        figures.openPosts,
        ms(figures.oldestUntriagedAt),
        ms(figures.lastAnnouncementAt),
      ]);
    }
    if (rows.length >= 20_000) {
      await db.insertRows('scorecard_snapshots', columns, rows);
      total += rows.length;
      rows = [];
    }
    k += 1;
  }
  await db.insertRows('scorecard_snapshots', columns, rows);
  total += rows.length;
  if (db.engine === 'postgres')
    await db.pool.query('VACUUM ANALYZE scorecard_snapshots');
  return total;
}
