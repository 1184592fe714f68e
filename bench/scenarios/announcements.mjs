/**
 * Announcements scenarios (group `announcements`: `--scenario announcements` selects them all):
 *
 *   announcements-list               GET /announcements?limit=20 (first page, every product and
 *                                    global) for the bench user, over 20,000 posts of which the
 *                                    user has read 30%.
 *   announcements-list-product       the same with productRef= of one product (~2,000 of them).
 *   announcements-get                GET /announcements/:id of a product post.
 *   announcements-list-200k          the first scenario, the posts grown to 200,000.
 *   announcements-list-product-200k  the product's list over 200,000 (~22,000 of them).
 *   announcements-publish            POST /announcements of a product post delivered to 5,000
 *                                    users (members of 50 adopting teams x 100, from the catalog):
 *                                    timed from the POST until the post's delivered_at is set and
 *                                    every delivery row notified_at, BENCH_ANN_PUBLISHES times
 *                                    (default 3), one after the other; with its SQL floors.
 *
 * Posts, tags and reads are written straight into the plugin's tables (lib/announcementsSeed.mjs)
 * right before the first scenario that needs them; 200k tops the 20k up. The lists are checked
 * against the seed (totalCount and unreadCount as capped at 1,000 / 100 with their flags, the
 * first page's ids and read marks).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BENCH_USER,
  checkList,
  expectedPage,
  getFloor,
  listFloor,
  postAt,
  postId,
  seedAnnouncements,
} from '../lib/announcementsSeed.mjs';
import { summarize, round } from '../lib/stats.mjs';

const ns = 'platformproduct:default/';
const PRODUCT_COUNT = 8;
const PRODUCTS = Array.from(
  { length: PRODUCT_COUNT },
  (_, i) => `${ns}announcements-product-${i}`,
);
const SMALL = Number(process.env.BENCH_ANN_POSTS ?? 20_000);
const BIG = Number(process.env.BENCH_ANN_BIG_POSTS ?? 200_000);
const q = encodeURIComponent;

const product = (name, extra = {}) => ({
  apiVersion: 'platform-product/v1alpha1',
  kind: 'PlatformProduct',
  metadata: { name, title: name },
  spec: {
    owner: 'group:default/bench-platform',
    productManager: 'user:default/bench-user',
    lifecycle: 'production',
    vision: 'Measure the announcements routes.',
    parts: [],
    ...extra,
  },
});

// ---- lists and one post ------------------------------------------------------------------

function listScenario(name, total, productRef) {
  return {
    name,
    group: 'announcements',
    // on SQLite a request over 200,000 posts takes seconds: 8 in a row exceed a 10 s window
    load: total > 50_000 ? { minDurationSec: { sqlite: 60 } } : undefined,
    description: `GET the first page of announcements over ${total} posts${
      productRef ? ', of one product' : ''
    }, with the bench user's read marks`,
    entities: () => PRODUCTS.map(ref => product(ref.slice(ns.length))),
    request: {
      method: 'GET',
      path: `/api/platform-product/announcements?${
        productRef ? `productRef=${q(productRef)}&` : ''
      }limit=20`,
    },
    db: undefined, // the plugin database of the engine being measured, set by prepare
    async prepare({ pluginDb, log }) {
      this.db = pluginDb;
      const t = performance.now();
      const s = await seedAnnouncements(pluginDb, {
        total,
        products: PRODUCTS,
        log,
      });
      const expected = expectedPage(pluginDb, productRef ?? 'all');
      log(
        `${name}: ${s.seeded} posts in the tables (seeding ${round(
          (performance.now() - t) / 1000,
          1,
        )} s); the list shows ${expected.total}, ${expected.unread} unread`,
      );
      return {
        posts: s.seeded,
        listed: expected.total,
        unread: expected.unread,
      };
    },
    check(body) {
      return checkList(
        body,
        this.db && expectedPage(this.db, productRef ?? 'all'),
      );
    },
    raw: {
      db: 'plugin',
      floor: (query, db) => listFloor(query, db, productRef),
      checkRaw(result) {
        return result.items.length === 20 && result.totalCount > 0
          ? []
          : [`raw: ${result.totalCount} posts, ${result.items.length} items`];
      },
    },
  };
}

export const announcementsList = listScenario('announcements-list', SMALL);
export const announcementsListProduct = listScenario(
  'announcements-list-product',
  SMALL,
  PRODUCTS[0],
);
export const announcementsListBig = listScenario(
  'announcements-list-200k',
  BIG,
);
export const announcementsListProductBig = listScenario(
  'announcements-list-product-200k',
  BIG,
  PRODUCTS[0],
);

// post 1: a release of product 1, published, read by the bench user, one tag
const GET_INDEX = 1;
const GET_POST = postAt(GET_INDEX, PRODUCTS, Date.now());

/** @type {import('./index.mjs').Scenario} */
export const announcementsGet = {
  name: 'announcements-get',
  group: 'announcements',
  description: "GET one announcement by id, with the bench user's marks",
  entities: () => PRODUCTS.map(ref => product(ref.slice(ns.length))),
  request: {
    method: 'GET',
    path: `/api/platform-product/announcements/${postId(GET_INDEX)}`,
  },
  // the post exists once seeded; before, the list answers
  readyPath: '/api/platform-product/announcements?limit=1',
  async prepare({ pluginDb, log }) {
    // the posts of announcements-list, when it did not run before
    await seedAnnouncements(pluginDb, {
      total: SMALL,
      products: PRODUCTS,
      log,
    });
    return { id: GET_POST.id };
  },
  check(body) {
    const problems = [];
    if (body?.id !== GET_POST.id) problems.push(`id ${body?.id}`);
    if (body?.productRef !== GET_POST.productRef)
      problems.push(`productRef ${body?.productRef}`);
    if (body?.readByMe !== GET_POST.readByBench)
      problems.push(`readByMe ${body?.readByMe}`);
    if (body?.tags?.join() !== [...GET_POST.tags].sort().join())
      problems.push(`tags ${body?.tags}`);
    if (body?.state !== 'published') problems.push(`state ${body?.state}`);
    return problems;
  },
  raw: {
    db: 'plugin',
    floor: (query, db) => getFloor(query, db, GET_POST.id),
    checkRaw: result => (result.row?.id === GET_POST.id ? [] : ['no row']),
  },
};

