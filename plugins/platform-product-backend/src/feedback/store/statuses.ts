import { FeedbackStatus } from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { chunks } from '../../shared/chunks';
import { StoredPost } from '../FeedbackStore';
import { Counter, increment, postCount, postStatCounters } from './counters';

/** Counters with the same table and key (whatever their shard) as one, without the empty ones. */
function merged(counters: Counter[]): Counter[] {
  const byKey = new Map<string, Counter>();
  for (const counter of counters) {
    const { shard: _shard, ...key } = counter.key;
    const id = JSON.stringify([counter.table, key]);
    const sum = byKey.get(id);
    if (!sum) {
      byKey.set(id, { ...counter, deltas: { ...counter.deltas } });
      continue;
    }
    for (const [column, delta] of Object.entries(counter.deltas)) {
      sum.deltas[column] = Number(sum.deltas[column] ?? 0) + Number(delta);
    }
  }
  return [...byKey.values()].filter(counter =>
    Object.values(counter.deltas).some(delta => Number(delta) !== 0),
  );
}

/**
 * Moves posts (read under their row locks, in the caller's transaction) to a status with
 * the aggregates a status change moves: what updatePost does for one post, summed over many
 * (a shipped roadmap item moves thousands of posts to done at once). A status change moves
 * no response time (only hiding or a team reply do), so the histogram is left alone.
 * Returns the posts that changed, as they are now.
 */
export async function setPostStatuses(
  tx: Knex.Transaction,
  posts: StoredPost[],
  to: FeedbackStatus,
  updatedAt: number,
): Promise<StoredPost[]> {
  const moving = posts.filter(post => post.status !== to);
  for (const ids of chunks(
    moving.map(post => post.id),
    500,
  )) {
    await tx('feedback_posts')
      .whereIn('id', ids)
      .update({ status: to, duplicate_of: null, updated_at: updatedAt });
  }
  const moved = moving.map(post => ({
    ...post,
    status: to,
    duplicateOf: null,
    updatedAt,
  }));
  await increment(
    tx,
    merged([
      ...moving.flatMap(post => [
        postCount(post, -1),
        ...postStatCounters(post, -1),
      ]),
      ...moved.flatMap(post => [
        postCount(post, 1),
        ...postStatCounters(post, 1),
      ]),
    ]),
  );
  return moved;
}
