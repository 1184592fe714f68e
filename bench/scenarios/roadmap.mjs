/**
 * Roadmap scenarios (group `roadmap`: `--scenario roadmap` selects them all):
 *
 *   roadmap-get      GET /roadmap?productRef= (the Roadmap tab) for a product with 200 items
 *                    (170 open in now / next / later, 20 shipped, 10 dropped) carrying 20,000
 *                    feedback posts with ~100,000 votes from 20,000 users.
 *                    raw floor: the store's SQL for the route (items, last update, top 5 posts
 *                    of each item).
 *   roadmap-get-10x  the same on a second product whose posts have ~1,000,000 votes (10x).
 *   roadmap-ship     PATCH /roadmap/items/:id {status: 'shipped'} of an item carrying 2,000
 *                    posts by 10,000 people (the PM's votes among them): the answer's time, and
 *                    the time until every one of them but the PM has the item's one "you asked,
 *                    we shipped" notification in the notifications backend's database (counted
 *                    per user). BENCH_ROADMAP_SHIPS items (default 3), one shipped per run.
 *                    floors: the ship's SQL on an item of its own (moving its 2,000 posts to
 *                    done), the people read (the notifier's, once the ship is written), the
 *                    notifications backend alone.
 *
 * Everything is seeded straight into the plugin's tables (lib/roadmapSeed.mjs, the posts through
 * lib/feedbackSeed.mjs), with the demand the store keeps on write; the answers are checked
 * against the seed.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  peopleSql,
  roadmapFloor,
  seedRoadmap,
  shipSql,
} from '../lib/roadmapSeed.mjs';
import { userRef } from '../lib/feedbackSeed.mjs';
import { round, summarize } from '../lib/stats.mjs';
import { notificationsAlone, timed } from './announcements.mjs';

const ns = 'platformproduct:default/';
const q = encodeURIComponent;
const product = name => ({
  apiVersion: 'platform-product/v1alpha1',
  kind: 'PlatformProduct',
  metadata: { name, title: name },
  spec: {
    owner: 'group:default/bench-platform',
    productManager: 'user:default/bench-user',
    lifecycle: 'production',
    vision: 'Measure the roadmap routes.',
    parts: [],
  },
});
const iso = ms => new Date(ms).toISOString();

// ---- the Roadmap tab -------------------------------------------------------------------------

const ITEMS = 200;
const POSTS = 20_000;
const USERS = 20_000;

/** The item of post i: a few items carry many posts (item 0 ~7%), the last ones ~50 each. */
function itemOf(i) {
  const r = ((i * 2654435761) >>> 0) / 2 ** 32;
  return Math.floor(r * r * ITEMS);
}

/** Items whose demand the check compares: open in each horizon, shipped, dropped, the smallest. */
const CHECKED = [0, 1, 3, 4, 19, 198];

