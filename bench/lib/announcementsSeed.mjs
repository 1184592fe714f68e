/**
 * Bulk seeding of the announcements tables (platform-product plugin database) and the raw-SQL
 * floors of the announcements scenarios.
 *
 * Posts are generated from their index alone (id, product, type, time, state, tags, reads), so a
 * later scenario can grow the set (20,000 -> 200,000) and every scenario knows what the routes
 * must answer. The columns mean what DatabaseAnnouncementStore writes: times are epoch ms,
 * `sort_at` = `published_at` for published posts (else `publish_at` or `created_at`),
 * `delivered_at` set on published posts so the publisher leaves them alone.
 *
 * Mix (by index): ~11% global, the rest spread over the products; 1% drafts, 0.5% scheduled a
 * month or more ahead, 2% expired; 1 in 5,000 pinned; types release/changelog/deprecation/
 * maintenance/incident/event; 0-3 tags of 24; a ~800 character markdown body. Reads: the bench
 * user has read 30% of the published posts (and acknowledged half the deprecations among them),
 * every post has one read by another user.
 */
import { createHash } from 'node:crypto';

export const BENCH_USER = 'user:default/bench-user';
const DAY = 86_400_000;
const SPAN = 730 * DAY; // posts over the last two years
const TAGS = Array.from({ length: 24 }, (_, i) => `tag-${i}`);
const TYPES = [
  'release',
  'release',
  'release',
  'release',
  'release',
  'release',
  'release',
  'changelog',
  'changelog',
  'changelog',
  'changelog',
  'changelog',
  'changelog',
  'deprecation',
  'deprecation',
  'maintenance',
  'maintenance',
  'incident',
  'event',
  'event',
];
const BODY = `## What changed

This release brings the things teams asked for most in the last quarter:

- faster builds: the cache is now shared between branches of the same repository
- a new \`retry\` option on every job, with a sensible default
- clearer errors when a secret is missing, naming the secret and where to add it

## What you need to do

Nothing, unless you pinned the old runner image. If you did, move to the new one before the
end of the month; the old image stops receiving security updates then.

See the [migration guide](https://example.com/guide) and ask in #platform-help.
`;

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable UUID-shaped id for post i. */
export function postId(i) {
  const h = createHash('md5').update(`bench-announcement-${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(
    17,
    20,
  )}-${h.slice(20, 32)}`;
}

/** What post i is: everything the routes show of it follows from i and the seeding time. */
export function postAt(i, products, now) {
  const rand = prng(1000 + i);
  const k = i % (products.length + 1);
  const productRef = k === products.length ? null : products[k];
  const type = TYPES[i % TYPES.length];
  const at = now - DAY - Math.floor(rand() * SPAN); // published, at least a day ago
  const draft = i % 100 === 37;
  const scheduled = !draft && i % 200 === 73;
  const published = !draft && !scheduled;
  const expired = published && i % 50 === 11;
  const pinned = published && !expired && i % 5000 === 0;
  const publishAt = draft
    ? null
    : scheduled
    ? now + 30 * DAY + Math.floor(rand() * 60 * DAY)
    : at;
  const tags = [];
  for (let t = 0; t < i % 4; t++) {
    const tag = TAGS[(i * 7 + t * 5) % TAGS.length];
    if (!tags.includes(tag)) tags.push(tag);
  }
  const eventStart = type === 'event' ? at + 7 * DAY : null;
  return {
    i,
    id: postId(i),
    productRef,
    type,
    pinned,
    draft,
    published,
    visible: published && !expired,
    publishAt,
    publishedAt: published ? at : null,
    expiresAt: expired ? at + DAY / 2 : null, // at is a day ago or more
    sortAt: published ? at : publishAt ?? at - 3_600_000,
    createdAt: at - 3_600_000,
    eventStart,
    tags,
    // the bench user read 30% of the published posts
    readByBench: published && i % 10 < 3,
    acknowledgedByBench: published && type === 'deprecation' && i % 20 < 10,
  };
}

export const POST_COLUMNS = {
  id: 'text',
  product_ref: 'text',
  type: 'text',
  title: 'text',
  summary: 'text',
  body: 'text',
  pinned: 'boolean',
  draft: 'boolean',
  author_ref: 'text',
  on_behalf_of: 'text',
  publish_at: 'bigint',
  published_at: 'bigint',
  expires_at: 'bigint',
  effective_at: 'bigint',
  sort_at: 'bigint',
  event_kind: 'text',
  event_start: 'bigint',
  event_end: 'bigint',
  event_location: 'text',
  delivered_at: 'bigint',
  created_at: 'bigint',
  updated_at: 'bigint',
};

export function postRow(p) {
  return [
    p.id,
    p.productRef,
    p.type,
    `Seeded ${p.type} ${p.i}`,
    `What the ${p.type} ${p.i} means for your team, in one or two sentences for the list and the notification.`,
    `# Seeded ${p.type} ${p.i}\n\n${BODY}`,
    p.pinned,
    p.draft,
    `user:default/seed-author-${p.i % 50}`,
    p.i % 7 === 0 ? `group:default/seed-team-${p.i % 20}` : null,
    p.publishAt,
    p.publishedAt,
    p.expiresAt,
    p.type === 'deprecation' ? p.sortAt + 90 * DAY : null,
    p.sortAt,
    p.eventStart === null ? null : 'workshop',
    p.eventStart,
    p.eventStart === null ? null : p.eventStart + 2 * 3_600_000,
    p.eventStart === null ? null : 'https://example.com/meet',
    p.published ? p.sortAt + 1000 : null,
    p.createdAt,
    p.published ? p.sortAt : p.createdAt,
  ];
}

/** The list's order: pinned first, then newest, then id (all descending). */
const before = (a, b) =>
  a.pinned !== b.pinned
    ? a.pinned
    : a.sortAt !== b.sortAt
    ? a.sortAt > b.sortAt
    : a.id > b.id;

const states = new WeakMap(); // per plugin database (one per engine run)

function stateOf(db, products) {
  let s = states.get(db);
  if (!s) {
    s = {
      seeded: 0,
      now: Date.now(),
      products,
      scopes: new Map(), // scope key -> { total, unread, top: [post...] }
      readByBench: new Set(),
      byId: new Map(),
    };
    states.set(db, s);
  }
  return s;
}

/** Counts and first posts of a scope: 'all' (every product and global) or a productRef. */
function track(s, key, p) {
  let scope = s.scopes.get(key);
  if (!scope) {
    scope = { total: 0, unread: 0, top: [] };
    s.scopes.set(key, scope);
  }
  scope.total += 1;
  if (!p.readByBench) scope.unread += 1;
  // keep the first 20 in the list's order
  const top = scope.top;
  if (top.length < 20 || before(p, top[top.length - 1])) {
    let at = top.length;
    while (at > 0 && before(p, top[at - 1])) at -= 1;
    top.splice(at, 0, p);
    if (top.length > 20) top.pop();
  }
}

async function vacuum(db, tables) {
  if (db.engine !== 'postgres') return;
  for (const t of tables) await db.pool.query(`VACUUM ANALYZE ${t}`);
}

/**
 * Seeds posts up to `total` (those already seeded in this database stay), with their tags and
 * reads. Returns what the lists must show.
 */
export async function seedAnnouncements(db, { total, products, log }) {
  const s = stateOf(db, products);
  const from = s.seeded;
  const started = Date.now();
  const BATCH = 10_000;
  for (let start = from; start < total; start += BATCH) {
    const posts = [];
    const tags = [];
    const reads = [];
    for (let i = start; i < Math.min(total, start + BATCH); i++) {
      const p = postAt(i, s.products, s.now);
      posts.push(postRow(p));
      for (const tag of p.tags) tags.push([p.id, tag]);
      if (p.readByBench) {
        reads.push([
          p.id,
          BENCH_USER,
          p.sortAt + 3_600_000,
          p.acknowledgedByBench ? p.sortAt + 3_600_000 : null,
        ]);
        s.readByBench.add(p.id);
      }
      if (p.published) {
        reads.push([
          p.id,
          `user:default/seed-reader-${(i * 31) % 5000}`,
          p.sortAt + 7_200_000,
          null,
        ]);
      }
      if (p.visible) {
        track(s, 'all', p);
        if (p.productRef) track(s, p.productRef, p);
      }
      if (i < 1000) s.byId.set(p.id, p);
    }
    await db.insertRows('announcements', POST_COLUMNS, posts);
    await db.insertRows(
      'announcement_tags',
      { announcement_id: 'text', tag: 'text' },
      tags,
    );
    await db.insertRows(
      'announcement_reads',
      {
        announcement_id: 'text',
        user_ref: 'text',
        read_at: 'bigint',
        acknowledged_at: 'bigint',
      },
      reads,
    );
    if ((start + BATCH) % 50_000 === 0)
      log?.(
        `  ${start + BATCH} posts in ${Math.round(
          (Date.now() - started) / 1000,
        )} s`,
      );
  }
  s.seeded = Math.max(s.seeded, total);
  await vacuum(db, [
    'announcements',
    'announcement_tags',
    'announcement_reads',
  ]);
  return s;
}

/** The expected first page of a scope ('all' or a productRef), after seeding. */
export function expectedPage(db, key) {
  const s = states.get(db);
  const scope = s?.scopes.get(key);
  return scope && { ...scope, readByBench: s.readByBench };
}

// the list route's counts are exact up to these, and these with a flag beyond
// (ANNOUNCEMENT_TOTAL_COUNT_CAP / ANNOUNCEMENT_UNREAD_COUNT_CAP of the common package)
const TOTAL_CAP = 1000;
const UNREAD_CAP = 100;

/** Problems with a list's answer, compared with what was seeded. */
export function checkList(body, expected) {
  if (!expected) return ['not seeded'];
  const problems = [];
  const counts = [
    ['totalCount', expected.total, TOTAL_CAP],
    ['unreadCount', expected.unread, UNREAD_CAP],
  ];
  for (const [field, seeded, cap] of counts) {
    const count = Math.min(seeded, cap);
    const capped = seeded > cap;
    if (body?.[field] !== count || body?.[`${field}Capped`] !== capped)
      problems.push(
        `${field} ${body?.[field]} (capped: ${
          body?.[`${field}Capped`]
        }), seeded ${seeded}: expected ${count} (capped: ${capped})`,
      );
  }
  const items = body?.items ?? [];
  if (items.length !== 20) problems.push(`${items.length} items`);
  const ids = items.map(p => p.id).join(',');
  if (ids !== expected.top.map(p => p.id).join(','))
    problems.push(`first page ${ids.slice(0, 80)}... is not the seeded one`);
  const marks = items.filter(
    p => p.readByMe !== expected.readByBench.has(p.id),
  );
  if (marks.length) problems.push(`${marks.length} wrong read marks`);
  if (!body?.nextCursor) problems.push('no nextCursor');
  return problems;
}

// ---- raw floors ------------------------------------------------------------------------------

const VISIBLE = `a.published_at IS NOT NULL AND (a.expires_at IS NULL OR a.expires_at > :now)`;

/**
 * GET /announcements as DatabaseAnnouncementStore reads it for the bench user: in parallel the
 * page (filters on the page query, the caller's marks joined) and the two capped counts
 * (count(*) over the first cap + 1 matching posts, unordered), then the page's tags.
 */
export function listFloor(q, _db, productRef) {
  return async () => {
    const now = Date.now();
    // the store's scope: of one product; or, as for a caller whom the policy lets read every
    // product outright (the demo policy, the bench user), every post: no product list
    const scope = productRef ? 'a.product_ref = :product' : 'TRUE';
    const params = productRef ? { product: productRef } : {};
    // The viewer inline: as a parameter of these prepared statements PostgreSQL's generic plans
    // read all of the viewer's reads (the page: Materialize, ~130 ms at 200,000 posts; the
    // unread count: Hash Anti Join, ~85 ms), where the store's unnamed statements get plans for
    // the value (a probe per post, ~1 ms). Spelled 'user' || ':' || '...' so that `:default` is
    // not taken for a placeholder.
    const viewer = `(${BENCH_USER.split(':')
      .map(part => `'${part}'`)
      .join(" || ':' || ")})`;
    const capped = (where, cap) =>
      `(SELECT count(*) FROM (SELECT 1 FROM announcements a WHERE ${where}
          LIMIT ${cap + 1}) capped)`;
    const [rows, [counts]] = await Promise.all([
      q(
        `SELECT a.*, r.read_at, r.acknowledged_at FROM announcements a
         LEFT JOIN announcement_reads r ON r.announcement_id = a.id
           AND r.user_ref = ${viewer}
         WHERE ${scope} AND ${VISIBLE}
         ORDER BY a.pinned DESC, a.sort_at DESC, a.id DESC LIMIT 21`,
        { ...params, now },
      ),
      q(
        `SELECT
           ${capped(`${scope} AND ${VISIBLE}`, TOTAL_CAP)} AS total,
           ${capped(
             `${scope} AND ${VISIBLE}
              AND NOT EXISTS (SELECT 1 FROM announcement_reads u
                              WHERE u.announcement_id = a.id AND u.user_ref = ${viewer})`,
             UNREAD_CAP,
           )} AS unread`,
        { ...params, now },
      ),
    ]);
    const items = rows.slice(0, 20);
    const tags = await q(
      `SELECT * FROM announcement_tags WHERE announcement_id IN :ids
       ORDER BY announcement_id, tag`,
      { ids: items.map(r => r.id) },
    );
    return {
      items,
      tags: tags.length,
      totalCount: Math.min(Number(counts.total), TOTAL_CAP),
      totalCountCapped: Number(counts.total) > TOTAL_CAP,
      unreadCount: Math.min(Number(counts.unread), UNREAD_CAP),
      unreadCountCapped: Number(counts.unread) > UNREAD_CAP,
    };
  };
}

/** GET /announcements/:id as the store reads it: the post with the caller's marks, its tags. */
export function getFloor(q, _db, id) {
  return async () => {
    const [row] = await q(
      `SELECT a.*, r.read_at, r.acknowledged_at FROM announcements a
       LEFT JOIN announcement_reads r ON r.announcement_id = a.id AND r.user_ref = :viewer
       WHERE a.id = :id LIMIT 1`,
      { id, viewer: BENCH_USER },
    );
    const tags = await q(
      `SELECT * FROM announcement_tags WHERE announcement_id IN :ids
       ORDER BY announcement_id, tag`,
      { ids: [id] },
    );
    return { row, tags: tags.map(t => t.tag) };
  };
}
