// @ts-check

/**
 * Scorecards: how well each product is run as a product, as the last evaluation saw it, and one
 * snapshot a day for the trend.
 *
 * - `scorecard_products`: one row per product, what the portfolio shows (the product's title,
 *   PM, owner and lifecycle as the catalog had them, its score, level and figures, and its trend
 *   from the snapshots, kept when a snapshot is written, so the portfolio reads this table
 *   alone). The portfolio's filters and sorts are columns with indexes; `level_rank` orders the
 *   levels (0 none, 1 bronze, 2 silver, 3 gold).
 * - `scorecard_check_results`: the latest result of each check for each product, in the order
 *   the API answers them (`position`). `value` and `threshold` are JSON (a string, number,
 *   boolean or null).
 * - `scorecard_snapshots`: one row per product and UTC day, the last evaluation of that day.
 *
 * An evaluation writes a row only when it differs from the stored one (`changed_at`); only
 * `evaluated_at` moves on every run. Snapshots older than the retention and the rows of products
 * gone from the catalog are pruned, so the tables hold products x checks and products x days,
 * however many runs there were. Times are epoch milliseconds (bigint), as in the other tables.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecard_products', table => {
    table.comment('Each product as its last scorecard evaluation saw it');
    table.string('product_ref', 255).primary();
    table.string('title', 255).notNullable();
    table.string('product_manager', 255).comment('user ref; null without one');
    table.string('owner', 255).comment('group ref');
    table.string('lifecycle', 32);
    table.double('score').notNullable().comment('0-100');
    table.string('level', 8).comment('bronze, silver, gold; null below bronze');
    table
      .integer('level_rank')
      .notNullable()
      .comment('0 none, 1 bronze, 2 silver, 3 gold: the order of the levels');
    table.integer('nps').comment('-100..100; null without responses');
    table.integer('adopting_teams');
    table.integer('open_posts').notNullable();
    table.bigInteger('oldest_untriaged_at');
    table.bigInteger('last_announcement_at');
    table
      .text('score_trend')
      .notNullable()
      .comment(
        'the snapshots of the 30 days up to the evaluation, oldest first: 2026-03-01=80,2026-03-02=85',
      );
    table
      .integer('nps_before')
      .comment('the NPS of the snapshot 30 days before the evaluation');
    table.bigInteger('evaluated_at').notNullable();
    table
      .bigInteger('changed_at')
      .notNullable()
      .comment('when anything but evaluated_at last changed');
    table.index(['owner'], 'scorecard_products_owner_idx');
    table.index(['lifecycle'], 'scorecard_products_lifecycle_idx');
    table.index(['level_rank', 'score'], 'scorecard_products_level_idx');
    table.index(['score'], 'scorecard_products_score_idx');
  });

  await knex.schema.createTable('scorecard_check_results', table => {
    table.comment('The latest result of each check for each product');
    table.string('product_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.integer('position').notNullable().comment('the order of the answer');
    table.string('title', 255).notNullable();
    table.string('level', 8);
    table.string('status', 16).notNullable();
    table.text('value').notNullable().comment('JSON');
    table.text('threshold').notNullable().comment('JSON');
    table.text('advice').notNullable();
    table.double('weight').notNullable();
    table.bigInteger('changed_at').notNullable();
    table.primary(['product_ref', 'check_id']);
  });

  await knex.schema.createTable('scorecard_snapshots', table => {
    table.comment('One scorecard snapshot per product and day, for the trend');
    table.string('product_ref', 255).notNullable();
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.double('score').notNullable();
    table.string('level', 8);
    table.integer('nps');
    table.integer('adopting_teams');
    table.integer('open_posts').notNullable();
    table.bigInteger('oldest_untriaged_at');
    table.bigInteger('last_announcement_at');
    // a product's history is a range of the primary key
    table.primary(['product_ref', 'day']);
    table.index(['day'], 'scorecard_snapshots_day_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecard_snapshots');
  await knex.schema.dropTable('scorecard_check_results');
  await knex.schema.dropTable('scorecard_products');
};