function getScenario(name, maxVotes) {
  const productRef = `${ns}${name}-product`;
  let expected;
  return {
    name,
    group: 'roadmap',
    // a post's votes: floor(r^3 * maxVotes), r uniform in [0, 1): about maxVotes / 4 - 0.5
    description: `GET the roadmap of a product with ${ITEMS} items carrying ${POSTS} posts with ~${
      POSTS * (maxVotes / 4 - 0.5)
    } votes from ${USERS} users`,
    entities: () => [product(`${name}-product`)],
    request: {
      method: 'GET',
      path: `/api/platform-product/roadmap?productRef=${q(productRef)}`,
    },
    async prepare({ pluginDb, log }) {
      const t = performance.now();
      expected = await seedRoadmap(pluginDb, {
        productRef,
        items: ITEMS,
        posts: POSTS,
        users: USERS,
        itemOf,
        maxVotes,
      });
      log(
        `${name}: seeded ${ITEMS} items, ${expected.posts} posts, ${
          expected.votes
        } votes, ${expected.peopleRows} item-people rows, ${
          expected.historyRows
        } history rows in ${round((performance.now() - t) / 1000, 1)} s`,
      );
      const { items, ...totals } = expected;
      return { ...totals, checked: CHECKED.map(k => items[k]) };
    },
    check(body) {
      if (!expected) return ['not seeded'];
      const problems = [];
      const all = [...(body?.items ?? []), ...(body?.history ?? [])];
      if (all.length !== ITEMS) problems.push(`${all.length} items`);
      const open = expected.items.filter(
        i => !['shipped', 'dropped'].includes(i.status),
      ).length;
      if (body?.items?.length !== open)
        problems.push(`${body?.items?.length} open items, seeded ${open}`);
      if (body?.lastUpdatedAt !== iso(expected.lastUpdatedAt))
        problems.push(
          `lastUpdatedAt ${body?.lastUpdatedAt}, seeded ${iso(
            expected.lastUpdatedAt,
          )}`,
        );
      for (const k of CHECKED) {
        const seeded = expected.items[k];
        const item = all.find(i => i.id === seeded.id);
        if (!item) {
          problems.push(`no item ${k}`);
          continue;
        }
        const { posts, votes, people } = item.demand ?? {};
        if (
          posts !== seeded.posts ||
          votes !== seeded.votes ||
          people !== seeded.people ||
          item.status !== seeded.status
        )
          problems.push(
            `item ${k}: ${item.status}, demand ${posts}/${votes}/${people}, seeded ${seeded.status}, ${seeded.posts}/${seeded.votes}/${seeded.people} (posts/votes/people)`,
          );
        if (
          item.linkedPosts?.length !== Math.min(5, seeded.posts) ||
          item.linkedPosts[0]?.voteCount !== seeded.topVotes
        )
          problems.push(
            `item ${k}: ${item.linkedPosts?.length} linked posts, top ${item.linkedPosts?.[0]?.voteCount} votes, seeded ${seeded.topVotes}`,
          );
      }
      return problems;
    },
    raw: {
      db: 'plugin',
      floor: (query, db) => roadmapFloor(query, db, productRef),
      checkRaw: result => {
        const shown = expected.items.reduce(
          (n, i) => n + Math.min(5, i.posts),
          0,
        );
        return result.items.length === ITEMS &&
          result.lastUpdatedAt === expected.lastUpdatedAt &&
          result.posts.length === shown
          ? []
          : [
              `raw: ${result.items.length} items, ${result.posts.length} posts (seeded ${shown}), lastUpdatedAt ${result.lastUpdatedAt}`,
            ];
      },
    },
  };
}

export const roadmapGet = getScenario('roadmap-get', 22);
export const roadmapGet10x = getScenario('roadmap-get-10x', 202);

// ---- ship: "you asked, we shipped" to 10,000 people ------------------------------------------

const SHIPS = Number(process.env.BENCH_ROADMAP_SHIPS ?? 3);
const SHIP_POSTS = 2000;
// people: these users (each writes or votes among every item's posts) and the PM, who votes on
// every 50th post and ships: 10,000 people, 9,999 to notify
const SHIP_USERS = 9999;
const SHIP_PRODUCT = 'roadmap-ship-product';
const SHIP_REF = ns + SHIP_PRODUCT;
// the ship's SQL floor ships items of their own, seeded alike, of a product in the database only
const FLOOR_REF = `${ns}roadmap-ship-floor`;

/** Post i: 8 voters, consecutive posts sharing 3, so every user votes on 1 or 2 of an item's posts. */
const shipVoters = i => {
  const l = i % SHIP_POSTS;
  return Array.from({ length: 8 }, (_, v) => (l * 5 + v) % SHIP_USERS).filter(
    u => u !== i % SHIP_USERS, // not on their own post
  );
};
const shipItem = {
  items: SHIPS,
  posts: SHIPS * SHIP_POSTS,
  users: SHIP_USERS,
  itemOf: i => Math.floor(i / SHIP_POSTS),
  voters: shipVoters,
  shape: () => ({ horizon: 'now', status: 'planned' }),
};
let shipSeed;
let floorSeed;

/** Waits until `expected` notifications of the scope are in the notifications database. */
async function delivered(notificationsDb, scope, expected, t0) {
  for (;;) {
    const [{ count }] = await notificationsDb.q(
      `SELECT count(*) AS count FROM notification WHERE scope = :s`,
      { s: scope },
    );
    if (Number(count) >= expected) return Number(count);
    if (performance.now() - t0 > 600_000)
      throw new Error(
        `${scope}: ${count} notifications after 10 minutes, expected ${expected}`,
      );
    // not more often: on SQLite each read holds off the notifications backend's commits
    await sleep(100);
  }
}

