/**
 * Bulk seeding of the feedback tables (platform-product plugin database) for the read scenarios,
 * and the raw-SQL floors of the feedback scenarios.
 *
 * Seeding writes what DatabaseFeedbackStore maintains on every write, so the routes read the same
 * shape of data a real history would leave:
 *   ratings: feedback_ratings (every rating), feedback_latest_ratings (the latest rating of each
 *            user and month, with the score it replaced), feedback_nps_months (per month and shard,
 *            promoters/passives/detractors over those latest ratings);
 *   posts:   feedback_posts (vote_count = its feedback_votes rows, first_team_reply_at = its
 *            one official reply), feedback_votes, feedback_replies, feedback_post_counts (per type,
 *            status, hidden and shard), and the post metrics' aggregates: feedback_post_months
 *            (posts, replied, still new per month and shard), feedback_post_days (still new per
 *            day and shard), feedback_response_times (histogram of the first team reply, one JSON row
 *            per month).
 * Ratings are generated in order of creation per user and month, the order the store would have
 * seen them; the answer the route must give is returned (and checked by the scenario).
 * PostgreSQL: VACUUM ANALYZE after loading, as autovacuum would soon do on its own (and so that it
 * does not start during the measurement).
 */
import {
  createCipheriv,
  createHash,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import fs from 'node:fs';

const SHARDS = 8; // DatabaseFeedbackStore's
const BATCH = 20_000;
const DAY = 86_400_000;

export function lastMonths(now, count) {
  const d = new Date(now);
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (count - 1 - i), 1))
      .toISOString()
      .slice(0, 7),
  );
}

export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const userRef = u => `user:default/seed-user-${u}`;

// the backend's AuthorIdentity, keyed by the bench config's platformProduct.feedback.authorSecret,
// so that seeded rows mean what the store's own would: a person's hash is the same on their
// posts, ratings and (roadmap) votes, and an anonymous author can be notified
const SECRET = /authorSecret:\s*(\S+)/.exec(
  fs.readFileSync(new URL('../app-config.bench.yaml', import.meta.url), 'utf8'),
)[1];
const derive = info =>
  Buffer.from(hkdfSync('sha256', SECRET, 'platform-product', info, 32));
const HASH_KEY = createSecretKey(derive('feedback-author-hash'));
const ENCRYPTION_KEY = derive('feedback-author-encryption');
const hashes = new Map();

/** The feedback author hash of a user ref (AuthorIdentity.hash): HMAC-SHA256, 64 hex characters. */
export function hashOf(ref) {
  let h = hashes.get(ref);
  if (!h) {
    h = createHmac('sha256', HASH_KEY)
      .update(ref.toLocaleLowerCase('en-US'))
      .digest('hex');
    hashes.set(ref, h);
  }
  return h;
}

