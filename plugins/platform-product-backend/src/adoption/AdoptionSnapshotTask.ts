import { loggedRun } from '../shared/taskRun';
import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PLATFORM_PRODUCT_KIND } from '@platform-product/plugin-platform-product-common';
import { utcDay } from '../shared/clock';
import { AdoptionService } from './AdoptionService';
import { AdoptionSnapshotStore } from './AdoptionSnapshotStore';

/** The day a snapshot stands for. */
export { utcDay };

/** Records today's adoption of every product, so the product page can show a trend. */
export async function recordAdoptionSnapshots(options: {
  catalog: CatalogService;
  auth: AuthService;
  adoption: AdoptionService;
  store: AdoptionSnapshotStore;
  now?: () => Date;
}): Promise<number> {
  const { catalog, auth, adoption, store } = options;
  const credentials = await auth.getOwnServiceCredentials();
  const { items } = await catalog.getEntities(
    {
      filter: { kind: PLATFORM_PRODUCT_KIND },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    },
    { credentials },
  );
  const day = utcDay(options.now?.() ?? new Date());
  const snapshots = [];
  for (const product of items) {
    const result = await adoption.getAdoption(
      stringifyEntityRef(product),
      credentials,
    );
    snapshots.push({
      productRef: result.productRef,
      day,
      partCount: result.partCount,
      consumerCount: result.consumerCount,
      teamCount: result.teamCount,
    });
  }
  await store.record(snapshots);
  return snapshots.length;
}

export async function scheduleAdoptionSnapshots(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  logger: LoggerService;
  run: () => Promise<number>;
}) {
  const { scheduler, schedule, logger, run } = options;
  await scheduler.scheduleTask({
    id: 'platform-product-adoption-snapshots',
    ...schedule,
    fn: loggedRun(logger, 'platform-product-adoption-snapshots', async () => {
      const count = await run();
      logger.info(`Recorded today's adoption of ${count} platform products`);
    }),
  });
}
