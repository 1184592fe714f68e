import {
  monthOf,
  NPS_BANDS,
  NpsCategory,
  npsCategory,
  NpsCounts,
} from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { utcDay } from '../../shared/clock';
import { retryingDeadlocks } from '../../shared/sql';
import { StoredPost } from '../FeedbackStore';
import { addResponseTime } from './responseTimes';

/**
 * The aggregates feedback keeps on write, defined once: each write names the counters it
 * moves ({@link Counter}), and both engines apply the same definitions: SQLite one upsert
 * after another in the write's transaction, PostgreSQL all in the write's own statement
 * ({@link inOneStatement}), one round trip, for write throughput.
 */

/** Counters are spread over this many rows per key; see the migration. */
const SHARDS = 8;
const anyShard = () => Math.floor(Math.random() * SHARDS);

/** Deltas added to one counter row, created when missing; a delta is a number or SQL. */
export type Counter = {
  table: string;
  key: Record<string, string | number | boolean>;
  deltas: Record<string, number | Knex.Raw>;
};

/** The upsert that adds a counter's deltas. */
export function incrementQuery(db: Knex, counter: Counter) {
  const { table, key, deltas } = counter;
  return db(table)
    .insert({ ...key, ...deltas })
    .onConflict(Object.keys(key))
    .merge(
      Object.fromEntries(
        Object.keys(deltas).map(column => [
          column,
          db.raw('??.?? + excluded.??', [table, column, column]),
        ]),
      ),
    );
}

/** The order every write takes the counter rows' locks in: by table, then by key. */
const TABLE_ORDER = [
  'feedback_post_counts',
  'feedback_post_months',
  'feedback_post_days',
  'feedback_nps_months',
];
const rank = (table: string) => {
  const i = TABLE_ORDER.indexOf(table);
  return i < 0 ? TABLE_ORDER.length : i;
};
const keyOf = (counter: Counter) =>
  JSON.stringify(
    Object.entries(counter.key).sort(([a], [b]) => (a < b ? -1 : 1)),
  );

/**
 * The counters in lock order. Two transactions that lock the same counter rows in different
 * orders (a status change new -> planned beside one planned -> new) deadlock on PostgreSQL,
 * and one of them fails; in one order, the second waits for the first.
 */
export function inLockOrder(counters: Counter[]): Counter[] {
  return [...counters].sort((a, b) => {
    const byTable = rank(a.table) - rank(b.table);
    if (byTable) return byTable;
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka === kb) return 0;
    return ka < kb ? -1 : 1;
  });
}

/**
 * Applies the counters one after another (in the caller's transaction), in lock order: a
 * write applies all the counters it moves in one call.
 */
export async function increment(tx: Knex.Transaction, counters: Counter[]) {
  for (const counter of inLockOrder(counters)) {
    await incrementQuery(tx, counter);
  }
}

/**
 * PostgreSQL: the statements as one, the first ones as data-modifying CTEs named `name`
 * (which the later ones may read), the last one the statement itself.
 */
export async function inOneStatement(
  db: Knex,
  steps: Array<{ name: string; query: Knex.QueryBuilder }>,
  last: Knex.QueryBuilder,
) {
  const compiled = steps.map(step => ({
    name: step.name,
    ...step.query.toSQL(),
  }));
  const final = last.toSQL();
  const run = () =>
    db.raw(
      `with ${compiled
        .map(step => `${step.name} as (${step.sql})`)
        .join(', ')} ${final.sql}`,
      [...compiled.flatMap(step => step.bindings), ...final.bindings],
    );
  // on its own (not in a transaction) the statement is the whole write: it may run again
  await ((db as Knex.Transaction).isTransaction
    ? run()
    : retryingDeadlocks(run));
}

/** What a post counts for in its product's list counts, by type, status and visibility. */
export function postCount(
  post: Pick<StoredPost, 'productRef' | 'type' | 'status' | 'hidden'>,
  sign: 1 | -1,
): Counter {
  return {
    table: 'feedback_post_counts',
    key: {
      product_ref: post.productRef,
      type: post.type,
      status: post.status,
      hidden: post.hidden,
      shard: anyShard(),
    },
    deltas: { count: sign },
  };
}

/** What a post adds to the post metrics: nothing when hidden. */
export type PostFacts = Pick<
  StoredPost,
  'productRef' | 'createdAt' | 'status' | 'hidden' | 'firstTeamReplyAt'
>;