// ---- publish to 5,000 ----------------------------------------------------------------------

const TEAMS = Number(process.env.BENCH_ANN_TEAMS ?? 50);
const MEMBERS = Number(process.env.BENCH_ANN_MEMBERS ?? 100);
const FOLLOWERS = Number(process.env.BENCH_ANN_FOLLOWERS ?? 0);
const PARTS = 10;
const PUBLISHES = Number(process.env.BENCH_ANN_PUBLISHES ?? 3);
const PUBLISH_PRODUCT = 'announcements-publish-product';
const PUBLISH_REF = ns + PUBLISH_PRODUCT;
const AUDIENCE = TEAMS * MEMBERS + FOLLOWERS;
const teamRef = t => `group:default/ann-team-${t}`;
const userRef = (t, m) => `user:default/ann-user-${t}-${m}`;
const followerRef = f => `user:default/ann-follower-${f}`;

function publishEntities() {
  const out = [
    product(PUBLISH_PRODUCT, {
      parts: Array.from(
        { length: PARTS },
        (_, i) => `component:default/ann-part-${i}`,
      ),
    }),
  ];
  for (let i = 0; i < PARTS; i++) {
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `ann-part-${i}` },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/bench-platform',
      },
    });
  }
  for (let t = 0; t < TEAMS; t++) {
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `ann-team-${t}` },
      spec: {
        type: 'team',
        profile: { displayName: `Team ${t}` },
        children: [],
      },
    });
    // two components of each team use a part of the product
    for (let k = 0; k < 2; k++) {
      out.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: `ann-consumer-${t}-${k}` },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: teamRef(t),
          dependsOn: [`component:default/ann-part-${(t + k) % PARTS}`],
        },
      });
    }
    for (let m = 0; m < MEMBERS; m++) {
      out.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: `ann-user-${t}-${m}` },
        spec: { memberOf: [teamRef(t)] },
      });
    }
  }
  return out;
}

/** The notifications backend's throttle: the demo's app-config.yaml's, or the APP_CONFIG_ override. */
function notificationsThrottle() {
  const limit = Number(
    process.env.APP_CONFIG_notifications_concurrencyLimit ?? 100,
  );
  const interval = process.env.APP_CONFIG_notifications_throttleInterval
    ? JSON.parse(process.env.APP_CONFIG_notifications_throttleInterval)
    : undefined;
  const intervalMs =
    interval === undefined
      ? 50
      : (interval.milliseconds ?? 0) + (interval.seconds ?? 0) * 1000;
  return { limit, intervalMs, perSecond: (limit * 1000) / intervalMs };
}

