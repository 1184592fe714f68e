import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { migratedDatabase } from '../__testUtils__/database';
import { componentEntity as component } from '../__testUtils__/entities';
import { AdoptionService } from './AdoptionService';
import {
  recordAdoptionSnapshots,
  scheduleAdoptionSnapshots,
  utcDay,
} from './AdoptionSnapshotTask';
import { DatabaseAdoptionSnapshotStore } from './DatabaseAdoptionSnapshotStore';

jest.setTimeout(60_000);

function product(name: string, relations: Entity['relations'] = []): Entity {
  return {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name },
    spec: { owner: 'platform-team', lifecycle: 'beta' },
    relations,
  };
}

const entities: Entity[] = [
  product('a', [
    { type: 'hasPart', targetRef: 'component:default/a-lib' },
    { type: 'dependencyOf', targetRef: 'component:default/app-1' },
  ]),
  product('b'),
  component('a-lib', [
    { type: 'dependencyOf', targetRef: 'component:default/app-2' },
  ]),
  component('app-1', [{ type: 'ownedBy', targetRef: 'group:default/team-1' }]),
  component('app-2', [{ type: 'ownedBy', targetRef: 'group:default/team-2' }]),
];

describe('utcDay', () => {
  it('gives the UTC day of a date', () => {
    expect(utcDay(new Date('2026-03-10T23:59:59-05:00'))).toBe('2026-03-11');
    expect(utcDay(new Date('2026-03-10T00:00:00Z'))).toBe('2026-03-10');
  });
});

describe('recordAdoptionSnapshots', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(catalogEntities: Entity[]) {
    const knex = await migratedDatabase(databases, 'SQLITE_3');
    const catalog = catalogServiceMock({ entities: catalogEntities });
    const auth = mockServices.auth();
    const store = DatabaseAdoptionSnapshotStore.create(knex);
    const adoption = AdoptionService.create({ catalog });
    return { knex, catalog, auth, store, adoption };
  }

  it('writes one snapshot per product for the day of now', async () => {
    const { catalog, auth, store, adoption } = await setup(entities);

    const count = await recordAdoptionSnapshots({
      catalog,
      auth,
      adoption,
      store,
      now: () => new Date('2026-03-10T22:30:00Z'),
    });

    expect(count).toBe(2);
    await expect(
      store.list('platformproduct:default/a', '2000-01-01'),
    ).resolves.toEqual([
      {
        productRef: 'platformproduct:default/a',
        day: '2026-03-10',
        partCount: 1,
        consumerCount: 2,
        teamCount: 2,
      },
    ]);
    await expect(
      store.list('platformproduct:default/b', '2000-01-01'),
    ).resolves.toEqual([
      {
        productRef: 'platformproduct:default/b',
        day: '2026-03-10',
        partCount: 0,
        consumerCount: 0,
        teamCount: 0,
      },
    ]);
  });

  it('replaces the same day and keeps earlier days', async () => {
    const { catalog, auth, store, adoption } = await setup(entities);
    const run = (iso: string) =>
      recordAdoptionSnapshots({
        catalog,
        auth,
        adoption,
        store,
        now: () => new Date(iso),
      });
    const days = async () =>
      (await store.list('platformproduct:default/a', '2000-01-01')).map(
        s => s.day,
      );

    await run('2026-03-09T10:00:00Z');
    await run('2026-03-10T06:00:00Z');
    await run('2026-03-10T18:00:00Z');

    await expect(days()).resolves.toEqual(['2026-03-09', '2026-03-10']);
  });

  it('reads the catalog with the plugin own credentials', async () => {
    const { catalog, auth, store, adoption } = await setup(entities);
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
    const credentials = await auth.getOwnServiceCredentials();

    await recordAdoptionSnapshots({ catalog, auth, adoption, store });

    expect(getEntities).toHaveBeenCalledWith(
      expect.objectContaining({ filter: { kind: 'PlatformProduct' } }),
      { credentials },
    );
    expect(getEntityByRef).toHaveBeenCalledTimes(2);
    for (const [, options] of getEntityByRef.mock.calls) {
      expect(options).toEqual({ credentials });
    }
  });

  it('writes nothing when there are no products', async () => {
    const { knex, catalog, auth, store, adoption } = await setup([
      component('app-1'),
    ]);
    await expect(
      recordAdoptionSnapshots({ catalog, auth, adoption, store }),
    ).resolves.toBe(0);
    await expect(knex('adoption_snapshots')).resolves.toEqual([]);
  });
});

describe('scheduleAdoptionSnapshots', () => {
  it('schedules the task, which runs and logs the count', async () => {
    const scheduler = mockServices.scheduler.mock();
    const logger = mockServices.logger.mock();
    const run = jest.fn().mockResolvedValue(3);
    const schedule = {
      frequency: { hours: 6 },
      timeout: { minutes: 15 },
    };

    await scheduleAdoptionSnapshots({ scheduler, logger, schedule, run });

    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    const task = scheduler.scheduleTask.mock.calls[0][0];
    expect(task).toMatchObject({
      id: 'platform-product-adoption-snapshots',
      frequency: { hours: 6 },
      timeout: { minutes: 15 },
    });
    expect(run).not.toHaveBeenCalled();

    await task.fn(new AbortController().signal);

    expect(run).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      "Recorded today's adoption of 3 platform products",
    );
  });
});
