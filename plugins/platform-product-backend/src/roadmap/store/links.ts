import { RoadmapItemSummary } from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { chunks } from '../../shared/chunks';
import { PostPeople, StoredLinkedPost } from '../RoadmapStore';
import { ItemRow, LinkedPostRow, toLinkedPost } from './rows';

/** Reads of the posts items carry: their top posts, their people, the items of posts. */

const LINKED_POST_COLUMNS = [
  'id',
  'roadmap_item_id',
  'entity_ref',
  'type',
  'title',
  'status',
  'vote_count',
];

/** An item's most voted visible posts: an index range (feedback_posts_roadmap_idx). */
function topOf(db: Knex, itemId: string | Knex.Raw, perItem: number) {
  return db('feedback_posts')
    .select(LINKED_POST_COLUMNS)
    .where({ roadmap_item_id: itemId, hidden: false })
    .orderBy([
      { column: 'vote_count', order: 'desc' },
      { column: 'id', order: 'asc' },
    ])
    .limit(perItem);
}

/**
 * The most voted visible posts of each item, at most `perItem` each: per item an index range
 * of `perItem` rows, nothing that grows with the votes. PostgreSQL takes the items as one
 * array, the range a lateral join (planned once: a union of 200 ranges costs more to plan than
 * to run); SQLite, which has no lateral join, a union of the ranges, 100 items a statement.
 */
export async function topLinkedPosts(
  db: Knex,
  postgres: boolean,
  itemIds: string[],
  perItem: number,
): Promise<StoredLinkedPost[]> {
  if (!itemIds.length) return [];
  if (postgres) {
    const top = topOf(db, db.raw('item.id'), perItem).toSQL();
    const { rows } = await db.raw(
      `select top.* from unnest(?::text[]) as item(id) cross join lateral (${top.sql}) top`,
      [itemIds, ...top.bindings],
    );
    return rows.map(toLinkedPost);
  }
  const rows: LinkedPostRow[][] = [];
  for (const part of chunks(itemIds, 100)) {
    // each range in a select of its own: SQLite takes no LIMIT on a union's parts
    const [first, ...rest] = part.map((itemId, i) =>
      db.select('*').from(topOf(db, itemId, perItem).as(`top${i}`)),
    );
    rows.push(await (rest.length ? first.unionAll(rest, false) : first));
  }
  return rows.flat().map(toLinkedPost);
}

/** The summary of each of these items, by id. */
export async function itemSummaries(
  db: Knex,
  itemIds: string[],
): Promise<Map<string, RoadmapItemSummary>> {
  const summaries = new Map<string, RoadmapItemSummary>();
  for (const part of chunks([...new Set(itemIds)], 500)) {
    const rows: Array<
      Pick<ItemRow, 'id' | 'title' | 'status' | 'horizon' | 'target_quarter'>
    > = await db('roadmap_items')
      .whereIn('id', part)
      .select('id', 'title', 'status', 'horizon', 'target_quarter');
    for (const row of rows) {
      summaries.set(row.id, {
        id: row.id,
        title: row.title,
        status: row.status as RoadmapItemSummary['status'],
        horizon: row.horizon as RoadmapItemSummary['horizon'],
        targetQuarter: row.target_quarter,
      });
    }
  }
  return summaries;
}

/**
 * The named authors and voters (distinct) and the anonymous authors of the posts an item
 * carries (`roadmap_item_id`), or of one post (`id`).
 */
export async function peopleOf(
  db: Knex,
  posts: { roadmap_item_id: string } | { id: string },
): Promise<PostPeople> {
  const [column, value] = Object.entries(posts)[0];
  const [named, anonymousAuthors] = await Promise.all([
    db
      .select({ ref: 'author_ref' })
      .from('feedback_posts')
      .where({ [column]: value, anonymous: false })
      .union(
        db
          .select({ ref: 'v.voter_ref' })
          .from({ v: 'feedback_votes' })
          .join({ p: 'feedback_posts' }, 'p.id', 'v.post_id')
          .where(`p.${column}`, value),
        false,
      )
      .then(rows => rows.map((row: { ref: string }) => row.ref)),
    db('feedback_posts')
      .where({ [column]: value, anonymous: true })
      .whereNotNull('author_ref_encrypted')
      .pluck('author_ref_encrypted'),
  ]);
  return { named, anonymousAuthors };
}
