import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migrationsDir } from '../database/migrations';
import { DatabaseFeedbackStore } from './DatabaseFeedbackStore';
import {
  APRIL,
  HOUR,
  MARCH,
  nextId,
  P,
  post,
  rating,
  personKey,
} from '../__testUtils__/feedbackRows';

jest.setTimeout(60_000);

/** The same writes on any engine: every path that moves a counter. */
async function write(store: DatabaseFeedbackStore) {
  await store.addRating(rating('a', 10, MARCH));
  await store.addRating(rating('b', 7, MARCH));
  await store.addRating(rating('c', 0, MARCH));
  await store.addRating(rating('a', 3, MARCH + HOUR)); // promoter -> detractor
  await store.addRating(rating('b', 8, MARCH + HOUR)); // the same band
  await store.addRating(rating('a', 9, APRIL));
  const planned = await store.addPost(post({ entityRef: P }));
  const problem = await store.addPost(
    post({ type: 'problem', createdAt: MARCH + HOUR }),
  );
  const hidden = await store.addPost(
    post({ type: 'question', createdAt: APRIL }),
  );
  const deleted = await store.addPost(post({ createdAt: APRIL }));
  const official = (postId: string, createdAt: number) => ({
    id: nextId(),
    postId,
    authorRef: 'user:default/pm',
    authorHash: 'hash-pm',
    byPostAuthor: false,
    official: true,
    body: 'On it',
    createdAt,
  });
  await store.addReply(official(planned.id, MARCH + 3 * HOUR));
  const late = official(problem.id, MARCH + 30 * HOUR);
  await store.addReply(late);
  await store.updatePost(planned.id, {
    status: { from: 'new', to: 'planned' },
    updatedAt: MARCH + 4 * HOUR,
  });
  await store.updatePost(hidden.id, { hidden: true, updatedAt: APRIL + HOUR });
  await store.deleteReply(late.id);
  await store.deletePost(deleted.id);
  await store.addVote(planned.id, 'user:default/v');
}

/** Every aggregate, summed over its shards, zero rows left out. */
async function aggregates(knex: Knex) {
  const sums = async (table: string, keys: string[], values: string[]) => {
    const rows: Array<Record<string, unknown>> = await knex(table)
      .select(keys)
      .sum(Object.fromEntries(values.map(v => [v, v])))
      .groupBy(keys)
      .orderBy(keys);
    return rows
      .map(row =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => {
            if (values.includes(k)) return [k, Number(v)];
            return [k, k === 'hidden' ? Boolean(v) : v];
          }),
        ),
      )
      .filter(row => values.some(v => row[v] !== 0));
  };
  return {
    nps: await sums(
      'feedback_nps_months',
      ['product_ref', 'month'],
      ['promoters', 'passives', 'detractors'],
    ),
    latest: (
      await knex('feedback_latest_ratings')
        .select('month', 'author_hash', 'score', 'previous_score')
        .orderBy(['month', 'author_hash'])
    ).map(row => ({
      ...row,
      score: Number(row.score),
      previous_score:
        row.previous_score === null ? null : Number(row.previous_score),
    })),
    postCounts: await sums(
      'feedback_post_counts',
      ['product_ref', 'type', 'status', 'hidden'],
      ['count'],
    ),
    postMonths: await sums(
      'feedback_post_months',
      ['product_ref', 'month'],
      ['posts', 'replied', 'new_posts'],
    ),
    postDays: await sums(
      'feedback_post_days',
      ['product_ref', 'day'],
      ['new_posts'],
    ),
    responseTimes: (
      await knex('feedback_response_times')
        .select('month', 'buckets')
        .orderBy('month')
    ).map(row => ({ month: row.month, buckets: JSON.parse(row.buckets) })),
  };
}

describe('DatabaseFeedbackStore counters', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it('leave identical aggregates on every engine after the same writes', async () => {
    const results = [];
    for (const [databaseId] of databases.eachSupportedId()) {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      await write(DatabaseFeedbackStore.create(knex, { personKey }));
      results.push({ databaseId, aggregates: await aggregates(knex) });
    }
    const expected = {
      nps: [
        {
          product_ref: P,
          month: '2026-03',
          promoters: 0,
          passives: 1,
          detractors: 2,
        },
        {
          product_ref: P,
          month: '2026-04',
          promoters: 1,
          passives: 0,
          detractors: 0,
        },
      ],
      latest: [
        {
          month: '2026-03',
          author_hash: 'hash-a',
          score: 3,
          previous_score: 10,
        },
        {
          month: '2026-03',
          author_hash: 'hash-b',
          score: 8,
          previous_score: 7,
        },
        {
          month: '2026-03',
          author_hash: 'hash-c',
          score: 0,
          previous_score: null,
        },
        {
          month: '2026-04',
          author_hash: 'hash-a',
          score: 9,
          previous_score: null,
        },
      ],
      postCounts: [
        {
          product_ref: P,
          type: 'idea',
          status: 'planned',
          hidden: false,
          count: 1,
        },
        {
          product_ref: P,
          type: 'problem',
          status: 'new',
          hidden: false,
          count: 1,
        },
        {
          product_ref: P,
          type: 'question',
          status: 'new',
          hidden: true,
          count: 1,
        },
      ],
      postMonths: [
        {
          product_ref: P,
          month: '2026-03',
          posts: 2,
          replied: 1,
          new_posts: 1,
        },
      ],
      postDays: [{ product_ref: P, day: '2026-03-10', new_posts: 1 }],
      responseTimes: [{ month: '2026-03', buckets: { '30': 1 } }],
    };
    for (const result of results) {
      expect(result).toEqual({
        databaseId: result.databaseId,
        aggregates: expected,
      });
    }
  });
});
