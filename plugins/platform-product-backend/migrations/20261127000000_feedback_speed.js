// @ts-check

/**
 * Feedback speed: the post metrics of GET /feedback/stats (posts and team replies of the
 * window, median time to the first team reply, untriaged posts) come from aggregates kept
 * up to date on write, like the NPS counters, instead of scanning the window's posts; and
 * the first page by votes of a product's visible posts is an index range scan.
 *
 * Only visible (not hidden) posts count. Months and days are the post's creation time (UTC).
 * Counter rows are sharded as in 20261126000000_feedback.js (a random shard per write,
 * summed on read). Existing posts are counted once here, into shard 0.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('feedback_post_months', table => {
    table.comment(
      'Visible posts of a product per creation month: how many, how many the team replied to, how many are still new',
    );
    table.string('product_ref', 255).notNullable();
    table.string('month', 7).notNullable().comment('UTC, YYYY-MM');
    table.smallint('shard').notNullable();
    table.integer('posts').notNullable().defaultTo(0);
    table.integer('replied').notNullable().defaultTo(0);
    table.integer('new_posts').notNullable().defaultTo(0);
    table.primary(['product_ref', 'month', 'shard']);
  });

  await knex.schema.createTable('feedback_post_days', table => {
    table.comment(
      'Visible posts of a product still new, per creation day: untriaged posts in the month the 14-day cutoff falls in',
    );
    table.string('product_ref', 255).notNullable();
    table.string('day', 10).notNullable().comment('UTC, YYYY-MM-DD');
    table.smallint('shard').notNullable();
    table.integer('new_posts').notNullable().defaultTo(0);
    table.primary(['product_ref', 'day', 'shard']);
  });

  await knex.schema.createTable('feedback_response_times', table => {
    table.comment(
      'Histogram of the time from a visible post to its first team reply, per creation month: the median without scanning posts',
    );
    table.string('product_ref', 255).notNullable();
    table.string('month', 7).notNullable();
    table
      .text('buckets')
      .notNullable()
      .comment(
        'JSON object: bucket -> count; buckets are 0.1 hour steps up to 5 hours, then steps of 2%',
      );
    table.primary(['product_ref', 'month']);
  });

  // what everyone but moderators sees, by votes: hidden is part of the range, not a filter
  await knex.raw(
    'CREATE INDEX feedback_posts_visible_votes_idx ON feedback_posts (product_ref, hidden, vote_count DESC, id)',
  );

  await backfill(knex);
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('DROP INDEX feedback_posts_visible_votes_idx');
  await knex.schema.dropTable('feedback_response_times');
  await knex.schema.dropTable('feedback_post_days');
  await knex.schema.dropTable('feedback_post_months');
};

const HOUR = 3_600_000;
const FINE_STEP = HOUR / 10;
const FINE_UNTIL = 5 * HOUR;
const FINE_BUCKETS = FINE_UNTIL / FINE_STEP;

/**
 * The same as `responseBucket` in src/feedback/DatabaseFeedbackStore.ts at the time of writing.
 *
 * @param {number} ms
 */
function responseBucket(ms) {
  const value = Math.max(0, ms);
  if (value <= FINE_UNTIL) return Math.round(value / FINE_STEP);
  return (
    FINE_BUCKETS + Math.round(Math.log(value / FINE_UNTIL) / Math.log(1.02))
  );
}

/**
 * Counts the visible posts already there, a page at a time.
 *
 * @param {import('knex').Knex} knex
 */
async function backfill(knex) {
  /** @type {Map<string, {product_ref: string, month: string, shard: number, posts: number, replied: number, new_posts: number}>} */
  const months = new Map();
  /** @type {Map<string, {product_ref: string, day: string, shard: number, new_posts: number}>} */
  const days = new Map();
  /** @type {Map<string, {product_ref: string, month: string, buckets: Record<number, number>}>} */
  const times = new Map();
  let after = '';
  for (;;) {
    const page = await knex('feedback_posts')
      .where('hidden', false)
      .andWhere('id', '>', after)
      .orderBy('id')
      .limit(5000)
      .select(
        'id',
        'product_ref',
        'status',
        'created_at',
        'first_team_reply_at',
      );
    if (!page.length) break;
    after = page[page.length - 1].id;
    for (const post of page) {
      const productRef = post.product_ref;
      const created = new Date(Number(post.created_at)).toISOString();
      const month = created.slice(0, 7);
      const day = created.slice(0, 10);
      const isNew = post.status === 'new';
      const replied = post.first_team_reply_at !== null;

      const monthKey = `${productRef} ${month}`;
      const monthRow = months.get(monthKey) ?? {
        product_ref: productRef,
        month,
        shard: 0,
        posts: 0,
        replied: 0,
        new_posts: 0,
      };
      monthRow.posts += 1;
      if (replied) monthRow.replied += 1;
      if (isNew) monthRow.new_posts += 1;
      months.set(monthKey, monthRow);

      if (isNew) {
        const dayKey = `${productRef} ${day}`;
        const dayRow = days.get(dayKey) ?? {
          product_ref: productRef,
          day,
          shard: 0,
          new_posts: 0,
        };
        dayRow.new_posts += 1;
        days.set(dayKey, dayRow);
      }

      if (replied) {
        const bucket = responseBucket(
          Number(post.first_team_reply_at) - Number(post.created_at),
        );
        const timeKey = `${productRef} ${month}`;
        const timeRow = times.get(timeKey) ?? {
          product_ref: productRef,
          month,
          buckets: /** @type {Record<number, number>} */ ({}),
        };
        timeRow.buckets[bucket] = (timeRow.buckets[bucket] ?? 0) + 1;
        times.set(timeKey, timeRow);
      }
    }
  }
  await knex.batchInsert('feedback_post_months', [...months.values()], 100);
  await knex.batchInsert('feedback_post_days', [...days.values()], 100);
  await knex.batchInsert(
    'feedback_response_times',
    [...times.values()].map(row => ({
      ...row,
      buckets: JSON.stringify(row.buckets),
    })),
    100,
  );
}
