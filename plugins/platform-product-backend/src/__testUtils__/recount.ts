import { Knex } from 'knex';
import { PersonKey } from '../roadmap/store/demand';

/**
 * Recounts every aggregate kept up to date on write from the rows it summarises, and compares:
 * vote and reply counts of posts, post counts per type/status/visibility, the post months and
 * days (visible posts, replied, still new), NPS months (over the latest ratings), the latest
 * ratings themselves (one per author and month, a score that author gave that month), and the
 * roadmap items' demand (linked posts, their votes, the people behind them and their weights).
 * Used by the concurrency tests and by reliability/ (against a backend's database).
 */
export type Recount = {
  /** how many aggregate values were compared, per aggregate */
  checked: Record<string, number>;
  /** every value that differs from its rows: empty when consistent */
  drift: Array<{
    aggregate: string;
    key: string;
    stored: unknown;
    recounted: unknown;
  }>;
};

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const band = (score: number) => {
  if (score >= 9) return 'promoters';
  return score >= 7 ? 'passives' : 'detractors';
};

export async function recountAggregates(
  db: Knex,
  personKey: PersonKey,
): Promise<Recount> {
  const checked: Recount['checked'] = {};
  const drift: Recount['drift'] = [];

  /** Compares two maps of key -> numbers (absent = all zero). */
  const compare = (
    aggregate: string,
    stored: Map<string, Record<string, number>>,
    recounted: Map<string, Record<string, number>>,
  ) => {
    const keys = new Set([...stored.keys(), ...recounted.keys()]);
    let n = 0;
    for (const key of keys) {
      const a = stored.get(key) ?? {};
      const b = recounted.get(key) ?? {};
      for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
        n += 1;
        if ((a[field] ?? 0) !== (b[field] ?? 0)) {
          drift.push({
            aggregate: `${aggregate}.${field}`,
            key,
            stored: a[field] ?? 0,
            recounted: b[field] ?? 0,
          });
        }
      }
    }
    checked[aggregate] = n;
  };
  const add = (
    map: Map<string, Record<string, number>>,
    key: string,
    field: string,
    by = 1,
  ) => {
    const row = map.get(key) ?? {};
    row[field] = (row[field] ?? 0) + by;
    map.set(key, row);
  };
  /** Sums a sharded counter table per key. */
  const sums = async (table: string, keys: string[], fields: string[]) => {
    const map = new Map<string, Record<string, number>>();
    const rows = await db(table).select([...keys, ...fields]);
    for (const row of rows) {
      const key = keys.map(k => String(row[k])).join(' ');
      for (const field of fields) add(map, key, field, Number(row[field]));
    }
    return map;
  };

  const posts: Array<{
    id: string;
    product_ref: string;
    type: string;
    status: string;
    hidden: unknown;
    author_hash: string;
    vote_count: number | string;
    reply_count: number | string;
    first_team_reply_at: number | string | null;
    created_at: number | string;
    roadmap_item_id: string | null;
  }> = await db('feedback_posts').select(
    'id',
    'product_ref',
    'type',
    'status',
    'hidden',
    'author_hash',
    'vote_count',
    'reply_count',
    'first_team_reply_at',
    'created_at',
    'roadmap_item_id',
  );
  const votes: Array<{ post_id: string; voter_ref: string }> = await db(
    'feedback_votes',
  ).select('post_id', 'voter_ref');
  const replies: Array<{ post_id: string }> = await db(
    'feedback_replies',
  ).select('post_id');

  // each post's vote and reply counts
  const postStored = new Map<string, Record<string, number>>();
  const postRecounted = new Map<string, Record<string, number>>();
  for (const post of posts) {
    postStored.set(post.id, {
      votes: Number(post.vote_count),
      replies: Number(post.reply_count),
    });
    postRecounted.set(post.id, { votes: 0, replies: 0 });
  }
  for (const vote of votes) add(postRecounted, vote.post_id, 'votes');
  for (const reply of replies) add(postRecounted, reply.post_id, 'replies');
  compare('feedback_posts', postStored, postRecounted);

  // posts per product, type, status and visibility; visible posts per month and day
  const counts = new Map<string, Record<string, number>>();
  const months = new Map<string, Record<string, number>>();
  const days = new Map<string, Record<string, number>>();
  for (const post of posts) {
    const hidden = Boolean(post.hidden);
    add(
      counts,
      [post.product_ref, post.type, post.status, hidden].join(' '),
      'count',
    );
    if (hidden) continue;
    const created = Number(post.created_at);
    const month = `${post.product_ref} ${monthOf(created)}`;
    add(months, month, 'posts');
    if (post.first_team_reply_at !== null) add(months, month, 'replied');
    if (post.status === 'new') {
      add(months, month, 'new_posts');
      add(days, `${post.product_ref} ${dayOf(created)}`, 'new_posts');
    }
  }
  const storedCounts = await sums(
    'feedback_post_counts',
    ['product_ref', 'type', 'status', 'hidden'],
    ['count'],
  );
  // SQLite keeps booleans as 0/1
  const normalised = new Map(
    [...storedCounts].map(([key, value]) => [
      key.replace(/ (0|1)$/, (_, b) => ` ${b === '1'}`),
      value,
    ]),
  );
  compare('feedback_post_counts', normalised, counts);
  compare(
    'feedback_post_months',
    await sums(
      'feedback_post_months',
      ['product_ref', 'month'],
      ['posts', 'replied', 'new_posts'],
    ),
    months,
  );
  compare(
    'feedback_post_days',
    await sums('feedback_post_days', ['product_ref', 'day'], ['new_posts']),
    days,
  );

  // latest ratings: one per author and month with a rating, holding a score they gave then
  const ratings: Array<{
    product_ref: string;
    author_hash: string;
    score: number | string;
    created_at: number | string;
  }> = await db('feedback_ratings').select(
    'product_ref',
    'author_hash',
    'score',
    'created_at',
  );
  const given = new Map<string, Set<number>>();
  for (const rating of ratings) {
    const key = `${rating.product_ref} ${monthOf(Number(rating.created_at))} ${
      rating.author_hash
    }`;
    const scores = given.get(key) ?? new Set<number>();
    scores.add(Number(rating.score));
    given.set(key, scores);
  }
  const latest: Array<{
    product_ref: string;
    month: string;
    author_hash: string;
    score: number | string;
  }> = await db('feedback_latest_ratings').select(
    'product_ref',
    'month',
    'author_hash',
    'score',
  );
  const latestStored = new Map<string, Record<string, number>>();
  const latestRecounted = new Map<string, Record<string, number>>();
  const nps = new Map<string, Record<string, number>>();
  for (const row of latest) {
    const key = `${row.product_ref} ${row.month} ${row.author_hash}`;
    const score = Number(row.score);
    latestStored.set(key, { rows: 1, scoreGiven: 1 });
    latestRecounted.set(key, {
      rows: given.has(key) ? 1 : 0,
      scoreGiven: given.get(key)?.has(score) ? 1 : 0,
    });
    add(nps, `${row.product_ref} ${row.month}`, band(score));
  }
  for (const key of given.keys()) {
    if (!latestStored.has(key)) latestRecounted.set(key, { rows: 1 });
  }
  compare('feedback_latest_ratings', latestStored, latestRecounted);
  compare(
    'feedback_nps_months',
    await sums(
      'feedback_nps_months',
      ['product_ref', 'month'],
      ['promoters', 'passives', 'detractors'],
    ),
    nps,
  );

  // roadmap demand: linked posts, their votes, each person's weight, the people with weight > 0
  const items: Array<{
    id: string;
    post_count: number | string;
    vote_count: number | string;
    people_count: number | string;
  }> = await db('roadmap_items').select(
    'id',
    'post_count',
    'vote_count',
    'people_count',
  );
  const votersOf = new Map<string, string[]>();
  for (const vote of votes) {
    const list = votersOf.get(vote.post_id) ?? [];
    list.push(vote.voter_ref);
    votersOf.set(vote.post_id, list);
  }
  const itemStored = new Map<string, Record<string, number>>();
  const itemRecounted = new Map<string, Record<string, number>>();
  const weights = new Map<string, Record<string, number>>();
  for (const item of items) {
    itemStored.set(item.id, {
      posts: Number(item.post_count),
      votes: Number(item.vote_count),
      people: Number(item.people_count),
    });
    itemRecounted.set(item.id, { posts: 0, votes: 0, people: 0 });
  }
  for (const post of posts) {
    if (!post.roadmap_item_id) continue;
    add(itemRecounted, post.roadmap_item_id, 'posts');
    add(weights, `${post.roadmap_item_id} ${post.author_hash}`, 'weight');
    for (const voter of votersOf.get(post.id) ?? []) {
      add(itemRecounted, post.roadmap_item_id, 'votes');
      add(weights, `${post.roadmap_item_id} ${personKey(voter)}`, 'weight');
    }
  }
  for (const key of weights.keys()) {
    add(itemRecounted, key.slice(0, key.indexOf(' ')), 'people');
  }
  compare('roadmap_items', itemStored, itemRecounted);
  const storedWeights = await sums(
    'roadmap_item_people',
    ['item_id', 'person_hash'],
    ['weight'],
  );
  for (const [key, value] of storedWeights) {
    if (value.weight === 0) storedWeights.delete(key);
  }
  compare('roadmap_item_people', storedWeights, weights);

  return { checked, drift };
}
