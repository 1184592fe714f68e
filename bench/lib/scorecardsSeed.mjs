/**
 * The scorecards scenarios' data: for the 1,000 products of lib/scorecardsCatalog.mjs, what the
 * built-in checks read from the other capabilities, written in bulk into the plugin's tables with
 * what their stores keep on write (lib/feedbackSeed.mjs describes the feedback tables):
 *   feedback       ratings over the last 180 days (feedback_ratings, feedback_latest_ratings,
 *                  feedback_nps_months), posts over the last year with official first replies
 *                  (feedback_posts, feedback_replies, feedback_post_counts, feedback_post_months,
 *                  feedback_post_days, feedback_response_times);
 *   announcements  0-30 published posts per product, a draft for one in three (announcements);
 *   roadmap        3-8 items for three products in four, with their create history and the
 *                  product's last change (roadmap_items, roadmap_item_history, roadmap_products);
 *   adoption       30 daily snapshots for nine products in ten (adoption_snapshots).
 * Product k's data follows its profile (profileOf). Returns per product the figures the portfolio must show (open posts, oldest untriaged post, last
 * announcement, adopting teams), which the scenarios check.
 */
import { randomUUID } from 'node:crypto';
import {
  hashOf,
  prng,
  RATING_COLUMNS,
  responseBucket,
  userRef,
  vacuum,
} from './feedbackSeed.mjs';
import { POST_COLUMNS, postRow } from './announcementsSeed.mjs';
import { ROADMAP_ITEM_COLUMNS } from './roadmapSeed.mjs';
import { PRODUCTS, productRef, profileOf } from './scorecardsCatalog.mjs';

const USERS = 20_000; // who rates and posts
const SHARDS = 8;
const BATCH = 20_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const POST_TYPES = ['idea', 'problem', 'question', 'praise'];
const OTHER_STATUSES = [
  'acknowledged',
  'planned',
  'in-progress',
  'done',
  'declined',
  'duplicate',
];
const CLOSED = new Set(['done', 'declined', 'duplicate']);

const iso = ms => (ms === null ? null : new Date(ms).toISOString());
const dayOf = ms => new Date(ms).toISOString().slice(0, 10);

/** Rows collected per table and written 20,000 a statement. */
function tableWriter(db, table, columns) {
  let rows = [];
  let total = 0;
  return {
    async add(row) {
      rows.push(row);
      total += 1;
      if (rows.length >= BATCH) await this.flush();
    },
    async flush() {
      if (rows.length) await db.insertRows(table, columns, rows);
      rows = [];
    },
    get total() {
      return total;
    },
  };
}

/**
 * Seeds every product's data; returns the figures the portfolio must show per product ref, and
 * the totals.
 */
