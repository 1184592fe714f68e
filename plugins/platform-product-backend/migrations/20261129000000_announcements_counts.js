// @ts-check

/**
 * The capped counts of a product's announcements (totalCount, unreadCount) read an index
 * instead of the table: the published posts by product, with what the visibility filter and
 * the read marks need (expiry, id). Without it PostgreSQL counts a product's first 1,001
 * visible posts with a sequential scan of everything before them (9 ms for a product with a
 * tenth of 200,000 posts); with it, an index-only scan.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('announcements', table => {
    table.index(
      ['product_ref', 'expires_at', 'id'],
      'announcements_visible_idx',
      {
        predicate: knex.whereNotNull('published_at'),
      },
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('announcements', table => {
    table.dropIndex([], 'announcements_visible_idx');
  });
};
