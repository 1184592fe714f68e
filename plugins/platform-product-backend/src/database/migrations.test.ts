// Over ~500 lines on purpose: one test per migration, each inserting rows, migrating up and down
// on both engines and asserting what survives; a new migration adds its test here.
import { TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import knexFactory, { Knex } from 'knex';
import os from 'node:os';
import path from 'node:path';
import { getMigratedClient, migrationsDir } from './migrations';

jest.setTimeout(60_000);

const migrationFiles = fs
  .readdirSync(migrationsDir)
  .filter(file => file.endsWith('.js'))
  .sort();

async function migrateUpOnce(knex: Knex) {
  await knex.migrate.up({ directory: migrationsDir });
}

async function migrateDownOnce(knex: Knex) {
  await knex.migrate.down({ directory: migrationsDir });
}

/** The names of a table's indexes. */
/**
 * Each row goes in once and is refused a second time (its unique key holds); then the
 * migration's down drops every one of `tables` and leaves the earlier table `kept`.
 */
async function expectUniqueThenDropped(
  knex: Knex,
  unique: Array<[string, object]>,
  tables: string[],
  kept: string,
) {
  for (const [table, values] of unique) {
    await knex(table).insert(values);
    await expect(knex(table).insert(values)).rejects.toThrow();
  }
  await migrateDownOnce(knex);
  for (const table of tables) {
    await expect(knex.schema.hasTable(table)).resolves.toBe(false);
  }
  await expect(knex.schema.hasTable(kept)).resolves.toBe(true);
}

async function indexesOf(knex: Knex, table: string): Promise<string[]> {
  if (knex.client.config.client === 'pg') {
    const { rows } = await knex.raw(
      'select indexname as name from pg_indexes where tablename = ?',
      [table],
    );
    return rows.map((row: { name: string }) => row.name);
  }
  return knex('sqlite_master')
    .where({ type: 'index', tbl_name: table })
    .pluck('name');
}

async function migrateUntilBefore(knex: Knex, target: string) {
  const index = migrationFiles.indexOf(target);
  if (index === -1) {
    throw new Error(`Migration ${target} not found`);
  }
  for (let i = 0; i < index; i++) {
    await migrateUpOnce(knex);
  }
}

describe('getMigratedClient', () => {
  it('keeps a SQLite file in WAL mode, migrated', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-product-'));
    const knex: Knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'plugin.sqlite') },
      useNullAsDefault: true,
    });
    try {
      const client = await getMigratedClient({ getClient: async () => knex });
      await expect(client.raw('PRAGMA journal_mode')).resolves.toEqual([
        { journal_mode: 'wal' },
      ]);
      await expect(
        client.schema.hasTable('feedback_post_months'),
      ).resolves.toBe(true);
    } finally {
      await knex.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it('finds the migrations', () => {
    expect(migrationFiles).toEqual([
      '20261125000000_adoption_snapshots.js',
      '20261126000000_feedback.js',
      '20261127000000_feedback_speed.js',
      '20261128000000_announcements.js',
      '20261129000000_announcements_counts.js',
      '20261130000000_roadmap.js',
      '20261201000000_scorecards.js',
      '20261201000001_scorecard_metrics_indexes.js',
      '20261203000000_scorecard_trend_json.js',
    ]);
  });

  it.each(databases.eachSupportedId())(
    'migrates up to latest, down all the way and up again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory: migrationsDir });
      await knex('adoption_snapshots').insert({
        product_ref: 'platformproduct:default/a',
        day: '2026-03-01',
        part_count: 3,
        consumer_count: 12,
        team_count: 4,
      });
      await expect(knex('adoption_snapshots')).resolves.toEqual([
        {
          product_ref: 'platformproduct:default/a',
          day: '2026-03-01',
          part_count: 3,
          consumer_count: 12,
          team_count: 4,
        },
      ]);

      await knex.migrate.rollback({ directory: migrationsDir }, true);
      await expect(knex.schema.hasTable('adoption_snapshots')).resolves.toBe(
        false,
      );
      const [completed] = await knex.migrate.list({
        directory: migrationsDir,
      });
      expect(completed).toEqual([]);

      await knex.migrate.latest({ directory: migrationsDir });
      await expect(knex.schema.hasTable('adoption_snapshots')).resolves.toBe(
        true,
      );
      await expect(knex('adoption_snapshots')).resolves.toEqual([]);

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261125000000_adoption_snapshots.js, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await migrateUntilBefore(knex, '20261125000000_adoption_snapshots.js');
      await expect(knex.schema.hasTable('adoption_snapshots')).resolves.toBe(
        false,
      );

      await migrateUpOnce(knex);
      const row = {
        product_ref: 'platformproduct:default/a',
        day: '2026-03-01',
        part_count: 1,
        consumer_count: 2,
        team_count: 1,
      };
      await knex('adoption_snapshots').insert(row);
      // one row per product and day
      await expect(knex('adoption_snapshots').insert(row)).rejects.toThrow();
      await knex('adoption_snapshots').insert({ ...row, day: '2026-03-02' });
      await expect(
        knex('adoption_snapshots').orderBy('day').pluck('day'),
      ).resolves.toEqual(['2026-03-01', '2026-03-02']);

      await migrateDownOnce(knex);
      await expect(knex.schema.hasTable('adoption_snapshots')).resolves.toBe(
        false,
      );

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261126000000_feedback.js, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const tables = [
        'feedback_posts',
        'feedback_post_counts',
        'feedback_replies',
        'feedback_votes',
        'feedback_ratings',
        'feedback_latest_ratings',
        'feedback_nps_months',
      ];

      await migrateUntilBefore(knex, '20261126000000_feedback.js');
      await migrateUpOnce(knex);
      for (const table of tables) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(true);
      }
      const post = {
        id: 'p1',
        product_ref: 'platformproduct:default/a',
        entity_ref: 'component:default/a',
        type: 'idea',
        title: 'T',
        status: 'new',
        anonymous: true,
        author_hash: 'h',
        author_ref_encrypted: 'e',
        created_at: 1_780_000_000_000,
        updated_at: 1_780_000_000_000,
      };
      await knex('feedback_posts').insert(post);
      await knex('feedback_votes').insert({
        post_id: 'p1',
        voter_ref: 'user:default/x',
        created_at: 1,
      });
      // one vote per user and post
      await expect(
        knex('feedback_votes').insert({
          post_id: 'p1',
          voter_ref: 'user:default/x',
          created_at: 2,
        }),
      ).rejects.toThrow();
      const [row] = await knex('feedback_posts');
      expect(row).toMatchObject({ vote_count: 0, reply_count: 0 });
      expect(Number(row.created_at)).toBe(1_780_000_000_000);
      expect(Boolean(row.hidden)).toBe(false);

      await migrateDownOnce(knex);
      for (const table of tables) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      await expect(knex.schema.hasTable('adoption_snapshots')).resolves.toBe(
        true,
      );

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261127000000_feedback_speed.js, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const tables = [
        'feedback_post_months',
        'feedback_post_days',
        'feedback_response_times',
      ];
      const HOUR = 3_600_000;
      const MARCH_2 = Date.parse('2026-03-02T10:00:00Z');
      const APRIL_5 = Date.parse('2026-04-05T10:00:00Z');
      const post = (id: string, extra: object) => ({
        id,
        product_ref: 'platformproduct:default/a',
        entity_ref: 'platformproduct:default/a',
        type: 'idea',
        title: 'T',
        status: 'new',
        anonymous: false,
        author_hash: 'h',
        hidden: false,
        first_team_reply_at: null,
        created_at: MARCH_2,
        updated_at: MARCH_2,
        ...extra,
      });

      await migrateUntilBefore(knex, '20261127000000_feedback_speed.js');
      await knex('feedback_posts').insert([
        post('p1', {}),
        post('p2', { first_team_reply_at: MARCH_2 + 2 * HOUR }),
        post('p3', {
          status: 'planned',
          first_team_reply_at: MARCH_2 + 3 * HOUR,
        }),
        post('p4', { created_at: APRIL_5, updated_at: APRIL_5 }),
        // hidden posts count nowhere
        post('p5', { hidden: true, first_team_reply_at: MARCH_2 + HOUR }),
        post('p6', {
          product_ref: 'platformproduct:default/b',
          status: 'done',
        }),
      ]);

      await migrateUpOnce(knex);
      const months = await knex('feedback_post_months')
        .orderBy(['product_ref', 'month'])
        .select('product_ref', 'month', 'posts', 'replied', 'new_posts');
      expect(months).toEqual([
        {
          product_ref: 'platformproduct:default/a',
          month: '2026-03',
          posts: 3,
          replied: 2,
          new_posts: 2,
        },
        {
          product_ref: 'platformproduct:default/a',
          month: '2026-04',
          posts: 1,
          replied: 0,
          new_posts: 1,
        },
        {
          product_ref: 'platformproduct:default/b',
          month: '2026-03',
          posts: 1,
          replied: 0,
          new_posts: 0,
        },
      ]);
      await expect(
        knex('feedback_post_days')
          .orderBy('day')
          .select('product_ref', 'day', 'new_posts'),
      ).resolves.toEqual([
        {
          product_ref: 'platformproduct:default/a',
          day: '2026-03-02',
          new_posts: 2,
        },
        {
          product_ref: 'platformproduct:default/a',
          day: '2026-04-05',
          new_posts: 1,
        },
      ]);
      // 0.1 hour buckets: 2 h and 3 h
      const histograms = await knex('feedback_response_times').select(
        'product_ref',
        'month',
        'buckets',
      );
      expect(
        histograms.map(row => ({ ...row, buckets: JSON.parse(row.buckets) })),
      ).toEqual([
        {
          product_ref: 'platformproduct:default/a',
          month: '2026-03',
          buckets: { 20: 1, 30: 1 },
        },
      ]);

      await migrateDownOnce(knex);
      for (const table of tables) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      await expect(knex('feedback_posts').count({ c: '*' })).resolves.toEqual([
        { c: expect.anything() },
      ]);
      // up again on an empty history
      await knex('feedback_posts').delete();
      await migrateUpOnce(knex);
      await expect(knex('feedback_post_months')).resolves.toEqual([]);

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261128000000_announcements.js, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const tables = [
        'announcements',
        'announcement_tags',
        'announcement_reads',
        'announcement_deliveries',
        'product_follows',
        'announcement_dismissals',
      ];

      await migrateUntilBefore(knex, '20261128000000_announcements.js');
      for (const table of tables) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      await migrateUpOnce(knex);
      const post = {
        id: 'a1',
        product_ref: null,
        type: 'incident',
        title: 'T',
        summary: 'S',
        body: 'B',
        author_ref: 'user:default/x',
        publish_at: 1_780_000_000_000,
        sort_at: 1_780_000_000_000,
        event_start: null,
        created_at: 1_780_000_000_000,
        updated_at: 1_780_000_000_000,
      };
      await knex('announcements').insert(post);
      const [row] = await knex('announcements');
      expect(Boolean(row.pinned)).toBe(false);
      expect(Boolean(row.draft)).toBe(false);
      expect(row.product_ref).toBeNull();
      expect(row.delivered_at).toBeNull();
      expect(Number(row.sort_at)).toBe(1_780_000_000_000);

      // one row per post and tag, reader, recipient, follower and dismissal
      const unique: Array<[string, object]> = [
        ['announcement_tags', { announcement_id: 'a1', tag: 'ci' }],
        [
          'announcement_reads',
          { announcement_id: 'a1', user_ref: 'user:default/u', read_at: 1 },
        ],
        [
          'announcement_deliveries',
          {
            announcement_id: 'a1',
            user_ref: 'user:default/u',
            team_ref: 'group:default/t',
          },
        ],
        [
          'product_follows',
          {
            product_ref: 'platformproduct:default/p',
            user_ref: 'user:default/u',
            created_at: 1,
          },
        ],
        [
          'announcement_dismissals',
          {
            announcement_id: 'a1',
            user_ref: 'user:default/u',
            dismissed_at: 1,
          },
        ],
      ];
      await expectUniqueThenDropped(knex, unique, tables, 'feedback_posts');

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261129000000_announcements_counts.js, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const indexes = () => indexesOf(knex, 'announcements');

      await migrateUntilBefore(knex, '20261129000000_announcements_counts.js');
      expect(await indexes()).not.toContain('announcements_visible_idx');
      await migrateUpOnce(knex);
      expect(await indexes()).toContain('announcements_visible_idx');
      await migrateDownOnce(knex);
      expect(await indexes()).not.toContain('announcements_visible_idx');

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261130000000_roadmap.js, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const tables = [
        'roadmap_products',
        'roadmap_items',
        'roadmap_item_history',
        'roadmap_item_people',
      ];
      const post = {
        id: 'p1',
        product_ref: 'platformproduct:default/a',
        entity_ref: 'component:default/a',
        type: 'idea',
        title: 'T',
        status: 'new',
        anonymous: false,
        author_ref: 'user:default/x',
        author_hash: 'h',
        created_at: 1,
        updated_at: 1,
      };

      await migrateUntilBefore(knex, '20261130000000_roadmap.js');
      await knex('feedback_posts').insert(post);
      const postIndexes = (await indexesOf(knex, 'feedback_posts')).sort();
      await migrateUpOnce(knex);
      await expect(indexesOf(knex, 'feedback_posts')).resolves.toContain(
        'feedback_posts_roadmap_idx',
      );
      for (const table of tables) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(true);
      }
      // the posts already there are carried by no item
      await expect(
        knex('feedback_posts').first('roadmap_item_id'),
      ).resolves.toEqual({ roadmap_item_id: null });
      await knex('roadmap_items').insert({
        id: 'i1',
        product_ref: 'platformproduct:default/a',
        title: 'Dark mode',
        description: '',
        horizon: 'now',
        position: 0,
        status: 'planned',
        created_by: 'user:default/pm',
        created_at: 1,
        updated_at: 1,
      });
      await knex('feedback_posts')
        .where('id', 'p1')
        .update({ roadmap_item_id: 'i1' });
      // one row per item and person
      const person = { item_id: 'i1', person_hash: 'h', weight: 1 };
      await knex('roadmap_item_people').insert(person);
      await expect(
        knex('roadmap_item_people').insert(person),
      ).rejects.toThrow();
      // history ids follow the order of the changes
      await knex('roadmap_item_history').insert([
        { item_id: 'i1', action: 'create', actor: 'a', at: 5, changes: '[]' },
        { item_id: 'i1', action: 'update', actor: 'a', at: 5, changes: '[]' },
      ]);
      const ids = await knex('roadmap_item_history')
        .orderBy('id')
        .pluck('action');
      expect(ids).toEqual(['create', 'update']);
      const [item] = await knex('roadmap_items');
      expect(item).toMatchObject({
        post_count: 0,
        vote_count: 0,
        people_count: 0,
        target_quarter: null,
        closed_at: null,
      });

      await migrateDownOnce(knex);
      for (const table of tables) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      await expect(
        knex.schema.hasColumn('feedback_posts', 'roadmap_item_id'),
      ).resolves.toBe(false);
      // the posts and their own indexes stay
      await expect(knex('feedback_posts').pluck('id')).resolves.toEqual(['p1']);
      expect((await indexesOf(knex, 'feedback_posts')).sort()).toEqual(
        postIndexes,
      );
      await migrateUpOnce(knex);
      await expect(
        knex.schema.hasColumn('feedback_posts', 'roadmap_item_id'),
      ).resolves.toBe(true);

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261201000000_scorecards.js, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const tables = [
        'scorecard_products',
        'scorecard_check_results',
        'scorecard_snapshots',
      ];
      const ref = 'platformproduct:default/a';

      await migrateUntilBefore(knex, '20261201000000_scorecards.js');
      await migrateUpOnce(knex);
      await knex('scorecard_products').insert({
        product_ref: ref,
        title: 'A',
        score: 62.5,
        level_rank: 0,
        open_posts: 0,
        score_trend: '',
        evaluated_at: 1_780_000_000_000,
        changed_at: 1_780_000_000_000,
      });
      const [product] = await knex('scorecard_products');
      expect(product).toMatchObject({
        score: 62.5,
        level: null,
        product_manager: null,
        nps: null,
        nps_before: null,
      });
      expect(Number(product.evaluated_at)).toBe(1_780_000_000_000);
      await expect(indexesOf(knex, 'scorecard_products')).resolves.toEqual(
        expect.arrayContaining([
          'scorecard_products_owner_idx',
          'scorecard_products_lifecycle_idx',
          'scorecard_products_level_idx',
          'scorecard_products_score_idx',
        ]),
      );
      await expect(indexesOf(knex, 'scorecard_snapshots')).resolves.toContain(
        'scorecard_snapshots_day_idx',
      );
      // one result per product and check, one snapshot per product and day
      const unique: Array<[string, object]> = [
        [
          'scorecard_check_results',
          {
            product_ref: ref,
            check_id: 'vision',
            position: 0,
            title: 'Has a vision',
            status: 'pass',
            value: 'true',
            threshold: 'null',
            advice: '',
            weight: 1,
            changed_at: 1,
          },
        ],
        [
          'scorecard_snapshots',
          { product_ref: ref, day: '2026-12-01', score: 50, open_posts: 0 },
        ],
      ];
      await expectUniqueThenDropped(knex, unique, tables, 'roadmap_items');

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261203000000_scorecard_trend_json.js, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const product = (ref: string, scoreTrend: string) => ({
        product_ref: ref,
        title: ref,
        score: 85,
        level_rank: 0,
        open_posts: 0,
        score_trend: scoreTrend,
        // 2026-03-04T08:00:00Z
        evaluated_at: 1_772_611_200_000,
        changed_at: 1_772_611_200_000,
      });
      const trends = () =>
        knex('scorecard_products').orderBy('product_ref').pluck('score_trend');

      await migrateUntilBefore(knex, '20261203000000_scorecard_trend_json.js');
      await knex('scorecard_products').insert([
        // a gap of two days, and a month's end
        product(
          'a',
          '2026-02-27=58,2026-02-28=60.5,2026-03-03=72,2026-03-04=85',
        ),
        product('b', '2026-03-04=85'),
        product('c', ''),
      ]);
      await migrateUpOnce(knex);
      await expect(trends()).resolves.toEqual([
        '{"from":"2026-02-27","scores":[58,60.5,null,null,72,85]}',
        '{"from":"2026-03-04","scores":[85]}',
        '{"from":"2026-03-04","scores":[]}',
      ]);

      await migrateDownOnce(knex);
      await expect(trends()).resolves.toEqual([
        '2026-02-27=58,2026-02-28=60.5,2026-03-03=72,2026-03-04=85',
        '2026-03-04=85',
        '',
      ]);

      await knex.destroy();
    },
  );
});