export async function seedScorecards(db, { now = Date.now(), log } = {}) {
  const w = {
    ratings: tableWriter(db, 'feedback_ratings', RATING_COLUMNS),
    latest: tableWriter(db, 'feedback_latest_ratings', {
      product_ref: 'text',
      month: 'text',
      author_hash: 'text',
      score: 'int',
      previous_score: 'int',
    }),
    nps: tableWriter(db, 'feedback_nps_months', {
      product_ref: 'text',
      month: 'text',
      shard: 'smallint',
      promoters: 'int',
      passives: 'int',
      detractors: 'int',
    }),
    posts: tableWriter(db, 'feedback_posts', {
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
      vote_count: 'int',
      reply_count: 'int',
      first_team_reply_at: 'bigint',
      created_at: 'bigint',
      updated_at: 'bigint',
    }),
    replies: tableWriter(db, 'feedback_replies', {
      id: 'text',
      post_id: 'text',
      author_ref: 'text',
      author_hash: 'text',
      by_post_author: 'boolean',
      official: 'boolean',
      body: 'text',
      created_at: 'bigint',
    }),
    counts: tableWriter(db, 'feedback_post_counts', {
      product_ref: 'text',
      type: 'text',
      status: 'text',
      hidden: 'boolean',
      shard: 'smallint',
      count: 'int',
    }),
    months: tableWriter(db, 'feedback_post_months', {
      product_ref: 'text',
      month: 'text',
      shard: 'smallint',
      posts: 'int',
      replied: 'int',
      new_posts: 'int',
    }),
    days: tableWriter(db, 'feedback_post_days', {
      product_ref: 'text',
      day: 'text',
      shard: 'smallint',
      new_posts: 'int',
    }),
    times: tableWriter(db, 'feedback_response_times', {
      product_ref: 'text',
      month: 'text',
      buckets: 'text',
    }),
    announcements: tableWriter(db, 'announcements', POST_COLUMNS),
    items: tableWriter(db, 'roadmap_items', ROADMAP_ITEM_COLUMNS),
    history: tableWriter(db, 'roadmap_item_history', {
      item_id: 'text',
      action: 'text',
      actor: 'text',
      at: 'bigint',
      changes: 'text',
    }),
    roadmaps: tableWriter(db, 'roadmap_products', {
      product_ref: 'text',
      updated_at: 'bigint',
    }),
    adoption: tableWriter(db, 'adoption_snapshots', {
      product_ref: 'text',
      day: 'text',
      part_count: 'int',
      consumer_count: 'int',
      team_count: 'int',
    }),
  };
  const expected = new Map();
  let announcementIndex = 0;
  for (let k = 0; k < PRODUCTS; k++) {
    const p = profileOf(k);
    const ref = productRef(k);
    const rand = prng(5000 + k);
    const pm = p.productManager ?? 'user:default/bench-user';

    // ratings: each by another user, so every rating is its user's latest of the month
    const nps = new Map(); // month|shard -> [promoters, passives, detractors]
    for (let i = 0; i < p.ratings; i++) {
      const u = (k * 7919 + i) % USERS;
      const created = now - Math.floor(rand() * 180 * DAY);
      const month = iso(created).slice(0, 7);
      const r = rand();
      const score =
        r < p.promoterShare
          ? 9 + Math.floor(rand() * 2)
          : r < p.promoterShare + (1 - p.promoterShare) / 2
          ? 7 + Math.floor(rand() * 2)
          : Math.floor(rand() * 7);
      const anonymous = i % 7 === 0;
      await w.ratings.add([
        randomUUID(),
        ref,
        ref,
        score,
        null,
        anonymous,
        anonymous ? null : userRef(u),
        hashOf(userRef(u)),
        month,
        created,
      ]);
      await w.latest.add([ref, month, hashOf(userRef(u)), score, null]);
      const key = `${month}|${u % SHARDS}`;
      const c = nps.get(key) ?? [0, 0, 0];
      c[score >= 9 ? 0 : score >= 7 ? 1 : 2] += 1;
      nps.set(key, c);
    }
    for (const [key, c] of nps) {
      const [month, shard] = key.split('|');
      await w.nps.add([ref, month, Number(shard), ...c]);
    }

    // posts, with an official first reply for a share of them
    const counts = new Map();
    const months = new Map();
    const days = new Map();
    const times = new Map();
    let openPosts = 0;
    let oldestNew = null;
    for (let i = 0; i < p.posts; i++) {
      const id = randomUUID();
      const u = (k * 104729 + i * 31) % USERS;
      const type = POST_TYPES[i % POST_TYPES.length];
      const created = now - Math.floor(rand() * 365 * DAY);
      const status =
        rand() < p.newShare
          ? 'new'
          : OTHER_STATUSES[Math.floor(rand() * OTHER_STATUSES.length)];
      let firstReply = null;
      if (rand() < p.replyShare) {
        const hours = 0.5 + rand() * p.maxReplyHours;
        firstReply = Math.min(created + Math.round(hours * HOUR), now);
        await w.replies.add([
          randomUUID(),
          id,
          pm,
          hashOf(pm),
          false,
          true,
          'Thanks, we are on it.',
          firstReply,
        ]);
      }
      await w.posts.add([
        id,
        ref,
        ref,
        type,
        `Seeded ${type} ${i} of product ${k}`,
        'What we would like to see.',
        status,
        false,
        userRef(u),
        hashOf(userRef(u)),
        0,
        firstReply === null ? 0 : 1,
        firstReply,
        created,
        created,
      ]);
      if (!CLOSED.has(status)) openPosts += 1;
      const shard = i % SHARDS;
      const ck = `${type}|${status}|${shard}`;
      counts.set(ck, (counts.get(ck) ?? 0) + 1);
      const month = iso(created).slice(0, 7);
      const m = months.get(`${month}|${shard}`) ?? [0, 0, 0];
      m[0] += 1;
      if (firstReply !== null) {
        m[1] += 1;
        const histogram = times.get(month) ?? {};
        const b = responseBucket(firstReply - created);
        histogram[b] = (histogram[b] ?? 0) + 1;
        times.set(month, histogram);
      }
      if (status === 'new') {
        m[2] += 1;
        const dk = `${dayOf(created)}|${shard}`;
        days.set(dk, (days.get(dk) ?? 0) + 1);
        oldestNew = oldestNew === null ? created : Math.min(oldestNew, created);
      }
      months.set(`${month}|${shard}`, m);
    }
    for (const [ck, n] of counts) {
      const [type, status, shard] = ck.split('|');
      await w.counts.add([ref, type, status, false, Number(shard), n]);
    }
    for (const [key, m] of months) {
      const [month, shard] = key.split('|');
      await w.months.add([ref, month, Number(shard), ...m]);
    }
    for (const [key, n] of days) {
      const [day, shard] = key.split('|');
      await w.days.add([ref, day, Number(shard), n]);
    }
    for (const [month, histogram] of times) {
      await w.times.add([ref, month, JSON.stringify(histogram)]);
    }

    // announcements: published every 7 days back from a product-dependent day, and a draft
    let lastAnnouncement = null;
    for (let j = 0; j <= p.announcements; j++) {
      const draft = j === p.announcements; // the last one of each product is a draft
      if (draft && k % 3 !== 0) continue;
      const at = now - ((k % 90) + j * 7) * DAY - HOUR;
      const i = announcementIndex++;
      if (!draft) lastAnnouncement = Math.max(lastAnnouncement ?? 0, at);
      await w.announcements.add(
        postRow({
          i,
          id: randomUUID(),
          productRef: ref,
          type: 'release',
          pinned: false,
          draft,
          published: !draft,
          publishAt: draft ? null : at,
          publishedAt: draft ? null : at,
          expiresAt: null,
          sortAt: draft ? now - HOUR : at,
          createdAt: at - HOUR,
          eventStart: null,
        }),
      );
    }

    // roadmap: its items and their create rows; the last change some days ago
    if (p.roadmapItems) {
      const updatedAt = now - p.roadmapAgeDays * DAY - HOUR;
      for (let j = 0; j < p.roadmapItems; j++) {
        const id = randomUUID();
        const horizon = ['now', 'next', 'later'][j % 3];
        const created = updatedAt - (p.roadmapItems - j) * DAY;
        await w.items.add([
          id,
          ref,
          `Item ${j} of product ${k}`,
          'What teams asked for.',
          horizon,
          Math.floor(j / 3),
          { now: 'in-progress', next: 'planned', later: 'exploring' }[horizon],
          null,
          pm,
          created,
          j === p.roadmapItems - 1 ? updatedAt : created,
        ]);
        await w.history.add([
          id,
          'create',
          pm,
          created,
          JSON.stringify([{ field: 'title', to: `Item ${j} of product ${k}` }]),
        ]);
      }
      await w.roadmaps.add([ref, updatedAt]);
    }

    // adoption: a snapshot a day for the last 30 days, a team more every 10 days
    let adoptingTeams = null;
    if (p.adoption) {
      for (let d = 29; d >= 0; d--) {
        adoptingTeams = (k % 25) + Math.floor((29 - d) / 10);
        await w.adoption.add([
          ref,
          dayOf(now - d * DAY),
          5 + (k % 20),
          adoptingTeams * 3,
          adoptingTeams,
        ]);
      }
    }

    expected.set(ref, {
      openPosts,
      oldestUntriagedAt: iso(oldestNew),
      lastAnnouncementAt: iso(lastAnnouncement),
      adoptingTeams,
    });
  }
  for (const writer of Object.values(w)) await writer.flush();
  await vacuum(db, [
    'feedback_ratings',
    'feedback_latest_ratings',
    'feedback_nps_months',
    'feedback_posts',
    'feedback_replies',
    'feedback_post_counts',
    'feedback_post_months',
    'feedback_post_days',
    'feedback_response_times',
    'announcements',
    'roadmap_items',
    'roadmap_item_history',
    'roadmap_products',
    'adoption_snapshots',
  ]);
  const totals = Object.fromEntries(
    Object.entries(w).map(([name, writer]) => [name, writer.total]),
  );
  log?.(
    `scorecards: seeded ${PRODUCTS} products' data: ${Object.entries(totals)
      .map(([name, n]) => `${n} ${name}`)
      .join(', ')}`,
  );
  return { expected, totals };
}
