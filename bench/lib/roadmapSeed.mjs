/**
 * Bulk seeding of product roadmaps (platform-product plugin database) for the roadmap scenarios,
 * and their raw-SQL floors.
 *
 * The posts an item carries are feedback posts seeded by lib/feedbackSeed.mjs `seedPosts` (with
 * their votes and the feedback aggregates), each with its `roadmap_item_id` and the status the
 * item gives it (planned under an open item, done under a shipped one, acknowledged under a
 * dropped one). The roadmap's own rows hold what DatabaseRoadmapStore keeps on write (see the
 * migration 20261130000000_roadmap.js and src/roadmap/store/demand.ts), computed from the posts
 * as they were written:
 *   roadmap_items         post_count, vote_count (the linked posts' votes), people_count (the
 *                         distinct authors and voters), a dense position per horizon among the
 *                         open items, closed_at for shipped and dropped ones;
 *   roadmap_item_people   per item one row per person with their weight (posts written plus
 *                         votes given among the item's posts), keyed by the feedback author hash
 *                         (the backend's HMAC: hashOf), anonymous authors included;
 *   roadmap_item_history  per item its create, one link per post and its ship or drop;
 *   roadmap_products      updated_at: the item's last change (lastUpdatedAt).
 * PostgreSQL: VACUUM ANALYZE after loading, as autovacuum would soon do.
 */
import { randomUUID } from 'node:crypto';
import { hashOf, seedPosts, vacuum } from './feedbackSeed.mjs';

export const PM = 'user:default/bench-user';
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const OPEN = ['exploring', 'planned', 'in-progress'];
const LINKED_POST_COLUMNS =
  'id, roadmap_item_id, entity_ref, type, title, status, vote_count';

const DESCRIPTION = `Teams asked for this in feedback more than for anything else this quarter.

- what changes for your builds and deployments
- what you need to do (usually nothing)

See the linked requests below, and tell us in #platform-help what is missing.`;

/**
 * The k-th item of a 200-item roadmap: one in 20 dropped, one in 10 shipped, the others open,
 * in now (in progress), next (planned) or later (exploring).
 */
const STATUS_OF_HORIZON = {
  now: 'in-progress',
  next: 'planned',
  later: 'exploring',
};

/** The columns of a roadmap item that every seed writes (counters and closing come on top). */
export const ROADMAP_ITEM_COLUMNS = {
  id: 'text',
  product_ref: 'text',
  title: 'text',
  description: 'text',
  horizon: 'text',
  position: 'int',
  status: 'text',
  target_quarter: 'text',
  created_by: 'text',
  created_at: 'bigint',
  updated_at: 'bigint',
};

export function itemShape(k) {
  const horizon = ['now', 'next', 'next', 'later', 'later', 'later'][k % 6];
  let status = STATUS_OF_HORIZON[horizon];
  if (k % 20 === 19) status = 'dropped';
  else if (k % 10 === 4) status = 'shipped';
  return { horizon, status };
}

/** The status an item's status gives the posts it carries (as linking, shipping and dropping do). */
const postStatusUnder = status =>
  ({ shipped: 'done', dropped: 'acknowledged' }[status] ?? 'planned');

/**
 * A roadmap of `items` items for `productRef`, carrying `posts` feedback posts (post i by item
 * `itemOf(i)`) by `users` users; `maxVotes` and `voters` as seedPosts takes them, `shape(k)` the
 * item's horizon and status. Returns what the route must show: per item its id, status and
 * demand, and the roadmap's lastUpdatedAt.
 */