/** n async loops over the items, like the notifications backend's p-throttle concurrency. */
async function inParallel(items, n, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

const nowSql = engine => (engine === 'postgres' ? new Date() : Date.now());

/**
 * Floors of the publish: the catalog lookups as raw SQL (the product's parts, their consumers,
 * the consumers' owners, the owners' members), the store's delivery writes (the audience in
 * chunks of 200 in one transaction, then per 100 recipients a transaction marking them
 * notified), and the notifications backend's SQL per recipient (its settings, an existing
 * notification of the scope, the INSERT), 10 recipients at a time as its throttle allows.
 */
function publishFloors({ catalogDb, pluginDb, notificationsDb, engine }) {
  const catalogLookup = async () => {
    const c = catalogDb.q;
    const parts = (
      await c(
        `SELECT target_entity_ref AS ref FROM relations WHERE source_entity_ref = :one AND type = 'hasPart'`,
        { one: PUBLISH_REF },
      )
    ).map(r => r.ref);
    const consumers = (
      await c(
        `SELECT DISTINCT target_entity_ref AS ref FROM relations
         WHERE source_entity_ref IN :many AND type IN ('dependencyOf', 'apiConsumedBy')`,
        { many: [PUBLISH_REF, ...parts] },
      )
    ).map(r => r.ref);
    const teams = (
      await c(
        `SELECT DISTINCT target_entity_ref AS ref FROM relations
         WHERE source_entity_ref IN :many AND type = 'ownedBy'`,
        { many: consumers },
      )
    ).map(r => r.ref);
    const members = await c(
      `SELECT source_entity_ref AS team, target_entity_ref AS user_ref FROM relations
       WHERE source_entity_ref IN :many AND type = 'hasMember'`,
      { many: teams },
    );
    const followers = await pluginDb.q(
      `SELECT user_ref FROM product_follows WHERE product_ref = :p ORDER BY user_ref`,
      { p: PUBLISH_REF },
    );
    const audience = new Map(members.map(m => [m.user_ref, m.team]));
    for (const f of followers)
      if (!audience.has(f.user_ref)) audience.set(f.user_ref, null);
    return audience;
  };

  const notifySql = async (users, scope) => {
    const n = notificationsDb.q;
    await inParallel(users, 10, async user => {
      await n(`SELECT * FROM user_settings WHERE "user" = :u`, { u: user });
      await n(
        `SELECT * FROM notification WHERE "user" = :u AND scope = :s AND origin = :o LIMIT 1`,
        { u: user, s: scope, o: 'plugin:platform-product' },
      );
      await n(
        `INSERT INTO notification (id, "user", origin, created, topic, link, title, description, severity, scope)
         VALUES (:id, :u, :o, :created, :topic, :link, :title, :description, 'normal', :s)`,
        {
          id: randomUUID(),
          u: user,
          o: 'plugin:platform-product',
          created: nowSql(engine),
          topic: 'platform-product-announcements',
          link: '/platform-news/floor',
          title: 'Floor: a release',
          description: 'What the release means for your team.',
          s: scope,
        },
      );
    });
  };
  const cleanNotifications = scope =>
    notificationsDb.q(`DELETE FROM notification WHERE scope = :s`, {
      s: scope,
    });

  /** the store's delivery writes for one post, and its notifications SQL when `notify` */
  const deliveries = async (audience, notify) => {
    const id = randomUUID();
    const scope = `bench-floor:${id}`;
    const now = Date.now();
    const p = pluginDb.q;
    await p(
      `INSERT INTO announcements (id, product_ref, type, title, summary, body, pinned, draft,
         author_ref, publish_at, sort_at, delivery_claim, delivery_claimed_at, created_at, updated_at)
       VALUES (:id, :p, 'release', 'Floor', 'Floor', 'Floor', :f, :f, :a, :now, :now, :claim, :now, :now, :now)`,
      {
        id,
        p: PUBLISH_REF,
        f: engine === 'postgres' ? false : 0,
        a: BENCH_USER,
        now,
        claim: id,
      },
    );
    const rows = [...audience].map(([user, team]) => [id, user, team, null]);
    const insert = `INSERT INTO announcement_deliveries (announcement_id, user_ref, team_ref, notified_at) VALUES `;
    if (engine === 'postgres') {
      const client = await pluginDb.pool.connect();
      try {
        await client.query('BEGIN');
        for (let i = 0; i < rows.length; i += 200) {
          const chunk = rows.slice(i, i + 200);
          await client.query(
            `${insert}${chunk
              .map(
                (_, k) => `($${k * 3 + 1}, $${k * 3 + 2}, $${k * 3 + 3}, null)`,
              )
              .join(', ')} ON CONFLICT DO NOTHING`,
            chunk.flatMap(r => r.slice(0, 3)),
          );
        }
        await client.query(
          `UPDATE announcements SET audience_recorded_at = $1 WHERE id = $2`,
          [now, id],
        );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    } else {
      const s = pluginDb.sqlite;
      s.transaction(() => {
        for (let i = 0; i < rows.length; i += 200) {
          const chunk = rows.slice(i, i + 200);
          s.prepare(
            `${insert}${chunk
              .map(() => '(?, ?, ?, null)')
              .join(', ')} ON CONFLICT DO NOTHING`,
          ).run(...chunk.flatMap(r => r.slice(0, 3)));
        }
        s.prepare(
          `UPDATE announcements SET audience_recorded_at = ? WHERE id = ?`,
        ).run(now, id);
      })();
    }
    for (;;) {
      const users = (
        await p(
          `SELECT user_ref FROM announcement_deliveries WHERE announcement_id = :id
           AND notified_at IS NULL ORDER BY user_ref LIMIT 100`,
          { id },
        )
      ).map(r => r.user_ref);
      if (!users.length) break;
      if (notify) await notifySql(users, scope);
      await p(
        `UPDATE announcements SET delivery_claimed_at = :now WHERE id = :id AND delivery_claim = :id`,
        {
          id,
          now: Date.now(),
        },
      );
      await p(
        `UPDATE announcement_deliveries SET notified_at = :now WHERE announcement_id = :id AND user_ref IN :users`,
        { id, now: Date.now(), users },
      );
    }
    await p(
      `UPDATE announcements SET delivered_at = :now, delivery_claim = NULL, delivery_claimed_at = NULL WHERE id = :id`,
      { id, now: Date.now() },
    );
    // leave nothing behind
    await p(`DELETE FROM announcement_deliveries WHERE announcement_id = :id`, {
      id,
    });
    await p(`DELETE FROM announcements WHERE id = :id`, { id });
    if (notify) await cleanNotifications(scope);
  };

  return {
    catalogLookup,
    /** the whole publish in SQL: lookups, delivery writes, notifications SQL */
    pipeline: async () => deliveries(await catalogLookup(), true),
    /** the store's delivery writes alone */
    deliveries: async audience => deliveries(audience, false),
    /** 5,000 (the audience's) notification INSERTs alone, 10 in flight */
    notifyInserts: async audience => {
      const scope = `bench-floor:${randomUUID()}`;
      const users = [...audience.keys()];
      await inParallel(users, 10, user =>
        notificationsDb.q(
          `INSERT INTO notification (id, "user", origin, created, topic, link, title, description, severity, scope)
           VALUES (:id, :u, :o, :created, 'platform-product-announcements',
                   '/platform-news/floor', 'Floor: a release', 'Floor', 'normal', :s)`,
          {
            id: randomUUID(),
            u: user,
            o: 'plugin:platform-product',
            created: nowSql(engine),
            s: scope,
          },
        ),
      );
      await cleanNotifications(scope);
    },
  };
}

let aloneRuns = 0;

/**
 * The notifications backend alone: POST /api/notifications as a service to `users` (each
 * recipient: its settings, the scope, the insert, a signal), in requests of `chunk` recipients,
 * `parallel` of them in flight, one new scope; checks that each user got one notification.
 */
export async function notificationsAlone(
  { baseUrl, fetchJson, notificationsDb },
  users,
  { topic, chunk = 1000, parallel = Infinity },
) {
  const scope = `bench-floor-${Date.now()}-${aloneRuns++}`;
  const requests = [];
  for (let i = 0; i < users.length; i += chunk) {
    requests.push(users.slice(i, i + chunk));
  }
  await inParallel(requests, Math.min(parallel, requests.length), recipients =>
    fetchJson(`${baseUrl}/api/notifications`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer bench-notifications-floor-only',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          title: 'Bench floor',
          description: 'The notifications backend alone.',
          link: '/platform-news',
          topic,
          scope,
        },
      }),
      timeoutMs: 600_000,
    }),
  );
  const [{ count }] = await notificationsDb.q(
    `SELECT count(*) AS count FROM notification WHERE scope = :s`,
    { s: scope },
  );
  if (Number(count) !== users.length)
    throw new Error(`floor: ${count} notifications, expected ${users.length}`);
}

