// @ts-check

/**
 * One row per product and day: how many entities and teams used the product.
 * Written by the daily adoption snapshot task; read for the adoption trend.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('adoption_snapshots', table => {
    table.comment('Daily adoption counts of each platform product');
    table.string('product_ref', 255).notNullable();
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.integer('part_count').notNullable();
    table.integer('consumer_count').notNullable();
    table.integer('team_count').notNullable();
    table.primary(['product_ref', 'day']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('adoption_snapshots');
};