export async function seedRoadmap(
  db,
  {
    productRef,
    items: count,
    posts,
    users,
    itemOf,
    maxVotes,
    voters,
    shape = itemShape,
  },
) {
  const now = Date.now();
  const items = Array.from({ length: count }, (_, k) => ({
    k,
    id: randomUUID(),
    ...shape(k),
    createdAt: now - 150 * DAY + k * HOUR,
    posts: 0,
    votes: 0,
    topVotes: 0,
    weights: new Map(),
    links: [], // [postId, postCreatedAt]
  }));
  const feedback = await seedPosts(db, {
    productRef,
    posts,
    users,
    maxVotes,
    voters,
    status: i => postStatusUnder(items[itemOf(i)].status),
    roadmapItem: i => items[itemOf(i)].id,
    onPost: ({ i, id, createdAt, authorHash, voterRefs }) => {
      const item = items[itemOf(i)];
      item.posts += 1;
      item.votes += voterRefs.length;
      item.topVotes = Math.max(item.topVotes, voterRefs.length);
      for (const person of [authorHash, ...voterRefs.map(hashOf)]) {
        item.weights.set(person, (item.weights.get(person) ?? 0) + 1);
      }
      item.links.push([id, createdAt]);
    },
  });

  const positions = { now: 0, next: 0, later: 0 };
  const itemRows = [];
  const peopleRows = [];
  const historyRows = [];
  let lastUpdatedAt = 0;
  for (const item of items) {
    const open = OPEN.includes(item.status);
    // the status before it closed: its horizon's
    const openStatus = open ? item.status : STATUS_OF_HORIZON[item.horizon];
    const position = open ? positions[item.horizon]++ : 0;
    const title = `Roadmap item ${item.k}: what teams asked for`;
    const targetQuarter =
      item.horizon === 'later' ? null : `2027-Q${1 + (item.k % 4)}`;
    historyRows.push([
      item.id,
      'create',
      PM,
      item.createdAt,
      JSON.stringify(
        [
          ['title', title],
          ['description', DESCRIPTION],
          ['horizon', item.horizon],
          ['position', position],
          ['status', openStatus],
          ['targetQuarter', targetQuarter],
        ]
          .filter(([, to]) => to !== null)
          .map(([field, to]) => ({ field, to })),
      ),
    ]);
    // each post linked a minute after the item or the post came, whichever is later
    let updatedAt = item.createdAt;
    const links = item.links
      .map(([postId, created]) => [
        postId,
        Math.min(now - 2, Math.max(item.createdAt, created) + MINUTE),
      ])
      .sort((a, b) => a[1] - b[1]);
    for (const [postId, at] of links) {
      historyRows.push([
        item.id,
        'link',
        PM,
        at,
        JSON.stringify([{ field: 'link', to: postId }]),
      ]);
      updatedAt = Math.max(updatedAt, at);
    }
    let closedAt = null;
    if (!open) {
      closedAt = Math.min(now - 1, updatedAt + HOUR);
      updatedAt = closedAt;
      historyRows.push([
        item.id,
        item.status === 'shipped' ? 'ship' : 'drop',
        PM,
        closedAt,
        JSON.stringify([
          { field: 'status', from: openStatus, to: item.status },
        ]),
      ]);
    }
    lastUpdatedAt = Math.max(lastUpdatedAt, updatedAt);
    Object.assign(item, { title, updatedAt, people: item.weights.size });
    for (const [person, weight] of item.weights) {
      peopleRows.push([item.id, person, weight]);
    }
    itemRows.push([
      item.id,
      productRef,
      title,
      DESCRIPTION,
      item.horizon,
      position,
      item.status,
      targetQuarter,
      PM,
      item.createdAt,
      updatedAt,
      closedAt,
      item.posts,
      item.votes,
      item.people,
    ]);
  }
  await db.insertRows(
    'roadmap_items',
    {
      ...ROADMAP_ITEM_COLUMNS,
      closed_at: 'bigint',
      post_count: 'int',
      vote_count: 'int',
      people_count: 'int',
    },
    itemRows,
  );
  await db.insertRows(
    'roadmap_item_people',
    { item_id: 'text', person_hash: 'text', weight: 'int' },
    peopleRows,
  );
  await db.insertRows(
    'roadmap_item_history',
    {
      item_id: 'text',
      action: 'text',
      actor: 'text',
      at: 'bigint',
      changes: 'text',
    },
    historyRows,
  );
  await db.insertRows(
    'roadmap_products',
    { product_ref: 'text', updated_at: 'bigint' },
    [[productRef, lastUpdatedAt]],
  );
  await vacuum(db, [
    'roadmap_items',
    'roadmap_item_people',
    'roadmap_item_history',
    'roadmap_products',
  ]);
  return {
    posts: feedback.posts,
    votes: feedback.votes,
    peopleRows: peopleRows.length,
    historyRows: historyRows.length,
    lastUpdatedAt,
    items: items.map(
      ({ weights: _w, links: _l, createdAt: _c, ...item }) => item,
    ),
  };
}

// ---- raw floors ------------------------------------------------------------------------------

/**
 * GET /roadmap's SQL (DatabaseRoadmapStore): the product's items and its last update, in
 * parallel, then the top 5 visible posts of each item that carries posts: PostgreSQL one
 * statement (the items as an array, a lateral index range each), SQLite a union of the ranges,
 * 100 items a statement.
 */
export function roadmapFloor(q, db, productRef) {
  const top = item => `SELECT ${LINKED_POST_COLUMNS} FROM feedback_posts
    WHERE roadmap_item_id = ${item} AND hidden = false
    ORDER BY vote_count DESC, id ASC LIMIT 5`;
  const union = Array.from(
    { length: 100 },
    (_, i) => `SELECT * FROM (${top(`:i${i}`)}) AS top${i}`,
  );
  return async () => {
    const [items, [product]] = await Promise.all([
      q(`SELECT * FROM roadmap_items WHERE product_ref = :p`, {
        p: productRef,
      }),
      q(
        `SELECT updated_at FROM roadmap_products WHERE product_ref = :p LIMIT 1`,
        { p: productRef },
      ),
    ]);
    const ids = items.filter(r => Number(r.post_count) > 0).map(r => r.id);
    let posts = [];
    if (db.engine === 'postgres') {
      posts = await q(
        `SELECT top.* FROM unnest(:ids::text[]) AS item(id)
         CROSS JOIN LATERAL (${top('item.id')}) top`,
        { ids },
      );
    } else {
      for (let start = 0; start < ids.length; start += 100) {
        const part = ids.slice(start, start + 100);
        posts.push(
          ...(await q(
            union.slice(0, part.length).join(' UNION ALL '),
            Object.fromEntries(part.map((id, i) => [`i${i}`, id])),
          )),
        );
      }
    }
    return { items, lastUpdatedAt: Number(product?.updated_at), posts };
  };
}

