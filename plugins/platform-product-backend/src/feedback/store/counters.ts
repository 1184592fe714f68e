import {
  monthOf,
  NPS_BANDS,
  NpsCategory,
  npsCategory,
  NpsCounts,
} from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { utcDay } from '../../shared/clock';
import {
  identifier as id,
  retryingDeadlocks,
  runSql,
  Sql,
} from '../../shared/sql';
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

/** A delta computed in SQL from the columns of the row the upsert reads (see incrementSql). */
export type SqlDelta = { expression: string };

/** Deltas added to one counter row, created when missing. */
export type Counter<Delta = number> = {
  table: string;
  key: Record<string, string | number | boolean>;
  deltas: Record<string, Delta>;
};

/**
 * The upsert that adds a counter's deltas, as SQL text built by hand: the writes run it on
 * every request, and a query builder costs more than the statement's round trip. `from`: the
 * table or CTE it reads once per row (SQL deltas read that row's columns); none for once.
 * (`where true` lets SQLite parse `insert ... select ... on conflict`.)
 */
export function incrementSql(
  counter: Counter<number | SqlDelta>,
  from?: string,
): Sql {
  const { table, key, deltas } = counter;
  const bindings: Knex.Value[] = [];
  const values = [...Object.values(key), ...Object.values(deltas)].map(
    value => {
      if (typeof value === 'object') return value.expression;
      bindings.push(value);
      return '?';
    },
  );
  const columns = [...Object.keys(key), ...Object.keys(deltas)].map(id);
  const sums = Object.keys(deltas).map(
    column =>
      `${id(column)} = ${id(table)}.${id(column)} + excluded.${id(column)}`,
  );
  return {
    sql: `insert into ${id(table)} (${columns.join(', ')}) select ${values.join(
      ', ',
    )}${from ? ` from ${from}` : ''} where true on conflict (${Object.keys(key)
      .map(id)
      .join(', ')}) do update set ${sums.join(', ')}`,
    bindings,
  };
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
const keyOf = (counter: Counter<unknown>) =>
  JSON.stringify(
    Object.entries(counter.key).sort(([a], [b]) => (a < b ? -1 : 1)),
  );

/**
 * The counters in lock order. Two transactions that lock the same counter rows in different
 * orders (a status change new -> planned beside one planned -> new) deadlock on PostgreSQL,
 * and one of them fails; in one order, the second waits for the first.
 */
export function inLockOrder<C extends Counter<unknown>>(counters: C[]): C[] {
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
    const { sql, bindings } = incrementSql(counter);
    await tx.raw(sql, bindings);
  }
}

/**
 * PostgreSQL: the statements as one, the first ones as data-modifying CTEs named `name`
 * (which the later ones may read), the last one the statement itself; its rows.
 */
export async function inOneStatement<T = Record<string, unknown>>(
  db: Knex,
  steps: Array<{ name: string } & Sql>,
  last: Sql,
): Promise<T[]> {
  const sql = `with ${steps
    .map(step => `${step.name} as (${step.sql})`)
    .join(', ')} ${last.sql}`;
  const bindings = [...steps.flatMap(step => step.bindings), ...last.bindings];
  const run = () => runSql<T>(db, { sql, bindings });
  // on its own (not in a transaction) the statement is the whole write: it may run again
  return (db as Knex.Transaction).isTransaction
    ? run()
    : retryingDeadlocks(run);
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
export function npsCounter<Delta>(
  productRef: string,
  month: string,
  deltas: Record<string, Delta>,
): Counter<Delta> {
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
 * The same in SQL, from the same bands, over a row of `score` and `previous_score` (null for
 * the first rating of the month, in no band).
 */
export function npsDeltaSql(): Record<keyof NpsCounts, SqlDelta> {
  const inBand = (column: string, category: NpsCategory) =>
    `case when ${id(column)} between ${NPS_BANDS[category].min} and ${
      NPS_BANDS[category].max
    } then 1 else 0 end`;
  return Object.fromEntries(
    CATEGORIES.map(category => [
      countsOf(category),
      {
        expression: `${inBand('score', category)} - ${inBand(
          'previous_score',
          category,
        )}`,
      },
    ]),
  ) as Record<keyof NpsCounts, SqlDelta>;
}

/**
 * The user's latest score of the month, upserted from `select` (product_ref, month,
 * author_hash, score): the score it replaced comes back as `previous_score` (read under the
 * row lock, so concurrent re-ratings count right).
 */
export function latestScoreSql(select: Sql): Sql {
  return {
    sql: `insert into feedback_latest_ratings (product_ref, month, author_hash, score) ${select.sql} where true on conflict (product_ref, month, author_hash) do update set previous_score = feedback_latest_ratings.score, score = excluded.score returning score, previous_score`,
    bindings: select.bindings,
  };
}