/** The post metrics' counters a post moves (its response time apart: see addPostStats). */
export function postStatCounters(post: PostFacts, sign: 1 | -1): Counter[] {
  if (post.hidden) return [];
  const isNew = post.status === 'new';
  const replied = post.firstTeamReplyAt !== null;
  const shard = anyShard();
  const counters: Counter[] = [
    {
      table: 'feedback_post_months',
      key: {
        product_ref: post.productRef,
        month: monthOf(post.createdAt),
        shard,
      },
      deltas: {
        posts: sign,
        replied: replied ? sign : 0,
        new_posts: isNew ? sign : 0,
      },
    },
  ];
  if (isNew) {
    counters.push({
      table: 'feedback_post_days',
      key: { product_ref: post.productRef, day: utcDay(post.createdAt), shard },
      deltas: { new_posts: sign },
    });
  }
  return counters;
}

/**
 * Adds (1) or takes away (-1) what a post counts for in the post metrics of its product;
 * `also`: other counters the same write moves, applied with these in lock order.
 */
export async function addPostStats(
  tx: Knex.Transaction,
  postgres: boolean,
  post: PostFacts,
  sign: 1 | -1,
  also: Counter[] = [],
) {
  await increment(tx, [...also, ...postStatCounters(post, sign)]);
  await addPostResponseTime(tx, postgres, post, sign);
}

async function addPostResponseTime(
  tx: Knex.Transaction,
  postgres: boolean,
  post: PostFacts,
  sign: 1 | -1,
) {
  if (!post.hidden && post.firstTeamReplyAt !== null) {
    await addResponseTime(
      tx,
      postgres,
      { productRef: post.productRef, month: monthOf(post.createdAt) },
      post.firstTeamReplyAt - post.createdAt,
      sign,
    );
  }
}

const samePostFacts = (a: PostFacts, b: PostFacts) =>
  a.hidden === b.hidden &&
  (a.status === 'new') === (b.status === 'new') &&
  a.firstTeamReplyAt === b.firstTeamReplyAt;

/**
 * Moves a post's share of the post metrics from what it was to what it is, with the other
 * counters of the same write (`also`), all in lock order.
 */
export async function changePostStats(
  tx: Knex.Transaction,
  postgres: boolean,
  before: PostFacts,
  after: PostFacts,
  also: Counter[] = [],
) {
  if (samePostFacts(before, after)) {
    await increment(tx, also);
    return;
  }
  await increment(tx, [
    ...also,
    ...postStatCounters(before, -1),
    ...postStatCounters(after, 1),
  ]);
  await addPostResponseTime(tx, postgres, before, -1);
  await addPostResponseTime(tx, postgres, after, 1);
}

const CATEGORIES = Object.keys(NPS_BANDS) as NpsCategory[];
const countsOf = (category: NpsCategory) => `${category}s` as keyof NpsCounts;

/** A month's NPS counts moved by these deltas. */
export function npsCounter(
  productRef: string,
  month: string,
  deltas: Counter['deltas'],
): Counter {
  return {
    table: 'feedback_nps_months',
    key: { product_ref: productRef, month, shard: anyShard() },
    deltas,
  };
}

/** How a user's score of the month moves the counts: into its band, out of the one before. */
export function npsDelta(
  score: number,
  previous: number | null,
): Record<keyof NpsCounts, number> {
  const delta = { promoters: 0, passives: 0, detractors: 0 };
  delta[countsOf(npsCategory(score))] += 1;
  if (previous !== null) delta[countsOf(npsCategory(previous))] -= 1;
  return delta;
}

/**
 * The same in SQL, from the same bands: the deltas read from `from` (a row of `score` and
 * `previous_score`, the latter null for the first rating of the month).
 */
export function npsDeltaSql(
  db: Knex,
  from: string,
): Record<keyof NpsCounts, Knex.Raw> {
  const inBand = (column: string, category: NpsCategory) =>
    `(${column} between ${NPS_BANDS[category].min} and ${NPS_BANDS[category].max})::int`;
  return Object.fromEntries(
    CATEGORIES.map(category => [
      countsOf(category),
      db.raw(
        `(select ${inBand('score', category)} - coalesce(${inBand(
          'previous_score',
          category,
        )}, 0) from ${from})`,
      ),
    ]),
  ) as Record<keyof NpsCounts, Knex.Raw>;
}

/**
 * The user's latest score of the month, upserted: the score it replaced comes back as
 * `previous_score` (read under the row lock, so concurrent re-ratings count right).
 */
export function latestScoreQuery(
  db: Knex,
  rating: {
    product_ref: string;
    month: string;
    author_hash: string;
    score: number;
  },
) {
  return db('feedback_latest_ratings')
    .insert({
      product_ref: rating.product_ref,
      month: rating.month,
      author_hash: rating.author_hash,
      score: rating.score,
    })
    .onConflict(['product_ref', 'month', 'author_hash'])
    .merge({
      previous_score: db.raw('feedback_latest_ratings.score'),
      score: rating.score,
    });
}