/** An anonymous author's ref as the store keeps it (AuthorIdentity.encrypt: AES-256-GCM). */
function encryptRef(ref) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ENCRYPTION_KEY, iv);
  const data = Buffer.concat([cipher.update(ref, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data]
    .map(part => part.toString('base64url'))
    .join('.');
}

const authorHash = u => hashOf(userRef(u));
const bucket = score =>
  score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors';

export const RATING_COLUMNS = {
  id: 'text',
  product_ref: 'text',
  entity_ref: 'text',
  score: 'int',
  comment: 'text',
  anonymous: 'boolean',
  author_ref: 'text',
  author_hash: 'text',
  month: 'text',
  created_at: 'bigint',
};

export async function vacuum(db, tables) {
  if (db.engine !== 'postgres') return;
  for (const t of tables) await db.pool.query(`VACUUM ANALYZE ${t}`);
}

/**
 * `ratings` ratings of `productRef` by `users` users (rating i by user i % users), spread over
 * `months` (YYYY-MM, the stats window), none in the future.
 */
export async function seedRatings(
  db,
  { productRef, ratings, users, months, log },
) {
  const rand = prng(7 + ratings);
  const now = Date.now();
  const spans = months.map(m => {
    const start = Date.parse(`${m}-01T00:00:00Z`);
    const d = new Date(start);
    const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    return [start, Math.min(next, now) - start];
  });
  // latest two ratings (by creation) per user and month: [created, i, score] each
  const latest = new Map();
  let batch = [];
  const started = Date.now();
  for (let i = 0; i < ratings; i++) {
    const u = i % users;
    const m = Math.floor(rand() * months.length);
    const [start, span] = spans[m];
    const created = start + Math.floor(rand() * span);
    const r = rand();
    const score =
      r < 0.45
        ? 9 + Math.floor(rand() * 2)
        : r < 0.75
        ? 7 + Math.floor(rand() * 2)
        : Math.floor(rand() * 7);
    const anonymous = i % 7 === 0;
    batch.push([
      randomUUID(),
      productRef,
      productRef,
      score,
      i % 10 === 0 ? `Seeded comment ${i}` : null,
      anonymous,
      anonymous ? null : userRef(u),
      authorHash(u),
      months[m],
      created,
    ]);
    const key = `${u}|${m}`;
    const entry = [created, i, score];
    const top = latest.get(key);
    if (!top) latest.set(key, [entry, null]);
    else if (created > top[0][0]) latest.set(key, [entry, top[0]]);
    else if (!top[1] || created > top[1][0]) top[1] = entry;
    if (batch.length >= BATCH || i === ratings - 1) {
      await db.insertRows('feedback_ratings', RATING_COLUMNS, batch);
      batch = [];
      if ((i + 1) % 200_000 === 0)
        log?.(
          `  ${i + 1} ratings in ${Math.round(
            (Date.now() - started) / 1000,
          )} s`,
        );
    }
  }

  const expected = { responses: 0, promoters: 0, passives: 0, detractors: 0 };
  const counts = new Map(); // month|shard -> counts
  let rows = [];
  const flushLatest = async () => {
    await db.insertRows(
      'feedback_latest_ratings',
      {
        product_ref: 'text',
        month: 'text',
        author_hash: 'text',
        score: 'int',
        previous_score: 'int',
      },
      rows,
    );
    rows = [];
  };
  for (const [key, [last, before]] of latest) {
    const [u, m] = key.split('|').map(Number);
    rows.push([
      productRef,
      months[m],
      authorHash(u),
      last[2],
      before ? before[2] : null,
    ]);
    expected.responses += 1;
    expected[bucket(last[2])] += 1;
    const ck = `${m}|${u % SHARDS}`;
    const c = counts.get(ck) ?? { promoters: 0, passives: 0, detractors: 0 };
    c[bucket(last[2])] += 1;
    counts.set(ck, c);
    if (rows.length >= BATCH) await flushLatest();
  }
  if (rows.length) await flushLatest();
  await db.insertRows(
    'feedback_nps_months',
    {
      product_ref: 'text',
      month: 'text',
      shard: 'smallint',
      promoters: 'int',
      passives: 'int',
      detractors: 'int',
    },
    [...counts].map(([ck, c]) => {
      const [m, shard] = ck.split('|').map(Number);
      return [
        productRef,
        months[m],
        shard,
        c.promoters,
        c.passives,
        c.detractors,
      ];
    }),
  );
  await vacuum(db, [
    'feedback_ratings',
    'feedback_latest_ratings',
    'feedback_nps_months',
  ]);
  return expected;
}

const POST_TYPES = ['idea', 'problem', 'question', 'praise'];
const STATUSES = [
  'new',
  'acknowledged',
  'planned',
  'in-progress',
  'done',
  'declined',
];

// DatabaseFeedbackStore's responseBucket: 0.1 hour steps up to 5 hours, then steps of 2%
const HOUR = 3_600_000;
export function responseBucket(ms) {
  const value = Math.max(0, ms);
  if (value <= 5 * HOUR) return Math.round(value / (HOUR / 10));
  return 50 + Math.round(Math.log(value / (5 * HOUR)) / Math.log(1.02));
}

/**
 * `posts` posts of `productRef` by `users` users over the last year (post i by user i % users;
 * every 9th anonymous, its author's ref kept encrypted), with their votes; with `replyShare`,
 * that share of them has one official team reply 0.5 to ~200 hours later.
 * Votes: post i gets floor(r^3 * maxVotes) votes (mean maxVotes / 4) from distinct users, or
 * those of `voters(i)` (user numbers); the bench user votes on every 50th post besides.
 * Roadmap: `status(i)` instead of a random status, and `roadmapItem(i)`, the id of the roadmap
 * item that carries post i (`roadmap_item_id`); `onPost` sees each post as written
 * ({ i, id, status, createdAt, authorHash, voterRefs }), to keep what depends on it (the roadmap's demand).
 * Returns, besides the totals, the post metrics the stats must show for `months` (the window,
 * YYYY-MM), and `untriagedAt(now)`: the posts still new 14 days before `now`.
 */
export async function seedPosts(
  db,
  {
    productRef,
    posts,
    users,
    replyShare = 0,
    months = [],
    maxVotes = 16,
    voters,
    status: statusOf,
    roadmapItem,
    onPost,
  },
) {
  const rand = prng(11 + posts + Math.round(replyShare * 1000));
  const now = Date.now();
  const counts = new Map();
  const monthRows = new Map();
  const dayRows = new Map();
  const timeRows = new Map();
  const window = new Set(months);
  const metrics = { posts: 0, replied: 0, times: [], newCreated: [] };
  let postRows = [];
  let voteRows = [];
  let replyRows = [];
  let votes = 0;
  let topVotes = 0;
  const flush = async (force = false) => {
    // votes and replies reference their posts: the posts go first whenever they do
    const votesDue = voteRows.length >= BATCH || (force && voteRows.length);
    const repliesDue = replyRows.length >= BATCH || (force && replyRows.length);
    if (
      postRows.length >= BATCH ||
      ((force || votesDue || repliesDue) && postRows.length)
    ) {
      await db.insertRows(
        'feedback_posts',
        {
          id: 'text',
          product_ref: 'text',
          entity_ref: 'text',
          type: 'text',
          title: 'text',
          body: 'text',
          status: 'text',
          anonymous: 'boolean',
          author_ref: 'text',
          author_hash: 'text',
          author_ref_encrypted: 'text',
          vote_count: 'int',
          reply_count: 'int',
          first_team_reply_at: 'bigint',
          created_at: 'bigint',
          updated_at: 'bigint',
          roadmap_item_id: 'text',
        },
        postRows,
      );
      postRows = [];
    }
    if (votesDue) {
      await db.insertRows(
        'feedback_votes',
        { post_id: 'text', voter_ref: 'text', created_at: 'bigint' },
        voteRows,
      );
      voteRows = [];
    }
    if (repliesDue) {
      await db.insertRows(
        'feedback_replies',
        {
          id: 'text',
          post_id: 'text',
          author_ref: 'text',
          author_hash: 'text',
          by_post_author: 'boolean',
          official: 'boolean',
          body: 'text',
          created_at: 'bigint',
        },
        replyRows,
      );
      replyRows = [];
    }
  };
  const bump = (map, key, init, column) => {
    const row = map.get(key) ?? init();
    row[column] += 1;
    map.set(key, row);
  };
  for (let i = 0; i < posts; i++) {
    const id = randomUUID();
    const u = i % users;
    const type = POST_TYPES[i % POST_TYPES.length];
    const status = statusOf
      ? statusOf(i)
      : rand() < 0.7
      ? 'new'
      : STATUSES[1 + Math.floor(rand() * 5)];
    const created = now - Math.floor(rand() * 365 * DAY);
    let voterNumbers = voters?.(i);
    if (!voterNumbers) {
      // few posts get many votes: vote_count in 0..maxVotes-1, mean ~maxVotes / 4
      const r = rand();
      voterNumbers = Array.from(
        { length: Math.floor(r * r * r * maxVotes) },
        // distinct per post (4729 is prime to 20,000)
        (_, v) => (i * 7919 + v * 4729) % users,
      );
    }
    const voterRefs = voterNumbers.map(userRef);
    if (i % 50 === 0) {
      // the bench user voted on some: the route marks them (votedBy)
      voterRefs.push('user:default/bench-user');
    }
    voterRefs.forEach((voter, v) =>
      voteRows.push([id, voter, created + v * 1000]),
    );
    const voteCount = voterRefs.length;
    votes += voteCount;
    topVotes = Math.max(topVotes, voteCount);
    let firstReply = null;
    if (rand() < replyShare) {
      const hours = 0.5 + rand() * rand() * 200;
      firstReply = Math.min(created + Math.round(hours * HOUR), now);
      replyRows.push([
        randomUUID(),
        id,
        'user:default/bench-user',
        hashOf('user:default/bench-user'),
        false,
        true,
        'Thanks, we are on it.',
        firstReply,
      ]);
    }
    const anonymous = i % 9 === 0;
    postRows.push([
      id,
      productRef,
      productRef,
      type,
      `Seeded ${type} ${i}`,
      `Body of seeded ${type} ${i}: what we would like to see.`,
      status,
      anonymous,
      anonymous ? null : userRef(u),
      authorHash(u),
      anonymous ? encryptRef(userRef(u)) : null,
      voteCount,
      firstReply === null ? 0 : 1,
      firstReply,
      created,
      created,
      roadmapItem?.(i) ?? null,
    ]);
    onPost?.({
      i,
      id,
      status,
      createdAt: created,
      authorHash: authorHash(u),
      voterRefs,
    });
    const ck = `${type}|${status}|${i % SHARDS}`;
    counts.set(ck, (counts.get(ck) ?? 0) + 1);

    // the post metrics' aggregates, and what the stats must show
    const iso = new Date(created).toISOString();
    const month = iso.slice(0, 7);
    const shard = i % SHARDS;
    const monthInit = () => ({ posts: 0, replied: 0, new_posts: 0 });
    bump(monthRows, `${month}|${shard}`, monthInit, 'posts');
    if (firstReply !== null) {
      bump(monthRows, `${month}|${shard}`, monthInit, 'replied');
      const histogram = timeRows.get(month) ?? {};
      const b = responseBucket(firstReply - created);
      histogram[b] = (histogram[b] ?? 0) + 1;
      timeRows.set(month, histogram);
    }
    if (status === 'new') {
      bump(monthRows, `${month}|${shard}`, monthInit, 'new_posts');
      bump(
        dayRows,
        `${iso.slice(0, 10)}|${shard}`,
        () => ({ new_posts: 0 }),
        'new_posts',
      );
      metrics.newCreated.push(created);
    }
    if (window.has(month)) {
      metrics.posts += 1;
      if (firstReply !== null) {
        metrics.replied += 1;
        metrics.times.push(firstReply - created);
      }
    }
    await flush();
  }
  await flush(true);
  await db.insertRows(
    'feedback_post_counts',
    {
      product_ref: 'text',
      type: 'text',
      status: 'text',
      hidden: 'boolean',
      shard: 'smallint',
      count: 'int',
    },
    [...counts].map(([ck, n]) => {
      const [type, status, shard] = ck.split('|');
      return [productRef, type, status, false, Number(shard), n];
    }),
  );
  await db.insertRows(
    'feedback_post_months',
    {
      product_ref: 'text',
      month: 'text',
      shard: 'smallint',
      posts: 'int',
      replied: 'int',
      new_posts: 'int',
    },
    [...monthRows].map(([key, row]) => {
      const [month, shard] = key.split('|');
      return [
        productRef,
        month,
        Number(shard),
        row.posts,
        row.replied,
        row.new_posts,
      ];
    }),
  );
  await db.insertRows(
    'feedback_post_days',
    { product_ref: 'text', day: 'text', shard: 'smallint', new_posts: 'int' },
    [...dayRows].map(([key, row]) => {
      const [day, shard] = key.split('|');
      return [productRef, day, Number(shard), row.new_posts];
    }),
  );
  await db.insertRows(
    'feedback_response_times',
    { product_ref: 'text', month: 'text', buckets: 'text' },
    [...timeRows].map(([month, histogram]) => [
      productRef,
      month,
      JSON.stringify(histogram),
    ]),
  );
  await vacuum(db, [
    'feedback_posts',
    'feedback_votes',
    'feedback_replies',
    'feedback_post_counts',
    'feedback_post_months',
    'feedback_post_days',
    'feedback_response_times',
  ]);
  const times = metrics.times.sort((a, b) => a - b);
  const middle = Math.floor((times.length - 1) / 2);
  let medianFirstResponseMs = null;
  if (times.length) {
    medianFirstResponseMs =
      times.length % 2
        ? times[middle]
        : (times[middle] + times[middle + 1]) / 2;
  }
  return {
    posts,
    votes,
    topVotes,
    replies: metrics.replied,
    windowPosts: metrics.posts,
    medianFirstResponseMs,
    untriagedAt: now =>
      metrics.newCreated.filter(created => created < now - 14 * DAY).length,
  };
}

// ---- raw floors ------------------------------------------------------------------------------

/**
 * The queries of GET /feedback/stats, in parallel: NPS counters of the window; the post metrics
 * from their aggregates (posts and replied of the window, new posts before the 14-day cutoff
 * from the months, the days and that day's posts); the window's response-time histograms (one
 * JSON row per month), merged.
 */
export function statsFloor(q, _db, productRef) {
  return async () => {
    const now = Date.now();
    const months = lastMonths(now, 12);
    const cutoff = now - 14 * DAY;
    const iso = new Date(cutoff).toISOString();
    const cutoffMonth = iso.slice(0, 7);
    const cutoffDay = iso.slice(0, 10);
    const [byMonth, [metrics], histogram] = await Promise.all([
      q(
        `SELECT month, sum(promoters) AS promoters, sum(passives) AS passives,
           sum(detractors) AS detractors
         FROM feedback_nps_months WHERE product_ref = :p AND month IN :months
         GROUP BY month`,
        { p: productRef, months },
      ),
      q(
        `SELECT
           (SELECT sum(posts) FROM feedback_post_months WHERE product_ref = :p AND month IN :months) AS posts,
           (SELECT sum(replied) FROM feedback_post_months WHERE product_ref = :p AND month IN :months) AS replied,
           (SELECT sum(new_posts) FROM feedback_post_months WHERE product_ref = :p AND month < :cutoffMonth) AS new_before,
           (SELECT sum(new_posts) FROM feedback_post_days WHERE product_ref = :p
              AND day >= :monthStart AND day < :cutoffDay) AS new_days_before,
           (SELECT count(*) FROM feedback_posts WHERE product_ref = :p AND status = 'new'
              AND hidden = false AND created_at >= :dayStart AND created_at < :cutoff) AS new_on_day`,
        {
          p: productRef,
          months,
          cutoffMonth,
          monthStart: `${cutoffMonth}-01`,
          cutoffDay,
          dayStart: Date.parse(`${cutoffDay}T00:00:00Z`),
          cutoff,
        },
      ),
      q(
        `SELECT buckets FROM feedback_response_times
         WHERE product_ref = :p AND month IN :months`,
        { p: productRef, months },
      ),
    ]);
    const responses = byMonth.reduce(
      (s, r) =>
        s + Number(r.promoters) + Number(r.passives) + Number(r.detractors),
      0,
    );
    return {
      responses,
      posts: Number(metrics.posts ?? 0),
      untriaged:
        Number(metrics.new_before ?? 0) +
        Number(metrics.new_days_before ?? 0) +
        Number(metrics.new_on_day ?? 0),
      // the months' histograms merged, as the store does before taking the median
      buckets: histogram.reduce((merged, row) => {
        for (const [b, n] of Object.entries(JSON.parse(row.buckets)))
          merged[b] = (merged[b] ?? 0) + n;
        return merged;
      }, {}),
    };
  };
}

/** The first page by votes, its count from the aggregates, and the caller's votes on it. */
export function listFloor(q, _db, productRef) {
  return async () => {
    const [rows, [count]] = await Promise.all([
      q(
        `SELECT * FROM feedback_posts WHERE product_ref = :p AND hidden = false
         ORDER BY vote_count DESC, id ASC LIMIT 21`,
        { p: productRef },
      ),
      q(
        `SELECT sum(count) AS count FROM feedback_post_counts
         WHERE product_ref = :p AND hidden = false`,
        { p: productRef },
      ),
    ]);
    const items = rows.slice(0, 20);
    const voted = await q(
      `SELECT post_id FROM feedback_votes WHERE post_id IN :ids AND voter_ref = :voter`,
      { ids: items.map(r => r.id), voter: 'user:default/bench-user' },
    );
    return { items, totalCount: Number(count.count), voted: voted.length };
  };
}

const RAW_PRODUCT = 'platformproduct:default/feedback-write-raw';
const RAW_HASH = createHash('sha256').update('raw-floor-author').digest('hex');

/**
 * The store's writes, alternating a rating and a post like the route's load (or only `kind`),
 * each with the per-user daily limit counted in the insert itself, as the store does (a post
 * also counts in the post metrics' months and days). PostgreSQL: the store's one statement;
 * SQLite: its transactions, synchronously (better-sqlite3), with statements prepared once.
 * `authors`: how many authors write in turn; feedback-write uses as many as its route's writers
 * (2,000, the mix of the issue's target), so each count reads a few index entries and no two
 * writers share a latest-rating row. With 1, every write is the bench user's.
 */
export function writeFloor(q, db, { authors = 1, kind } = {}) {
  let n = 0;
  const authorOf = i =>
    authors === 1
      ? { h: RAW_HASH, ref: 'user:default/bench-user' }
      : {
          h: createHash('sha256')
            .update(`raw-floor-author-${i % authors}`)
            .digest('hex'),
          ref: `user:default/raw-floor-author-${i % authors}`,
        };
  const isRating = i => (kind ? kind === 'rating' : i % 2 === 0);
  // the daily limit, counted in the insert's WHERE (at most :limit entries per table); a limit
  // the floor's authors never reach, however many runs share a database
  const withinLimit = `(SELECT count(*) FROM (SELECT 1 FROM feedback_posts WHERE author_hash = :h AND created_at >= :since LIMIT :limit) p)
      + (SELECT count(*) FROM (SELECT 1 FROM feedback_ratings WHERE author_hash = :h AND created_at >= :since LIMIT :limit) r) < :limit`;
  const limit = { since: Date.now() - DAY, limit: 1_000 };
  if (db.engine === 'postgres') {
    return async () => {
      const i = n++;
      const a = authorOf(i);
      const now = Date.now();
      const month = new Date(now).toISOString().slice(0, 7);
      const shard = Math.floor(Math.random() * SHARDS);
      if (isRating(i)) {
        const score = 9;
        const d = key =>
          ({
            promoters:
              '(l.score >= 9)::int - coalesce((l.previous_score >= 9)::int, 0)',
            passives:
              '(l.score between 7 and 8)::int - coalesce((l.previous_score between 7 and 8)::int, 0)',
            detractors:
              '(l.score <= 6)::int - coalesce((l.previous_score <= 6)::int, 0)',
          }[key]);
        await q(
          `with rating as (
             insert into feedback_ratings
               (id, product_ref, entity_ref, score, comment, anonymous, author_ref, author_hash, month, created_at)
             select :id, :p, :p, :score, :comment, false, :author, :h, :month, :now
             where ${withinLimit}
             returning product_ref, month, author_hash, score
           ), l as (
             insert into feedback_latest_ratings as latest (product_ref, month, author_hash, score)
             select product_ref, month, author_hash, score from rating where true
             on conflict (product_ref, month, author_hash)
               do update set previous_score = latest.score, score = excluded.score
             returning score, previous_score
           )
           insert into feedback_nps_months as counts
             (product_ref, month, shard, promoters, passives, detractors)
           select :p, :month, :shard, ${d('promoters')}, ${d('passives')}, ${d(
            'detractors',
          )}
           from l
           on conflict (product_ref, month, shard) do update set
             promoters = counts.promoters + excluded.promoters,
             passives = counts.passives + excluded.passives,
             detractors = counts.detractors + excluded.detractors`,
          {
            id: randomUUID(),
            p: RAW_PRODUCT,
            score,
            comment: 'Works well for us.',
            author: a.ref,
            h: a.h,
            month,
            now,
            shard,
            ...limit,
          },
        );
      } else {
        const iso = new Date(now).toISOString();
        await q(
          `with post as (
             insert into feedback_posts (id, product_ref, entity_ref, type, title, body, status,
               anonymous, author_ref, author_hash, author_ref_encrypted, created_at, updated_at)
             select :id, :p, :p, 'idea', 'Bench idea', 'Please add a bulk import.', 'new',
               false, :author, :h, null, :now, :now
             where ${withinLimit}
             returning id
           ), months as (
             insert into feedback_post_months as m
               (product_ref, month, shard, posts, replied, new_posts)
             select :p, :month, :shard, 1, 0, 1 from post where true
             on conflict (product_ref, month, shard)
               do update set posts = m.posts + 1, new_posts = m.new_posts + 1
           ), days as (
             insert into feedback_post_days as d (product_ref, day, shard, new_posts)
             select :p, :day, :shard, 1 from post where true
             on conflict (product_ref, day, shard)
               do update set new_posts = d.new_posts + 1
           )
           insert into feedback_post_counts as counts
             (product_ref, type, status, hidden, shard, count)
           select :p, 'idea', 'new', false, :shard, 1 from post where true
           on conflict (product_ref, type, status, hidden, shard)
             do update set count = counts.count + 1`,
          {
            id: randomUUID(),
            p: RAW_PRODUCT,
            author: a.ref,
            h: a.h,
            now,
            shard,
            month: iso.slice(0, 7),
            day: iso.slice(0, 10),
            ...limit,
          },
        );
      }
    };
  }
  // SQLite: the store's transactions, statement by statement
  const s = db.sqlite;
  const sqliteLimit = withinLimit
    .replace(/:h/g, '@h')
    .replace(/:since/g, '@since')
    .replace(/:limit/g, '@limit');
  const insRating = s.prepare(
    `insert into feedback_ratings (id, product_ref, entity_ref, score, comment, anonymous, author_ref, author_hash, month, created_at)
     select @id, @p, @p, @score, @comment, 0, @author, @h, @month, @now where ${sqliteLimit}`,
  );
  const upLatest = s.prepare(
    `insert into feedback_latest_ratings (product_ref, month, author_hash, score) values (?, ?, ?, ?)
     on conflict (product_ref, month, author_hash) do update set
       previous_score = feedback_latest_ratings.score, score = ?
     returning previous_score`,
  );
  const upNps = s.prepare(
    `insert into feedback_nps_months (product_ref, month, shard, promoters, passives, detractors)
     values (?, ?, ?, ?, ?, ?)
     on conflict (product_ref, month, shard) do update set
       promoters = feedback_nps_months.promoters + ?, passives = feedback_nps_months.passives + ?,
       detractors = feedback_nps_months.detractors + ?`,
  );
  const insPost = s.prepare(
    `insert into feedback_posts (id, product_ref, entity_ref, type, title, body, status, anonymous,
       author_ref, author_hash, author_ref_encrypted, created_at, updated_at)
     select @id, @p, @p, 'idea', 'Bench idea', 'Please add a bulk import.', 'new', 0, @author, @h, null, @now, @now
     where ${sqliteLimit}`,
  );
  const upCount = s.prepare(
    `insert into feedback_post_counts (product_ref, type, status, hidden, shard, count)
     values (?, 'idea', 'new', 0, ?, 1)
     on conflict (product_ref, type, status, hidden, shard) do update set
       count = feedback_post_counts.count + 1`,
  );
  const upMonth = s.prepare(
    `insert into feedback_post_months (product_ref, month, shard, posts, replied, new_posts)
     values (?, ?, ?, 1, 0, 1)
     on conflict (product_ref, month, shard) do update set
       posts = feedback_post_months.posts + 1, replied = feedback_post_months.replied + 0,
       new_posts = feedback_post_months.new_posts + 1`,
  );
  const upDay = s.prepare(
    `insert into feedback_post_days (product_ref, day, shard, new_posts) values (?, ?, ?, 1)
     on conflict (product_ref, day, shard) do update set
       new_posts = feedback_post_days.new_posts + 1`,
  );
  const rating = s.transaction((now, a) => {
    const month = new Date(now).toISOString().slice(0, 7);
    const score = 9;
    const inserted = insRating.run({
      id: randomUUID(),
      p: RAW_PRODUCT,
      score,
      comment: 'Works well for us.',
      author: a.ref,
      h: a.h,
      month,
      now,
      ...limit,
    });
    if (!inserted.changes) throw new Error('raw floor: over the daily limit');
    const { previous_score: prev } = upLatest.get(
      RAW_PRODUCT,
      month,
      a.h,
      score,
      score,
    );
    const delta = { promoters: 0, passives: 0, detractors: 0 };
    delta[bucket(score)] += 1;
    if (prev !== null) delta[bucket(prev)] -= 1;
    if (delta.promoters || delta.passives || delta.detractors) {
      const shard = Math.floor(Math.random() * SHARDS);
      upNps.run(
        RAW_PRODUCT,
        month,
        shard,
        delta.promoters,
        delta.passives,
        delta.detractors,
        delta.promoters,
        delta.passives,
        delta.detractors,
      );
    }
  });
  const post = s.transaction((now, a) => {
    const inserted = insPost.run({
      id: randomUUID(),
      p: RAW_PRODUCT,
      author: a.ref,
      h: a.h,
      now,
      ...limit,
    });
    if (!inserted.changes) throw new Error('raw floor: over the daily limit');
    upCount.run(RAW_PRODUCT, Math.floor(Math.random() * SHARDS));
    const iso = new Date(now).toISOString();
    upMonth.run(
      RAW_PRODUCT,
      iso.slice(0, 7),
      Math.floor(Math.random() * SHARDS),
    );
    upDay.run(
      RAW_PRODUCT,
      iso.slice(0, 10),
      Math.floor(Math.random() * SHARDS),
    );
  });
  return async () => {
    const i = n++;
    const a = authorOf(i);
    const now = Date.now();
    if (isRating(i)) rating(now, a);
    else post(now, a);
  };
}
