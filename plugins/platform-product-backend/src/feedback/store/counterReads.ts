import { NpsCounts } from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { countOf } from '../../shared/sql';
import { PostMetrics, PostQuery } from '../FeedbackStore';
import { medianResponseTime } from './responseTimes';

/** Reads of the aggregates kept on write (see counters.ts): sums over their shards. */

/** The number of matching posts from the per-product counts: no row scan. */
export async function countPosts(db: Knex, query: PostQuery): Promise<number> {
  const counts = db('feedback_post_counts').where(
    'product_ref',
    query.productRef,
  );
  if (query.type) counts.where('type', query.type);
  if (query.status) counts.where('status', query.status);
  if (!query.includeHidden) counts.where('hidden', false);
  return countOf(await counts.sum({ count: 'count' }));
}

export async function npsByMonth(
  db: Knex,
  productRef: string,
  months: string[],
): Promise<Array<NpsCounts & { month: string }>> {
  const rows: Array<Record<string, string | number>> = await db(
    'feedback_nps_months',
  )
    .where('product_ref', productRef)
    .whereIn('month', months)
    .groupBy('month')
    .select('month')
    .sum({
      promoters: 'promoters',
      passives: 'passives',
      detractors: 'detractors',
    });
  const byMonth = new Map(rows.map(row => [String(row.month), row]));
  return months.map(month => {
    const row = byMonth.get(month);
    return {
      month,
      promoters: Number(row?.promoters ?? 0),
      passives: Number(row?.passives ?? 0),
      detractors: Number(row?.detractors ?? 0),
    };
  });
}

export async function postMetrics(
  db: Knex,
  productRef: string,
  options: { months: string[]; untriagedBefore: number },
): Promise<PostMetrics> {
  // untriaged: new posts of the months before the cutoff's month, of its days before the
  // cutoff's day, and of that day before the cutoff (at most a day of posts to count)
  const cutoff = new Date(options.untriagedBefore).toISOString();
  const cutoffMonth = cutoff.slice(0, 7);
  const cutoffDay = cutoff.slice(0, 10);
  const monthRows = () =>
    db('feedback_post_months').where('product_ref', productRef);
  const [[row], months] = await Promise.all([
    db.select({
      posts: monthRows().whereIn('month', options.months).sum('posts'),
      replied: monthRows().whereIn('month', options.months).sum('replied'),
      newBefore: monthRows().where('month', '<', cutoffMonth).sum('new_posts'),
      newDaysBefore: db('feedback_post_days')
        .where('product_ref', productRef)
        .andWhere('day', '>=', `${cutoffMonth}-01`)
        .andWhere('day', '<', cutoffDay)
        .sum('new_posts'),
      newOnDay: db('feedback_posts')
        .where({ product_ref: productRef, status: 'new', hidden: false })
        .andWhere('created_at', '>=', Date.parse(`${cutoffDay}T00:00:00Z`))
        .andWhere('created_at', '<', options.untriagedBefore)
        .count('*'),
    }),
    db('feedback_response_times')
      .where('product_ref', productRef)
      .whereIn('month', options.months)
      .pluck('buckets') as Promise<string[]>,
  ]);
  const number = (value: unknown) => Number(value ?? 0);
  return {
    posts: number(row.posts),
    postsWithTeamReply: number(row.replied),
    medianFirstResponseMs: medianResponseTime(months),
    untriaged:
      number(row.newBefore) + number(row.newDaysBefore) + number(row.newOnDay),
  };
}
