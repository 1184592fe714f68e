/**
 * Feedback scenarios (POST/GET /api/platform-product/feedback...), each on its own product:
 *
 *   feedback-write     5,000 ratings and posts (alternating) at the harness's concurrency, from
 *                      2,000 users (BENCH_FEEDBACK_WRITERS), each with a token of their own from the
 *                      demo sign-in (its demo-user cookie names the catalog user).
 *                      raw floor: the store's own statements on the plugin's database (PostgreSQL:
 *                      the one-statement CTEs of DatabaseFeedbackStore; SQLite: its transactions),
 *                      plus the per-user daily count that runs before every write, from as many
 *                      authors in the same turn.
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
const WRITERS = Number(process.env.BENCH_FEEDBACK_WRITERS ?? 2000);
const writer = i => `bench-writer-${i}`;

/** The k-th write of the load: writer k mod WRITERS; even writers rate, odd ones post an idea. */
function writeRequest(tokens, k) {
  const i = k % WRITERS;
  return {
    headers: { Authorization: `Bearer ${tokens[i]}` },
    body:
      i % 2 === 0
        ? {
            entityRef: ns + WRITE_PRODUCT,
            type: 'rating',
            score: 9,
            body: 'Works well for us.',
          }
        : {
            entityRef: ns + WRITE_PRODUCT,
            type: 'idea',
            title: 'Bench idea',
            body: 'Please add a bulk import.',
          },
  };
}

const writeTokens = [];
let writes = 0;
let writeBaseUrl;

/**
 * Diagnostic: one permission decision per iteration, each as the next of the writers (fetch in
 * loops): the permission backend's part of a write whose user it has not seen in 5 seconds.
 */
function authorizeAsWriters() {
  let k = 0;
  return async () => {
    const token = writeTokens[k++ % WRITERS];
    const response = await fetch(`${writeBaseUrl}/api/permission/authorize`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        items: [
          {
            id: '1',
            resourceRef: ns + WRITE_PRODUCT,
            permission: {
              type: 'resource',
              name: 'platform-product.feedback.create',
              attributes: { action: 'create' },
              resourceType: 'platform-product',
            },
          },
        ],
      }),
    });
    if (!response.ok) throw new Error(`authorize: ${response.status}`);
    return response.json();
  };
}

/** @type {import('./index.mjs').Scenario} */
export const feedbackWrite = {
  name: 'feedback-write',
  group: 'feedback',
  description: `POST ${WRITES} ratings and posts (alternating) from ${WRITERS} users`,
  entities: () => [
    product(WRITE_PRODUCT),
    ...Array.from({ length: WRITERS }, (_, i) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: writer(i) },
      spec: { memberOf: [] },
    })),
  ],
  request: {
    method: 'POST',
    path: '/api/platform-product/feedback',
    body: { entityRef: ns + WRITE_PRODUCT, type: 'rating', score: 9 },
  },
  async prepare({ baseUrl, userToken, log }) {
    const started = Date.now();
    writeBaseUrl = baseUrl;
    writeTokens.length = 0;
    for (let i = 0; i < WRITERS; i += 8) {
      const batch = Array.from(
        { length: Math.min(8, WRITERS - i) },
        (_, j) => i + j,
      );
      const tokens = await Promise.all(batch.map(k => userToken(writer(k))));
      writeTokens.push(...tokens);
    }
    log(
      `feedback-write: signed in ${WRITERS} users in ${
        Date.now() - started
      } ms`,
    );
    return { writers: WRITERS };
  },
  load: {
    amount: WRITES,
    requests: [
      {
        method: 'POST',
        path: '/api/platform-product/feedback',
        // every connection takes the next write of one sequence, so the writers take turns
        next: () => writeRequest(writeTokens, writes++),
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
    floor: (query, db) => writeFloor(query, db, { authors: WRITERS }),
    diagnostics: { 'authorize-as-writers': authorizeAsWriters },
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
        // the median comes from a histogram (0.1-hour buckets up to 5 hours, 2% ones beyond,
        // so within 1%) and is answered rounded to 0.1 hour: up to 0.05 more
        const hours = medianFirstResponseMs / 3_600_000;
        if (
          !(
            Math.abs(body?.medianFirstResponseHours - hours) <=
            Math.max(0.1, hours * 0.01) + 0.05
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
