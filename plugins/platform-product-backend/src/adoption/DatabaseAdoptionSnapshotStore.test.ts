import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../__testUtils__/database';
import { AdoptionSnapshot } from './AdoptionSnapshotStore';
import { DatabaseAdoptionSnapshotStore } from './DatabaseAdoptionSnapshotStore';

jest.setTimeout(60_000);

const snapshot = (
  productRef: string,
  day: string,
  consumerCount: number,
  teamCount = 1,
  partCount = 2,
): AdoptionSnapshot => ({
  productRef,
  day,
  partCount,
  consumerCount,
  teamCount,
});

describe('DatabaseAdoptionSnapshotStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await migratedDatabase(databases, databaseId);
    return { knex, store: DatabaseAdoptionSnapshotStore.create(knex) };
  }

  it.each(databases.eachSupportedId())(
    'records and lists snapshots oldest first from sinceDay on, per product, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const a = 'platformproduct:default/a';
      const b = 'platformproduct:default/b';
      await store.record([
        snapshot(a, '2026-03-03', 7, 3, 4),
        snapshot(a, '2026-02-27', 5),
        snapshot(b, '2026-03-02', 99),
        snapshot(a, '2026-03-01', 6),
        snapshot(a, '2026-01-15', 1),
      ]);

      await expect(store.list(a, '2026-02-27')).resolves.toEqual([
        snapshot(a, '2026-02-27', 5),
        snapshot(a, '2026-03-01', 6),
        snapshot(a, '2026-03-03', 7, 3, 4),
      ]);
      await expect(store.list(a, '2026-03-02')).resolves.toEqual([
        snapshot(a, '2026-03-03', 7, 3, 4),
      ]);
      await expect(store.list(b, '2000-01-01')).resolves.toEqual([
        snapshot(b, '2026-03-02', 99),
      ]);
      await expect(store.list(a, '2026-03-04')).resolves.toEqual([]);
      await expect(
        store.list('platformproduct:default/none', '2000-01-01'),
      ).resolves.toEqual([]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces the counts of the same product and day, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const a = 'platformproduct:default/a';
      await store.record([
        snapshot(a, '2026-03-01', 5, 2, 3),
        snapshot(a, '2026-03-02', 6, 2, 3),
      ]);
      await store.record([snapshot(a, '2026-03-02', 9, 4, 5)]);

      await expect(store.list(a, '2026-03-01')).resolves.toEqual([
        snapshot(a, '2026-03-01', 5, 2, 3),
        snapshot(a, '2026-03-02', 9, 4, 5),
      ]);
      const [{ count }] = await knex('adoption_snapshots').count({
        count: '*',
      });
      expect(Number(count)).toBe(2);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the last of duplicates within one call, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const a = 'platformproduct:default/a';
      await store.record([
        snapshot(a, '2026-03-01', 5),
        snapshot(a, '2026-03-01', 8, 3),
      ]);
      await expect(store.list(a, '2026-03-01')).resolves.toEqual([
        snapshot(a, '2026-03-01', 8, 3),
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'records more than 500 snapshots in one call, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const snapshots = Array.from({ length: 1234 }, (_, index) =>
        snapshot(
          `platformproduct:default/p${index}`,
          '2026-03-01',
          index,
          index % 7,
        ),
      );
      await store.record(snapshots);

      const [{ count }] = await knex('adoption_snapshots').count({
        count: '*',
      });
      expect(Number(count)).toBe(1234);
      await expect(
        store.list('platformproduct:default/p0', '2026-03-01'),
      ).resolves.toEqual([
        snapshot('platformproduct:default/p0', '2026-03-01', 0, 0),
      ]);
      await expect(
        store.list('platformproduct:default/p1233', '2026-03-01'),
      ).resolves.toEqual([
        snapshot('platformproduct:default/p1233', '2026-03-01', 1233, 1233 % 7),
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'does nothing when given no snapshots, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.record([]);
      const [{ count }] = await knex('adoption_snapshots').count({
        count: '*',
      });
      expect(Number(count)).toBe(0);
      await knex.destroy();
    },
  );
});
