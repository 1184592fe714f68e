/**
 * Feedback scenarios (POST/GET /api/platform-product/feedback...), each on its own product:
 *
 *   feedback-write     5,000 ratings and posts (alternating) at the harness's concurrency, all
 *                      from the one bench user (the guest provider signs in one user only; the
 *                      per-user daily limit is raised in app-config.bench.yaml).
 *                      raw floor: the store's own statements on the plugin's database (PostgreSQL:
 *                      the one-statement CTEs of DatabaseFeedbackStore; SQLite: its transactions),
 *                      plus the per-user daily count that runs before every write.
 *   feedback-stats     GET /feedback/stats for a product with 100,000 ratings from 20,000 users,
 *                      and 100,000 posts (BENCH_FEEDBACK_STATS_POSTS), 30% with a team reply.
 *   feedback-stats-1m  the same with 1,000,000 ratings (BENCH_FEEDBACK_BIG_RATINGS to change).
 *                      raw floor of both: the stats' queries (NPS counters by month, the post
 *                      metrics' aggregates, the response-time histogram).
 *   feedback-list      GET /feedback?sort=votes&limit=20, first page, for a product with 100,000
 *                      posts (and their votes). raw floor: the page, its count from the
 *                      aggregates and the caller's votes on the page, as the store reads them.
 *
 * The read scenarios seed the plugin's tables directly (lib/feedbackSeed.mjs), aggregates included,
 * and check that the route answers with exactly what was seeded.
 */
import {
  seedRatings,
  seedPosts,
  statsFloor,
  listFloor,
  writeFloor,
  lastMonths,
} from '../lib/feedbackSeed.mjs';

const ns = 'platformproduct:default/';
const product = name => ({
  apiVersion: 'platform-product/v1alpha1',
  kind: 'PlatformProduct',
  metadata: { name, title: name },
  spec: {
    owner: 'group:default/bench-platform',
    productManager: 'user:default/bench-user',
    lifecycle: 'production',
    vision: 'Measure the feedback routes.',
    parts: [],
  },
});
const q = encodeURIComponent;

// ---- writes -------------------------------------------------------------------------------

const WRITE_PRODUCT = 'feedback-write-product';
const WRITES = Number(process.env.BENCH_FEEDBACK_WRITES ?? 5000);

/** @type {import('./index.mjs').Scenario} */
export const feedbackWrite = {
  name: 'feedback-write',
  group: 'feedback',
  description: `POST ${WRITES} ratings and posts (alternating), from the one bench user`,
  entities: () => [product(WRITE_PRODUCT)],
  request: {
    method: 'POST',
    path: '/api/platform-product/feedback',
    body: { entityRef: ns + WRITE_PRODUCT, type: 'rating', score: 9 },
  },
  load: {
    amount: WRITES,
    requests: [
      {
        method: 'POST',
        path: '/api/platform-product/feedback',
        body: {
          entityRef: ns + WRITE_PRODUCT,
          type: 'rating',
          score: 9,
          body: 'Works well for us.',
        },
      },
      {
        method: 'POST',
        path: '/api/platform-product/feedback',
        body: {
          entityRef: ns + WRITE_PRODUCT,
          type: 'idea',
          title: 'Bench idea',
          body: 'Please add a bulk import.',
        },
      },
    ],
  },
  check(body) {
    return body?.id && body?.type === 'rating'
      ? []
      : [`no rating in ${JSON.stringify(body).slice(0, 120)}`];
  },
  raw: {
    db: 'plugin',
    floor: writeFloor,
    // the same writes from 2,000 authors in turn: the user mix of the target
    diagnostics: {
      'raw-2000-authors': (query, db) =>
        writeFloor(query, db, { authors: 2000 }),
    },
  },
};

// ---- stats ----------------------------------------------------------------------------------

const STATS_POSTS = Number(process.env.BENCH_FEEDBACK_STATS_POSTS ?? 100_000);

