// @ts-check

/**
 * Announcements: posts of a product (or global ones, `product_ref` null) with their tags,
 * who read or acknowledged them, who they were delivered to, product follows and
 * banner dismissals.
 *
 * Times are epoch milliseconds (bigint), as in the feedback tables.
 * A post is visible once `published_at` is set; `sort_at` is the key the lists sort by
 * (`published_at` once published, else the planned `publish_at` or `created_at`), so that
 * one index serves the keyset paging of published posts and of drafts alike.
 * Delivery: a publisher claims a due post by setting `delivery_claim` and
 * `delivery_claimed_at` in a conditional UPDATE (one winner across replicas), records the
 * audience once (`audience_recorded_at`), notifies it in chunks (`notified_at` per
 * recipient) and sets `delivered_at`. A claim older than the timeout may be taken over,
 * which resumes a crashed delivery where it stopped.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('announcements', table => {
    table.comment('Announcements and events of a product, or global ones');
    table.string('id', 36).primary();
    table.string('product_ref', 255).comment('null for a global post');
    table.string('type', 16).notNullable();
    table.string('title', 200).notNullable();
    table.string('summary', 500).notNullable();
    table.text('body').notNullable();
    table.boolean('pinned').notNullable().defaultTo(false);
    table.boolean('draft').notNullable().defaultTo(false);
    table
      .string('author_ref', 255)
      .notNullable()
      .comment('from the credentials');
    table.string('on_behalf_of', 255);
    table
      .bigInteger('publish_at')
      .comment('planned; null for an undated draft');
    table.bigInteger('published_at').comment('set when it was published');
    table.bigInteger('expires_at');
    table.bigInteger('effective_at').comment('deprecations');
    table.bigInteger('sort_at').notNullable();
    table.string('event_kind', 16);
    table.bigInteger('event_start');
    table.bigInteger('event_end');
    table.string('event_location', 500);
    table.string('delivery_claim', 36);
    table.bigInteger('delivery_claimed_at');
    table.bigInteger('audience_recorded_at');
    table.bigInteger('delivered_at');
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    // the list of one product and the global list: pinned first, newest first
    table.index(
      ['product_ref', 'pinned', 'sort_at', 'id'],
      'announcements_list_idx',
    );
    table.index(['pinned', 'sort_at', 'id'], 'announcements_all_idx');
    // upcoming events, soonest first
    table.index(['type', 'event_start', 'id'], 'announcements_events_idx');
    // the publisher's scan for due, undelivered posts
    table.index(['delivered_at', 'publish_at'], 'announcements_due_idx');
  });

  await knex.schema.createTable('announcement_tags', table => {
    table.comment('Tags of a post, one row each');
    table
      .string('announcement_id', 36)
      .notNullable()
      .references('id')
      .inTable('announcements')
      .onDelete('CASCADE');
    table.string('tag', 40).notNullable();
    table.primary(['announcement_id', 'tag']);
    table.index(['tag', 'announcement_id'], 'announcement_tags_tag_idx');
  });

  await knex.schema.createTable('announcement_reads', table => {
    table.comment('Who opened a post, and who acknowledged it');
    table
      .string('announcement_id', 36)
      .notNullable()
      .references('id')
      .inTable('announcements')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.bigInteger('read_at').notNullable();
    table.bigInteger('acknowledged_at');
    table.primary(['announcement_id', 'user_ref']);
    table.index(['user_ref', 'announcement_id'], 'announcement_reads_user_idx');
  });

  await knex.schema.createTable('announcement_deliveries', table => {
    table.comment(
      'The audience of a post: who it was delivered to, through which adopting team',
    );
    table
      .string('announcement_id', 36)
      .notNullable()
      .references('id')
      .inTable('announcements')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table
      .string('team_ref', 255)
      .comment('the adopting team; null for a follower outside them');
    table.bigInteger('notified_at').comment('null until the notification went');
    table.primary(['announcement_id', 'user_ref']);
  });

  await knex.schema.createTable('product_follows', table => {
    table.comment('Users who follow a product: they get its announcements');
    table.string('product_ref', 255).notNullable();
    table.string('user_ref', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table.primary(['product_ref', 'user_ref']);
  });

  await knex.schema.createTable('announcement_dismissals', table => {
    table.comment('Banners a user dismissed');
    table
      .string('announcement_id', 36)
      .notNullable()
      .references('id')
      .inTable('announcements')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.bigInteger('dismissed_at').notNullable();
    table.primary(['announcement_id', 'user_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('announcement_dismissals');
  await knex.schema.dropTable('product_follows');
  await knex.schema.dropTable('announcement_deliveries');
  await knex.schema.dropTable('announcement_reads');
  await knex.schema.dropTable('announcement_tags');
  await knex.schema.dropTable('announcements');
};
