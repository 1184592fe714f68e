// @ts-check

/**
 * Roadmap: items of a product (now / next / later, in a dense order per horizon), the history
 * of every change to them, and the feedback posts they carry (`feedback_posts.roadmap_item_id`:
 * a post is carried by at most one item).
 *
 * Demand is kept on write, so reading a roadmap never counts votes: `post_count`, `vote_count`
 * and `people_count` on the item, and `roadmap_item_people`, one row per person behind the
 * item's linked posts with a weight (the posts they wrote plus the votes they gave among them).
 * A person is keyed by the feedback author hash (the keyed hash of their user ref), so an
 * anonymous author is one person with their own votes, without their ref being stored. A vote
 * on a linked post adds 1 to its voter's weight; `people_count` moves when a weight leaves or
 * reaches 0. Rows at weight 0 may stay: they count for nothing.
 *
 * `roadmap_products` holds one row per product with a roadmap: the time of its last change
 * (the roadmap's `lastUpdatedAt`, which deletions move too) and the row every write of the
 * product's roadmap locks first, so that concurrent reorders leave one dense order.
 *
 * Times are epoch milliseconds (bigint), as in the feedback tables.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('roadmap_products', table => {
    table.comment(
      'One row per product with a roadmap: its last change, and the lock of its writes',
    );
    table.string('product_ref', 255).primary();
    table.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('roadmap_items', table => {
    table.comment('The items of a product roadmap');
    table.string('id', 36).primary();
    table.string('product_ref', 255).notNullable();
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.string('horizon', 8).notNullable().comment('now, next or later');
    table
      .integer('position')
      .notNullable()
      .comment('0-based, dense per product and horizon among open items');
    table.string('status', 16).notNullable();
    table.string('target_quarter', 7).comment('like 2027-Q1');
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.bigInteger('closed_at').comment('when shipped or dropped');
    table
      .bigInteger('ship_notified_at')
      .comment(
        'when everyone behind a shipped item was told; null until then (the delivery task retries)',
      );
    table.integer('post_count').notNullable().defaultTo(0);
    table.integer('vote_count').notNullable().defaultTo(0);
    table
      .integer('people_count')
      .notNullable()
      .defaultTo(0)
      .comment('rows of roadmap_item_people with a weight above 0');
    table.index(['product_ref'], 'roadmap_items_product_idx');
  });

  await knex.schema.createTable('roadmap_item_history', table => {
    table.comment('Every change to a roadmap item: who, when, what');
    // in the order of the changes, also within one millisecond
    table.bigIncrements('id');
    itemColumn(table);
    table.string('action', 16).notNullable();
    table.string('actor', 255).notNullable();
    table.bigInteger('at').notNullable();
    table
      .text('changes')
      .notNullable()
      .comment('JSON array of { field, from, to }');
    table.index(['item_id', 'id'], 'roadmap_item_history_item_idx');
  });

  await knex.schema.createTable('roadmap_item_people', table => {
    table.comment(
      'The people behind the posts an item carries: authors and voters, each once per item',
    );
    itemColumn(table);
    table
      .string('person_hash', 64)
      .notNullable()
      .comment('the feedback author hash of the person, never their ref');
    table
      .integer('weight')
      .notNullable()
      .comment('posts written plus votes given among the linked posts');
    table.primary(['item_id', 'person_hash']);
  });

  await knex.schema.alterTable('feedback_posts', table => {
    table.string('roadmap_item_id', 36);
  });
  // an item's linked posts, most voted first (its top posts and its people are index ranges)
  await knex.raw(
    'CREATE INDEX feedback_posts_roadmap_idx ON feedback_posts (roadmap_item_id, vote_count DESC, id) WHERE roadmap_item_id IS NOT NULL',
  );
};

/**
 * The item a row belongs to.
 *
 * @param {import('knex').Knex.CreateTableBuilder} table
 */
function itemColumn(table) {
  table
    .string('item_id', 36)
    .notNullable()
    .references('id')
    .inTable('roadmap_items')
    .onDelete('CASCADE');
}

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('DROP INDEX feedback_posts_roadmap_idx');
  // a plain DROP COLUMN on both engines (SQLite 3.35+): no table rebuild that could lose the
  // posts' other indexes
  await knex.raw('ALTER TABLE feedback_posts DROP COLUMN roadmap_item_id');
  await knex.schema.dropTable('roadmap_item_people');
  await knex.schema.dropTable('roadmap_item_history');
  await knex.schema.dropTable('roadmap_items');
  await knex.schema.dropTable('roadmap_products');
};
