import { NpsCounts } from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { medianResponseTime } from '../../feedback/store/responseTimes';
import { chunks } from '../../shared/chunks';

/** What the other capabilities' rows say about one product. Times are epoch milliseconds. */
export interface ProductMetrics {
  /** the roadmap's last change; null without a roadmap */
  roadmapUpdatedAt: number | null;
  /** the last published announcement of the product; null when none was */
  lastAnnouncementAt: number | null;
  /** ratings given in the responses window */
  recentRatings: number;
  /** visible posts written in the responses window */
  recentPosts: number;
  /** over the latest rating of each user per month, in the NPS months */
  nps: NpsCounts;
  /** median time from a visible post to its first team reply in the reply months; null without one */
  medianFirstReplyMs: number | null;
  /** visible posts not done, declined or duplicate */
  openPosts: number;
  /** visible posts still `new` */
  untriaged: {
    /** created before the stale cutoff */
    stale: number;
    /** the oldest one's creation; null when none is new */
    oldestAt: number | null;
  };
  /** from the latest adoption snapshot; null before the first one */
  adoptingTeams: number | null;
}

/** The windows the metrics are read over. */
export interface MetricWindows {
  now: number;
  /** ratings and posts from this time on count as recent responses */
  responsesSince: number;
  /** YYYY-MM: the months of the NPS */
  npsMonths: string[];
  /** YYYY-MM: the months of the first-reply median */
  replyMonths: string[];
  /** a post still `new` created before this time is stale */
  staleBefore: number;
}

const CLOSED_POST_STATUSES = ['done', 'declined', 'duplicate'];

/** Refs per statement: far under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/**
 * The metrics of these products (lower-cased refs), read for all of them at once: 3 queries
 * per 500 products, whatever their data.
 *
 * 1. one row per product with a scalar subquery per metric: each an index probe or an index
 *    range of that product (roadmap_products' key, announcements_published_idx, the
 *    `recent` indexes of ratings and posts, the post counters' key, feedback_posts_status_idx,
 *    the adoption snapshots' key), driven by a VALUES list of the refs, so that a "latest"
 *    or a "first" is one probe per product instead of a scan of all its rows;
 * 2. the NPS counters of the NPS months (their key), summed per product;
 * 3. the first-reply histograms of the reply months (their key), merged per product.
 */
export async function readProductMetrics(
  db: Knex,
  productRefs: string[],
  windows: MetricWindows,
): Promise<Map<string, ProductMetrics>> {
  const metrics = new Map<string, ProductMetrics>();
  for (const refs of chunks([...new Set(productRefs)], CHUNK)) {
    const [facts, nps, replies] = await Promise.all([
      readFacts(db, refs, windows),
      readNps(db, refs, windows.npsMonths),
      readReplyTimes(db, refs, windows.replyMonths),
    ]);
    for (const ref of refs) {
      const row = facts.get(ref);
      metrics.set(ref, {
        roadmapUpdatedAt: numberOrNull(row?.roadmap_updated_at),
        lastAnnouncementAt: numberOrNull(row?.last_announcement_at),
        recentRatings: Number(row?.recent_ratings ?? 0),
        recentPosts: Number(row?.recent_posts ?? 0),
        nps: nps.get(ref) ?? { promoters: 0, passives: 0, detractors: 0 },
        medianFirstReplyMs: medianResponseTime(replies.get(ref) ?? []),
        openPosts: Number(row?.open_posts ?? 0),
        untriaged: {
          stale: Number(row?.stale_posts ?? 0),
          oldestAt: numberOrNull(row?.oldest_untriaged_at),
        },
        adoptingTeams: numberOrNull(row?.adopting_teams),
      });
    }
  }
  return metrics;
}

type FactsRow = Record<string, string | number | null>;

async function readFacts(
  db: Knex,
  refs: string[],
  windows: MetricWindows,
): Promise<Map<string, FactsRow>> {
  const product = db.ref('r.column1');
  const visiblePosts = () =>
    db('feedback_posts')
      .where('product_ref', product)
      .andWhere('hidden', false);
  const untriaged = () => visiblePosts().andWhere('status', 'new');
  const rows: FactsRow[] = await db
    .from(refsTable(db, refs))
    .select({ product_ref: product })
    .select(
      db('roadmap_products')
        .where('product_ref', product)
        .select('updated_at')
        .as('roadmap_updated_at'),
      db('announcements')
        .where('product_ref', product)
        .whereNotNull('published_at')
        .andWhere('published_at', '<=', windows.now)
        .max('published_at')
        .as('last_announcement_at'),
      db('feedback_ratings')
        .where('product_ref', product)
        .andWhere('created_at', '>=', windows.responsesSince)
        .count('*')
        .as('recent_ratings'),
      visiblePosts()
        .andWhere('created_at', '>=', windows.responsesSince)
        .count('*')
        .as('recent_posts'),
      db('feedback_post_counts')
        .where('product_ref', product)
        .andWhere('hidden', false)
        .whereNotIn('status', CLOSED_POST_STATUSES)
        .sum('count')
        .as('open_posts'),
      untriaged()
        .andWhere('created_at', '<', windows.staleBefore)
        .count('*')
        .as('stale_posts'),
      untriaged().min('created_at').as('oldest_untriaged_at'),
      db('adoption_snapshots')
        .where('product_ref', product)
        .orderBy('day', 'desc')
        .limit(1)
        .select('team_count')
        .as('adopting_teams'),
    );
  return new Map(rows.map(row => [String(row.product_ref), row]));
}

async function readNps(
  db: Knex,
  refs: string[],
  months: string[],
): Promise<Map<string, NpsCounts>> {
  const rows: Array<Record<string, string | number>> = await db(
    'feedback_nps_months',
  )
    .whereIn('product_ref', refs)
    .whereIn('month', months)
    .groupBy('product_ref')
    .select('product_ref')
    .sum({
      promoters: 'promoters',
      passives: 'passives',
      detractors: 'detractors',
    });
  return new Map(
    rows.map(row => [
      String(row.product_ref),
      {
        promoters: Number(row.promoters),
        passives: Number(row.passives),
        detractors: Number(row.detractors),
      },
    ]),
  );
}

/** Each product's histograms (JSON, one per month), as feedback/store/responseTimes.ts keeps them. */
async function readReplyTimes(
  db: Knex,
  refs: string[],
  months: string[],
): Promise<Map<string, string[]>> {
  const rows: Array<{ product_ref: string; buckets: string }> = await db(
    'feedback_response_times',
  )
    .whereIn('product_ref', refs)
    .whereIn('month', months)
    .select('product_ref', 'buckets');
  const byProduct = new Map<string, string[]>();
  for (const row of rows) {
    byProduct.set(row.product_ref, [
      ...(byProduct.get(row.product_ref) ?? []),
      row.buckets,
    ]);
  }
  return byProduct;
}

/**
 * The refs as a table `r` with one column, `r.column1` (the name both engines give a VALUES
 * column): each scalar subquery is then one index probe or range per product, where a
 * `group by` over `product_ref in (...)` would read every row of the products (every
 * announcement, every adoption snapshot) to keep the latest.
 */
function refsTable(db: Knex, refs: string[]) {
  return db.raw(`(values ${refs.map(() => '(?)').join(', ')}) as r`, refs);
}

function numberOrNull(value: string | number | null | undefined) {
  return value === null || value === undefined ? null : Number(value);
}
