import { RoadmapItemSummary } from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { chunks } from '../../shared/chunks';
import { PostPeople, StoredLinkedPost } from '../RoadmapStore';
import { ItemRow, LinkedPostRow, toLinkedPost } from './rows';

/** Reads of the posts items carry: their top posts, their people, the items of posts. */

/**
 * The most voted visible posts of each item, at most `perItem` each: per item an index range
 * (feedback_posts_roadmap_idx) of `perItem` rows, all of them in one statement per 100 items.
 * Nothing here grows with the votes.
 */
export async function topLinkedPosts(
  db: Knex,
  itemIds: string[],
  perItem: number,
): Promise<StoredLinkedPost[]> {
  const rows: LinkedPostRow[][] = [];
  for (const part of chunks(itemIds, 100)) {
    // each range wrapped in a select of its own: SQLite takes no LIMIT on a union's parts
    const ranges = part.map((itemId, i) =>
      db
        .select('*')
        .from(
          db('feedback_posts')
            .select(
              'id',
              'roadmap_item_id',
              'entity_ref',
              'type',
              'title',
              'status',
              'vote_count',
            )
            .where({ roadmap_item_id: itemId, hidden: false })
            .orderBy([
              { column: 'vote_count', order: 'desc' },
              { column: 'id', order: 'asc' },
            ])
            .limit(perItem)
            .as(`top${i}`),
        ),
    );
    const [first, ...rest] = ranges;
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
