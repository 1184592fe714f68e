// @ts-check

/**
 * Feedback: ratings (NPS) and posts (ideas, problems, questions, praise) with their
 * replies and votes, plus aggregates kept up to date on write so that stats and the
 * first page of a product's posts do not grow with the volume.
 *
 * Times are epoch milliseconds (bigint): the same on SQLite and PostgreSQL, and
 * differences (time to first reply) are plain arithmetic in SQL.
 * The counters are split into a few shards per key, each write adding to a random one and
 * reads summing them, so that concurrent writers on one product do not queue on one row.
 * Authors: `author_hash` is a keyed hash (HMAC) of the user ref, set for every item;
 * `author_ref` is null for anonymous items, whose author is kept only encrypted
 * (`author_ref_encrypted`, posts only) to address notifications.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('feedback_posts', table => {
    table.comment('Ideas, problems, questions and praise posted on a product');
    table.string('id', 36).primary();
    table.string('product_ref', 255).notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('the product or the part it was posted on');
    table.string('type', 16).notNullable();
    table.string('title', 200).notNullable();
    table.text('body');
    table.string('status', 16).notNullable();
    table.string('duplicate_of', 36);
    table.boolean('anonymous').notNullable();
    table.string('author_ref', 255).comment('null when anonymous');
    table.string('author_hash', 64).notNullable();
    table
      .text('author_ref_encrypted')
      .comment('anonymous posts only: to notify the author, never returned');
    table.integer('vote_count').notNullable().defaultTo(0);
    table.integer('reply_count').notNullable().defaultTo(0);
    table.bigInteger('first_team_reply_at');
    table.boolean('hidden').notNullable().defaultTo(false);
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.index(
      ['product_ref', 'created_at', 'id'],
      'feedback_posts_recent_idx',
    );
    table.index(
      ['product_ref', 'status', 'created_at'],
      'feedback_posts_status_idx',
    );
    table.index(['author_hash', 'created_at'], 'feedback_posts_author_idx');
  });
  // the first page by votes is an index range scan (keyset paging: vote_count desc, id)
  await knex.raw(
    'CREATE INDEX feedback_posts_votes_idx ON feedback_posts (product_ref, vote_count DESC, id)',
  );

  await knex.schema.createTable('feedback_post_counts', table => {
    table.comment(
      'Number of posts of a product per type, status and visibility: the totalCount of the list without counting rows',
    );
    table.string('product_ref', 255).notNullable();
    table.string('type', 16).notNullable();
    table.string('status', 16).notNullable();
    table.boolean('hidden').notNullable();
    table.smallint('shard').notNullable();
    table.integer('count').notNullable();
    table.primary(['product_ref', 'type', 'status', 'hidden', 'shard']);
  });

  await knex.schema.createTable('feedback_replies', table => {
    table.comment('The thread of a post');
    table.string('id', 36).primary();
    table
      .string('post_id', 36)
      .notNullable()
      .references('id')
      .inTable('feedback_posts')
      .onDelete('CASCADE');
    table
      .string('author_ref', 255)
      .comment('null when the anonymous author of the post replies');
    table.string('author_hash', 64).notNullable();
    table.boolean('by_post_author').notNullable();
    table
      .boolean('official')
      .notNullable()
      .comment('written by the product team');
    table.text('body').notNullable();
    table.bigInteger('created_at').notNullable();
    table.index(['post_id', 'created_at'], 'feedback_replies_post_idx');
  });

  await knex.schema.createTable('feedback_votes', table => {
    table.comment('One +1 per user and post');
    table
      .string('post_id', 36)
      .notNullable()
      .references('id')
      .inTable('feedback_posts')
      .onDelete('CASCADE');
    table.string('voter_ref', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table.primary(['post_id', 'voter_ref']);
  });

  await knex.schema.createTable('feedback_ratings', table => {
    table.comment('Every NPS rating ever given, as history');
    table.string('id', 36).primary();
    table.string('product_ref', 255).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.integer('score').notNullable();
    table.text('comment');
    table.boolean('anonymous').notNullable();
    table.string('author_ref', 255).comment('null when anonymous');
    table.string('author_hash', 64).notNullable();
    table.string('month', 7).notNullable().comment('UTC, YYYY-MM');
    table.bigInteger('created_at').notNullable();
    table.index(
      ['product_ref', 'created_at', 'id'],
      'feedback_ratings_recent_idx',
    );
    table.index(['author_hash', 'created_at'], 'feedback_ratings_author_idx');
  });

  await knex.schema.createTable('feedback_latest_ratings', table => {
    table.comment(
      'The latest rating of each user of a product in a calendar month',
    );
    table.string('product_ref', 255).notNullable();
    table.string('month', 7).notNullable();
    table.string('author_hash', 64).notNullable();
    table.integer('score').notNullable();
    table
      .integer('previous_score')
      .comment('the score this one replaced, null for the first of the month');
    table.primary(['product_ref', 'month', 'author_hash']);
  });

  await knex.schema.createTable('feedback_nps_months', table => {
    table.comment(
      'NPS counts of a product per calendar month, over the latest rating of each user in the month',
    );
    table.string('product_ref', 255).notNullable();
    table.string('month', 7).notNullable();
    table.smallint('shard').notNullable();
    table.integer('promoters').notNullable().defaultTo(0);
    table.integer('passives').notNullable().defaultTo(0);
    table.integer('detractors').notNullable().defaultTo(0);
    table.primary(['product_ref', 'month', 'shard']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('feedback_nps_months');
  await knex.schema.dropTable('feedback_latest_ratings');
  await knex.schema.dropTable('feedback_ratings');
  await knex.schema.dropTable('feedback_votes');
  await knex.schema.dropTable('feedback_replies');
  await knex.schema.dropTable('feedback_post_counts');
  await knex.schema.dropTable('feedback_posts');
};