/** Each user notified once for the scope, never updated (sent once), the PM not at all. */
async function checkNotified(notificationsDb, scope) {
  const rows = await notificationsDb.q(
    `SELECT "user" AS user_ref, count(*) AS count,
       sum(CASE WHEN updated IS NULL THEN 0 ELSE 1 END) AS updated
     FROM notification WHERE scope = :s GROUP BY "user"`,
    { s: scope },
  );
  const expected = new Set(
    Array.from({ length: SHIP_USERS }, (_, u) => userRef(u)),
  );
  const problems = [];
  const unexpected = rows.filter(r => !expected.has(r.user_ref));
  if (unexpected.length)
    problems.push(
      `${unexpected.length} unexpected recipients (${unexpected[0].user_ref}...)`,
    );
  if (rows.length !== SHIP_USERS)
    problems.push(`${rows.length} recipients, expected ${SHIP_USERS}`);
  const twice = rows.filter(r => Number(r.count) !== 1).length;
  if (twice) problems.push(`${twice} recipients with more than one`);
  const updated = rows.filter(r => Number(r.updated) !== 0).length;
  if (updated) problems.push(`${updated} notifications sent again (updated)`);
  return problems;
}

/** @type {import('./index.mjs').Scenario} */
export const roadmapShip = {
  name: 'roadmap-ship',
  group: 'roadmap',
  description: `PATCH an item carrying ${SHIP_POSTS} posts by 10,000 people to shipped, until each has one notification`,
  entities: () => [product(SHIP_PRODUCT)],
  // readiness and the check after seeding: the product's roadmap (the route measured is the PATCH)
  request: {
    method: 'GET',
    path: `/api/platform-product/roadmap?productRef=${q(SHIP_REF)}`,
  },
  async prepare({ pluginDb, log }) {
    const t = performance.now();
    shipSeed = await seedRoadmap(pluginDb, {
      productRef: SHIP_REF,
      ...shipItem,
    });
    floorSeed = await seedRoadmap(pluginDb, {
      productRef: FLOOR_REF,
      ...shipItem,
    });
    for (const item of [...shipSeed.items, ...floorSeed.items]) {
      if (item.posts !== SHIP_POSTS || item.people !== SHIP_USERS + 1)
        throw new Error(
          `roadmap-ship: item ${item.k} seeded with ${item.posts} posts and ${item.people} people`,
        );
    }
    log(
      `roadmap-ship: seeded ${SHIPS} items (and ${SHIPS} for the SQL floor) of ${SHIP_POSTS} posts, ${
        shipSeed.items[0].votes
      } votes and ${shipSeed.items[0].people} people each, in ${round(
        (performance.now() - t) / 1000,
        1,
      )} s`,
    );
    return {
      items: SHIPS,
      posts: SHIP_POSTS,
      votes: shipSeed.items[0].votes,
      people: shipSeed.items[0].people,
    };
  },
  check(body) {
    if (!shipSeed) return ['not seeded'];
    const problems = [];
    const all = [...(body?.items ?? []), ...(body?.history ?? [])];
    for (const seeded of shipSeed.items) {
      const item = all.find(i => i.id === seeded.id);
      if (
        item?.demand?.posts !== seeded.posts ||
        item?.demand?.people !== seeded.people ||
        item?.demand?.votes !== seeded.votes
      )
        problems.push(
          `item ${seeded.k}: demand ${JSON.stringify(item?.demand)}, seeded ${
            seeded.posts
          }/${seeded.votes}/${seeded.people}`,
        );
    }
    return problems;
  },
  async measure(ctx) {
    const { baseUrl, token, fetchJson, pluginDb, log } = ctx;
    const notificationsDb = await ctx.openDb('notifications');
    try {
      const answers = [];
      const deliveries = [];
      const ships = [];
      let other = 0;
      const t0 = performance.now();
      log(
        `roadmap-ship: ${SHIPS} items shipped one after the other, each to ${SHIP_USERS} people`,
      );
      // warm-up, as the load rows have: a PATCH that changes nothing (the same title) goes
      // through the route's checks, the store's locked read and the item's view, writing nothing
      const [first] = shipSeed.items;
      const unchanged = await fetchJson(
        `${baseUrl}/api/platform-product/roadmap/items/${first.id}`,
        {
          method: 'PATCH',
          headers: {
            Authorization: `Bearer ${token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ title: first.title }),
        },
      );
      if (unchanged.updatedAt !== iso(first.updatedAt))
        throw new Error(`warm-up PATCH changed item ${first.id}`);
      for (const item of shipSeed.items) {
        const scope = `platform-product:roadmap:${item.id}:shipped`;
        const { result, otherCpuCores } = await ctx.otherCores(async () => {
          const start = performance.now();
          const body = await fetchJson(
            `${baseUrl}/api/platform-product/roadmap/items/${item.id}`,
            {
              method: 'PATCH',
              headers: {
                Authorization: `Bearer ${token}`,
                'content-type': 'application/json',
              },
              body: JSON.stringify({ status: 'shipped' }),
              timeoutMs: 60_000,
            },
          );
          const answerMs = performance.now() - start;
          await delivered(notificationsDb, scope, SHIP_USERS, start);
          return { body, answerMs, deliveredMs: performance.now() - start };
        });
        other = Math.max(other, otherCpuCores ?? 0);
        const { body, answerMs, deliveredMs } = result;
        if (body?.status !== 'shipped' || body?.closedAt === null)
          throw new Error(`ship ${item.id}: answered ${JSON.stringify(body)}`);
        // a late or repeated send would show within a second
        await sleep(1000);
        const problems = await checkNotified(notificationsDb, scope);
        const [{ done }] = await pluginDb.q(
          `SELECT count(*) AS done FROM feedback_posts WHERE roadmap_item_id = :id AND status = 'done'`,
          { id: item.id },
        );
        if (Number(done) !== SHIP_POSTS)
          problems.push(`${done} posts done, expected ${SHIP_POSTS}`);
        if (problems.length)
          throw new Error(`ship ${item.id}: ${problems.join('; ')}`);
        answers.push(answerMs);
        deliveries.push(deliveredMs);
        ships.push({
          id: item.id,
          answerMs: round(answerMs),
          deliveredMs: round(deliveredMs),
          notifications: SHIP_USERS,
          otherCpuCores: round(otherCpuCores ?? 0),
        });
        log(
          `  ship ${ships.length}/${SHIPS}: answered in ${round(
            answerMs,
          )} ms, ${SHIP_USERS} notified (each once) after ${round(
            deliveredMs,
          )} ms (other cpu ${round(otherCpuCores ?? 0)})`,
        );
      }
      const elapsed = performance.now() - t0;
      const route = summarize(answers, elapsed, {
        failures: 0,
        otherCpuCores: round(other),
      });
      const delivery = summarize(deliveries, elapsed, {
        failures: 0,
        otherCpuCores: round(other),
      });

      const raw = await timed(
        `floor: the ship's SQL, ${SHIP_POSTS} posts to done`,
        SHIPS,
        async n => {
          const moved = await shipSql(pluginDb, floorSeed.items[n].id);
          if (moved !== SHIP_POSTS)
            throw new Error(`floor: moved ${moved} posts`);
        },
        ctx,
      );
      const people = await timed(
        `floor: the people read (${SHIP_USERS + 1} people)`,
        SHIPS,
        async n => {
          const [named] = await peopleSql(pluginDb.q, floorSeed.items[n].id);
          if (named.length !== SHIP_USERS + 1)
            throw new Error(`floor: ${named.length} people`);
        },
        ctx,
      );
      const recipients = Array.from({ length: SHIP_USERS }, (_, u) =>
        userRef(u),
      );
      const alone = await timed(
        `floor: the notifications backend alone, ${SHIP_USERS} users in sends of 500, 4 in flight`,
        SHIPS,
        () =>
          notificationsAlone(
            { baseUrl, fetchJson, notificationsDb },
            recipients,
            {
              topic: 'platform-product-roadmap',
              chunk: 500,
              parallel: 4,
            },
          ),
        ctx,
      );
      const s = x => round(x / 1000, 2);
      return {
        custom: true,
        route,
        delivered: delivery,
        raw,
        'people-sql': people,
        'notifications-backend-alone': alone,
        ships,
        lines: [
          `${SHIP_USERS} people notified per ship (10,000 behind the item, the PM ships): answer p50 ${round(
            route.p50,
          )} ms (${answers
            .map(a => round(a))
            .join(', ')}; target < 1 s), all delivered p50 ${s(
            delivery.p50,
          )} s (${deliveries
            .map(s)
            .join(', ')}); floors (p50): the ship's SQL ${round(
            raw.p50,
          )} ms, the people read ${round(
            people.p50,
          )} ms (after the answer, before the first send), the notifications backend alone ${s(
            alone.p50,
          )} s`,
        ],
      };
    } finally {
      await notificationsDb.close();
    }
  },
  raw: { db: 'plugin', floor: () => async () => undefined },
};

export const roadmapScenarios = [roadmapGet, roadmapGet10x, roadmapShip];