function statsScenario(name, ratings, users) {
  const productRef = `${ns}${name}-product`;
  let expected; // set by prepare: what the route must answer
  let expectedPosts;
  return {
    name,
    group: 'feedback',
    description: `GET feedback stats of a product with ${ratings} ratings from ${users} users and ${STATS_POSTS} posts`,
    entities: () => [product(`${name}-product`)],
    request: {
      method: 'GET',
      path: `/api/platform-product/feedback/stats?productRef=${q(
        productRef,
      )}&months=12`,
    },
    async prepare({ pluginDb, log }) {
      expected = await seedRatings(pluginDb, {
        productRef,
        ratings,
        users,
        months: lastMonths(Date.now(), 12),
        log,
      });
      log(
        `${name}: seeded ${ratings} ratings from ${users} users: ${expected.responses} user-months (latest ratings), ${expected.promoters}/${expected.passives}/${expected.detractors} promoters/passives/detractors`,
      );
      const { untriagedAt, ...posts } = await seedPosts(pluginDb, {
        productRef,
        posts: STATS_POSTS,
        users,
        replyShare: 0.3,
        months: lastMonths(Date.now(), 12),
      });
      expectedPosts = { ...posts, untriagedAt };
      log(
        `${name}: seeded ${STATS_POSTS} posts, ${posts.windowPosts} in the window, ${posts.replies} with a team reply`,
      );
      return { ratings, users, ...expected, posts };
    },
    check(body) {
      if (!expected) return ['not seeded'];
      const problems = [];
      for (const key of ['responses', 'promoters', 'passives', 'detractors']) {
        if (body?.[key] !== expected[key])
          problems.push(`${key} ${body?.[key]}, seeded ${expected[key]}`);
      }
      if (body?.trend?.length !== 12)
        problems.push(`trend of ${body?.trend?.length} months`);
      if (expectedPosts) {
        const { windowPosts, replies, medianFirstResponseMs } = expectedPosts;
        const replyRate = windowPosts
          ? Math.round((replies / windowPosts) * 1000) / 1000
          : null;
        if (body?.replyRate !== replyRate)
          problems.push(`replyRate ${body?.replyRate}, seeded ${replyRate}`);
        const untriaged = expectedPosts.untriagedAt(Date.now());
        // a post may cross the 14-day line between the answer and this check
        if (Math.abs(body?.untriagedOver14Days - untriaged) > 1)
          problems.push(
            `untriagedOver14Days ${body?.untriagedOver14Days}, seeded ${untriaged}`,
          );
        // the median comes from a histogram: to 0.1 hour, or 1% beyond 5 hours
        const hours = medianFirstResponseMs / 3_600_000;
        if (
          !(
            Math.abs(body?.medianFirstResponseHours - hours) <=
            Math.max(0.1, hours * 0.011)
          )
        )
          problems.push(
            `medianFirstResponseHours ${body?.medianFirstResponseHours}, seeded ${hours}`,
          );
      }
      return problems;
    },
    raw: {
      db: 'plugin',
      floor: (query, db) => statsFloor(query, db, productRef),
      checkRaw: result =>
        result.responses === expected?.responses
          ? []
          : [
              `raw responses ${result.responses}, seeded ${expected?.responses}`,
            ],
    },
  };
}

export const feedbackStats = statsScenario('feedback-stats', 100_000, 20_000);
export const feedbackStatsBig = statsScenario(
  'feedback-stats-1m',
  Number(process.env.BENCH_FEEDBACK_BIG_RATINGS ?? 1_000_000),
  20_000,
);

// ---- list by votes --------------------------------------------------------------------------

const LIST_PRODUCT = 'feedback-list-product';
const LIST_POSTS = Number(process.env.BENCH_FEEDBACK_POSTS ?? 100_000);
let listExpected;

/** @type {import('./index.mjs').Scenario} */
export const feedbackList = {
  name: 'feedback-list',
  group: 'feedback',
  description: `GET the first page of ${LIST_POSTS} posts by votes`,
  entities: () => [product(LIST_PRODUCT)],
  request: {
    method: 'GET',
    path: `/api/platform-product/feedback?productRef=${q(
      ns + LIST_PRODUCT,
    )}&sort=votes&limit=20`,
  },
  async prepare({ pluginDb, log }) {
    listExpected = await seedPosts(pluginDb, {
      productRef: ns + LIST_PRODUCT,
      posts: LIST_POSTS,
      users: 20_000,
      log,
    });
    log(
      `feedback-list: seeded ${LIST_POSTS} posts, ${listExpected.votes} votes (top post ${listExpected.topVotes})`,
    );
    return listExpected;
  },
  check(body) {
    if (!listExpected) return ['not seeded'];
    const problems = [];
    if (body?.totalCount !== LIST_POSTS)
      problems.push(`totalCount ${body?.totalCount}`);
    if (body?.items?.length !== 20)
      problems.push(`${body?.items?.length} items`);
    if (body?.items?.[0]?.voteCount !== listExpected.topVotes)
      problems.push(`top voteCount ${body?.items?.[0]?.voteCount}`);
    const votes = (body?.items ?? []).map(i => i.voteCount);
    if (votes.some((v, i) => i > 0 && v > votes[i - 1]))
      problems.push('not sorted by votes');
    if (!body?.nextCursor) problems.push('no nextCursor');
    return problems;
  },
  raw: {
    db: 'plugin',
    floor: (query, db) => listFloor(query, db, ns + LIST_PRODUCT),
    checkRaw: result =>
      result.totalCount === LIST_POSTS &&
      result.items.length === 20 &&
      Number(result.items[0].vote_count) === listExpected?.topVotes
        ? []
        : [`raw: ${result.totalCount} posts, ${result.items.length} items`],
  },
};
