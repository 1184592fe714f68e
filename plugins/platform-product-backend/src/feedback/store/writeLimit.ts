import { Knex } from 'knex';
import { identifier, Sql } from '../../shared/sql';
import { WriteLimit } from '../FeedbackStore';

/** The author's ratings and posts since `since`, counted no further than `atMost`. */
function recentCount(authorHash: string, limit: WriteLimit): Sql {
  // with the limit in each subquery, it reads no more index entries than that per table,
  // however much the author wrote
  const recent = (table: string) =>
    `(select count(*) from (select 1 from ${table} where author_hash = ? and created_at >= ? limit ?) ${table})`;
  const bindings = [authorHash, limit.since, limit.atMost];
  return {
    sql: `${recent('feedback_posts')} + ${recent('feedback_ratings')}`,
    bindings: [...bindings, ...bindings],
  };
}

/**
 * Inserts a new rating or post (returning `returning`) unless its author has reached the
 * limit: the count and the insert are one statement, one round trip.
 */
export function insertWithinLimit(
  table: 'feedback_ratings' | 'feedback_posts',
  row: Record<string, Knex.Value> & { author_hash: string },
  limit: WriteLimit | undefined,
  returning: string[],
): Sql {
  const columns = Object.keys(row).map(identifier);
  const values = Object.values(row);
  const placeholders = columns.map(() => '?').join(', ');
  const tail = `returning ${returning.join(', ')}`;
  if (!limit) {
    return {
      sql: `insert into ${table} (${columns.join(
        ', ',
      )}) values (${placeholders}) ${tail}`,
      bindings: values,
    };
  }
  const count = recentCount(row.author_hash, limit);
  return {
    sql: `insert into ${table} (${columns.join(
      ', ',
    )}) select ${placeholders} where ${count.sql} < ? ${tail}`,
    bindings: [...values, ...count.bindings, limit.atMost],
  };
}
