import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseFeedbackStore } from '../feedback/DatabaseFeedbackStore';
import { DatabaseRoadmapStore } from '../roadmap/DatabaseRoadmapStore';
import { NewRoadmapItem, StoredRoadmapItem } from '../roadmap/RoadmapStore';
import { migratedDatabase } from './database';
import { nextId, P, personKey } from './feedbackRows';

/** Roadmap rows for the store tests, on product P of feedbackRows. */
export const PM = 'user:default/pm';
export const T0 = Date.parse('2026-05-04T09:00:00Z');

export const writer = (at = T0) => ({ actor: PM, at });

export function item(extra: Partial<NewRoadmapItem> = {}): NewRoadmapItem {
  return {
    id: nextId(),
    productRef: P,
    title: 'An item',
    description: '',
    horizon: 'next',
    status: 'planned',
    targetQuarter: null,
    createdBy: PM,
    ...extra,
  };
}

/** Both stores on a migrated database of the engine, keyed by the test rows' author hashes. */
export async function roadmapStores(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  const knex = await migratedDatabase(databases, databaseId);
  return {
    knex,
    roadmap: DatabaseRoadmapStore.create(knex, { personKey }),
    feedback: DatabaseFeedbackStore.create(knex, { personKey }),
  };
}

/** Adds items with no limit on their number. */
export async function addItems(
  store: DatabaseRoadmapStore,
  items: NewRoadmapItem[],
): Promise<StoredRoadmapItem[]> {
  const added: StoredRoadmapItem[] = [];
  for (const one of items) {
    added.push(await store.createItem(one, () => {}, writer()));
  }
  return added;
}

/** The open items' ids per horizon, in order, from the rows. */
export async function columns(knex: Knex, productRef = P) {
  const rows = await knex('roadmap_items')
    .where('product_ref', productRef)
    .whereIn('status', ['exploring', 'planned', 'in-progress'])
    .orderBy('position')
    .select('id', 'horizon', 'position');
  const byHorizon: Record<string, string[]> = { now: [], next: [], later: [] };
  for (const row of rows) byHorizon[row.horizon].push(row.id);
  return {
    byHorizon,
    positions: Object.fromEntries(
      Object.keys(byHorizon).map(horizon => [
        horizon,
        rows
          .filter(row => row.horizon === horizon)
          .map(row => Number(row.position)),
      ]),
    ),
  };
}

/**
 * An item's demand as its rows say, counted from scratch (posts, their votes, distinct people
 * by author hash and the voters' hashes), beside the counters and weights kept on write.
 */
export async function demandOf(knex: Knex, itemId: string) {
  const posts = await knex('feedback_posts')
    .where('roadmap_item_id', itemId)
    .select('id', 'author_hash');
  const votes: Array<{ voter_ref: string }> = await knex('feedback_votes')
    .whereIn(
      'post_id',
      posts.map(post => post.id),
    )
    .select('voter_ref');
  const people = new Set([
    ...posts.map(post => post.author_hash),
    ...votes.map(vote => personKey(vote.voter_ref)),
  ]);
  const counters = await knex('roadmap_items')
    .where('id', itemId)
    .first('post_count', 'vote_count', 'people_count');
  const weighted = await knex('roadmap_item_people')
    .where('item_id', itemId)
    .andWhere('weight', '>', 0)
    .orderBy('person_hash')
    .pluck('person_hash');
  return {
    fromRows: {
      posts: posts.length,
      votes: votes.length,
      people: people.size,
      persons: [...people].sort(),
    },
    kept: {
      posts: Number(counters.post_count),
      votes: Number(counters.vote_count),
      people: Number(counters.people_count),
      persons: weighted,
    },
  };
}