/**
 * The ship's transaction (DatabaseRoadmapStore.updateItem with status shipped), on the plugin's
 * database: the item's product locked, the item and the open order read, the item closed, its
 * linked posts read (locked on PostgreSQL) and moved to done 500 a statement, the post counts by
 * type and status moved, a history row, the product's last change. Returns the posts moved.
 */
export async function shipSql(db, itemId) {
  const from = ['new', 'acknowledged', 'planned', 'in-progress'];
  const to = 'done';
  const now = Date.now();
  return db.transaction(async q => {
    const [{ product_ref: p }] = await q(
      `SELECT product_ref FROM roadmap_items WHERE id = :id LIMIT 1`,
      { id: itemId },
    );
    await q(
      `INSERT INTO roadmap_products (product_ref, updated_at) VALUES (:p, :now)
       ON CONFLICT (product_ref) DO UPDATE SET updated_at = roadmap_products.updated_at`,
      { p, now },
    );
    const [item] = await q(
      `SELECT * FROM roadmap_items WHERE id = :id LIMIT 1`,
      {
        id: itemId,
      },
    );
    await q(
      `SELECT id, horizon, position FROM roadmap_items WHERE product_ref = :p
       AND status IN :open ORDER BY position ASC, id ASC`,
      { p, open: OPEN },
    );
    await q(
      `UPDATE roadmap_items SET title = :title, description = :description, horizon = :horizon,
         position = :position, status = :status, target_quarter = :quarter, updated_at = :now,
         closed_at = :closed WHERE id = :id`,
      {
        id: itemId,
        title: item.title,
        description: item.description,
        horizon: item.horizon,
        position: item.position,
        status: 'shipped',
        quarter: item.target_quarter,
        now,
        closed: now,
      },
    );
    const posts = await q(
      `SELECT * FROM feedback_posts WHERE roadmap_item_id = :id AND status IN :from${
        db.engine === 'postgres' ? ' FOR UPDATE' : ''
      }`,
      { id: itemId, from },
    );
    const moving = posts.filter(post => post.status !== to);
    for (let start = 0; start < moving.length; start += 500) {
      await q(
        `UPDATE feedback_posts SET status = :to, duplicate_of = NULL, updated_at = :now
         WHERE id IN :ids`,
        { to, now, ids: moving.slice(start, start + 500).map(post => post.id) },
      );
    }
    const counts = new Map(); // type|status|hidden -> delta
    for (const post of moving) {
      for (const [s, delta] of [
        [post.status, -1],
        [to, 1],
      ]) {
        const key = [post.product_ref, post.type, s, post.hidden].join('|');
        counts.set(key, [post, s, (counts.get(key)?.[2] ?? 0) + delta]);
      }
    }
    for (const [post, s, delta] of counts.values()) {
      await q(
        `INSERT INTO feedback_post_counts (product_ref, type, status, hidden, shard, count)
         VALUES (:p, :type, :status, :hidden, :shard, :delta)
         ON CONFLICT (product_ref, type, status, hidden, shard)
         DO UPDATE SET count = feedback_post_counts.count + excluded.count`,
        {
          p: post.product_ref,
          type: post.type,
          status: s,
          hidden: post.hidden,
          shard: Math.floor(Math.random() * 8),
          delta,
        },
      );
    }
    await q(
      `INSERT INTO roadmap_item_history (item_id, action, actor, at, changes)
       VALUES (:id, :action, :actor, :now, :changes)`,
      {
        id: itemId,
        action: 'ship',
        actor: PM,
        now,
        changes: JSON.stringify([
          { field: 'status', from: item.status, to: 'shipped' },
        ]),
      },
    );
    await q(
      `UPDATE roadmap_products SET updated_at = :now WHERE product_ref = :p`,
      { p, now },
    );
    return moving.length;
  });
}

/**
 * The people the notifier reads once the ship is written (peopleOf): the named authors
 * and the voters of the item's posts, distinct, and the anonymous authors' encrypted refs.
 */
export function peopleSql(q, itemId) {
  return Promise.all([
    q(
      `SELECT author_ref AS ref FROM feedback_posts
       WHERE roadmap_item_id = :id AND anonymous = false
       UNION
       SELECT v.voter_ref AS ref FROM feedback_votes v
       JOIN feedback_posts p ON p.id = v.post_id WHERE p.roadmap_item_id = :id`,
      { id: itemId },
    ),
    q(
      `SELECT author_ref_encrypted FROM feedback_posts WHERE roadmap_item_id = :id
       AND anonymous = true AND author_ref_encrypted IS NOT NULL`,
      { id: itemId },
    ),
  ]);
}