/** Runs fn `times` times one after the other; each run is one sample (ms). */
export async function timed(label, times, fn, { log, otherCores }) {
  const samples = [];
  const t0 = performance.now();
  let other = 0;
  for (let i = 0; i < times; i++) {
    const { result: ms, otherCpuCores } = await otherCores(async () => {
      const t = performance.now();
      await fn(i);
      return performance.now() - t;
    });
    other = Math.max(other, otherCpuCores ?? 0);
    samples.push(ms);
    log(`  ${label} ${i + 1}/${times}: ${round(ms)} ms`);
  }
  return summarize(samples, performance.now() - t0, {
    failures: 0,
    otherCpuCores: round(other),
  });
}

/** @type {import('./index.mjs').Scenario} */
export const announcementsPublish = {
  name: 'announcements-publish',
  group: 'announcements',
  description: `POST a product announcement delivered to ${AUDIENCE} users (${TEAMS} adopting teams x ${MEMBERS} members${
    FOLLOWERS ? ` + ${FOLLOWERS} followers` : ''
  }), until every notification is handed to the notifications backend`,
  entities: publishEntities,
  // readiness: the adoption of the product shows every team (the route measured is the POST)
  request: {
    method: 'GET',
    path: `/api/platform-product/adoption?productRef=${q(PUBLISH_REF)}`,
  },
  async prepare({ pluginDb }) {
    if (FOLLOWERS) {
      await pluginDb.insertRows(
        'product_follows',
        { product_ref: 'text', user_ref: 'text', created_at: 'bigint' },
        Array.from({ length: FOLLOWERS }, (_, f) => [
          PUBLISH_REF,
          followerRef(f),
          Date.now(),
        ]),
      );
    }
    return {
      teams: TEAMS,
      members: MEMBERS,
      followers: FOLLOWERS,
      audience: AUDIENCE,
    };
  },
  check(body) {
    const problems = [];
    if (body?.teamCount !== TEAMS)
      problems.push(`teamCount ${body?.teamCount}`);
    if (body?.consumerCount !== TEAMS * 2)
      problems.push(`consumerCount ${body?.consumerCount}`);
    return problems;
  },
  async measure(ctx) {
    const { baseUrl, token, fetchJson, pluginDb, engine, log } = ctx;
    const notificationsDb = await ctx.openDb('notifications');
    try {
      const details = [];
      log(
        `announcements-publish: ${PUBLISHES} posts, one after the other, each to ${AUDIENCE} users`,
      );
      const route = await timed(
        'publish',
        PUBLISHES,
        async n => {
          const t0 = performance.now();
          const post = await fetchJson(
            `${baseUrl}/api/platform-product/announcements`,
            {
              method: 'POST',
              headers: {
                Authorization: `Bearer ${token}`,
                'content-type': 'application/json',
              },
              body: JSON.stringify({
                productRef: PUBLISH_REF,
                type: 'release',
                title: `Bench release ${n + 1}`,
                summary: 'What the release means for your team.',
                body: 'Details of the release.',
                tags: ['bench'],
              }),
              timeoutMs: 600_000,
            },
          );
          const tPost = performance.now() - t0;
          // delivered: the post's delivered_at set, every recipient notified
          let row;
          for (;;) {
            [row] = await pluginDb.q(
              `SELECT created_at, audience_recorded_at, delivered_at,
                 (SELECT count(*) FROM announcement_deliveries d WHERE d.announcement_id = a.id) AS recipients,
                 (SELECT count(*) FROM announcement_deliveries d WHERE d.announcement_id = a.id
                    AND d.notified_at IS NULL) AS pending
               FROM announcements a WHERE id = :id`,
              { id: post.id },
            );
            if (row.delivered_at !== null && Number(row.pending) === 0) break;
            if (performance.now() - t0 > 600_000)
              throw new Error(`post ${post.id} not delivered after 10 minutes`);
            await sleep(20);
          }
          const ms = performance.now() - t0;
          const [{ count }] = await notificationsDb.q(
            `SELECT count(*) AS count FROM notification WHERE scope = :s`,
            { s: `platform-product:announcement:${post.id}` },
          );
          if (Number(row.recipients) !== AUDIENCE || Number(count) !== AUDIENCE)
            throw new Error(
              `post ${post.id}: ${row.recipients} recipients, ${count} notifications; expected ${AUDIENCE}`,
            );
          const created = Number(row.created_at);
          details.push({
            id: post.id,
            totalMs: round(ms),
            postMs: round(tPost),
            audienceMs: Number(row.audience_recorded_at) - created,
            notifyMs:
              Number(row.delivered_at) - Number(row.audience_recorded_at),
            notifications: Number(count),
            notificationsPerSecond: round((Number(count) * 1000) / ms, 1),
          });
        },
        ctx,
      );
      const floors = publishFloors({
        catalogDb: ctx.catalogDb,
        pluginDb,
        notificationsDb,
        engine,
      });
      const audience = await floors.catalogLookup();
      if (audience.size !== AUDIENCE)
        throw new Error(`raw audience ${audience.size}, expected ${AUDIENCE}`);
      const raw = await timed(
        'floor: the publish in SQL',
        PUBLISHES,
        floors.pipeline,
        ctx,
      );
      const catalog = await timed(
        'floor: catalog lookups',
        PUBLISHES,
        floors.catalogLookup,
        ctx,
      );
      const writes = await timed(
        'floor: delivery writes',
        PUBLISHES,
        () => floors.deliveries(audience),
        ctx,
      );
      const inserts = await timed(
        `floor: ${AUDIENCE} notification INSERTs`,
        PUBLISHES,
        () => floors.notifyInserts(audience),
        ctx,
      );
      // the notifications backend alone: the same users in requests of 1,000 (its JSON body
      // limit is 100 kB), all at once
      const backendAlone = await timed(
        `floor: the notifications backend alone, ${AUDIENCE} users`,
        PUBLISHES,
        () =>
          notificationsAlone(
            { baseUrl, fetchJson, notificationsDb },
            [...audience.keys()],
            { topic: 'platform-product-announcements' },
          ),
        ctx,
      );
      const throttle = notificationsThrottle();
      const mean = a => a.reduce((s, x) => s + x, 0) / a.length;
      const summary = {
        audience: AUDIENCE,
        source: `${TEAMS} teams x ${MEMBERS} members from the catalog${
          FOLLOWERS ? `, ${FOLLOWERS} followers (SQL)` : ''
        }`,
        publishMs: round(mean(details.map(d => d.totalMs))),
        audienceMs: round(mean(details.map(d => d.audienceMs))),
        notifyMs: round(mean(details.map(d => d.notifyMs))),
        notificationsPerSecond: round(
          mean(details.map(d => d.notificationsPerSecond)),
          1,
        ),
        throttle,
        throttleBoundMs: round((AUDIENCE * 1000) / throttle.perSecond),
      };
      return {
        custom: true,
        route,
        raw,
        'catalog-lookups': catalog,
        'delivery-writes': writes,
        'notification-inserts': inserts,
        'notifications-backend-alone': backendAlone,
        publishes: details,
        summary,
        lines: [
          `${AUDIENCE} recipients (${summary.source}): publish ${round(
            summary.publishMs / 1000,
            2,
          )} s = ${
            summary.notificationsPerSecond
          } notifications/s (audience lookup ${round(
            summary.audienceMs / 1000,
            2,
          )} s, notifications ${round(summary.notifyMs / 1000, 2)} s); ` +
            `notifications backend throttle ${throttle.limit} per ${
              throttle.intervalMs
            } ms = ${throttle.perSecond}/s bounds it at ${round(
              summary.throttleBoundMs / 1000,
              2,
            )} s; ` +
            `floors (p50): the notifications backend alone ${round(
              backendAlone.p50 / 1000,
              2,
            )} s, all its SQL ${round(
              raw.p50 / 1000,
              2,
            )} s, catalog lookups ${round(
              catalog.p50,
            )} ms, delivery writes ${round(
              writes.p50,
            )} ms, ${AUDIENCE} notification INSERTs ${round(inserts.p50)} ms`,
        ],
      };
    } finally {
      await notificationsDb.close();
    }
  },
  raw: { db: 'plugin', floor: () => async () => undefined },
};

export const announcementScenarios = [
  announcementsList,
  announcementsListProduct,
  announcementsGet,
  announcementsListBig,
  announcementsListProductBig,
  announcementsPublish,
];
