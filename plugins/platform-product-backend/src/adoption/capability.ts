import { platformProductReadPermission } from '@platform-product/plugin-platform-product-common';
import {
  Capability,
  CapabilityEnv,
  scheduleFromConfig,
} from '../shared/capability';
import { AdoptionService } from './AdoptionService';
import { ProductOverviewService } from './ProductOverviewService';
import {
  recordAdoptionSnapshots,
  scheduleAdoptionSnapshots,
} from './AdoptionSnapshotTask';
import { DatabaseAdoptionSnapshotStore } from './DatabaseAdoptionSnapshotStore';
import { createAdoptionRouter } from './router';

/**
 * Adoption: who uses a product (derived from the catalog), and a daily snapshot of it for
 * the trend. Read with `platform-product.product.read`, which it registers (announcements
 * read products with it too). Returns the adoption service for announcements' audience, and
 * the product overview the `get-platform-product` action answers with.
 */
export async function createAdoptionCapability(
  env: CapabilityEnv,
): Promise<
  Capability & { adoption: AdoptionService; overview: ProductOverviewService }
> {
  const { catalog, auth, config } = env;
  env.permissionsRegistry.addPermissions([platformProductReadPermission]);
  const adoption = AdoptionService.create({ catalog });
  const snapshots = DatabaseAdoptionSnapshotStore.create(env.db);
  await scheduleAdoptionSnapshots({
    scheduler: env.scheduler,
    logger: env.logger,
    schedule: scheduleFromConfig(
      config,
      'platformProduct.adoption.snapshotSchedule',
      {
        frequency: { hours: 6 },
        timeout: { minutes: 15 },
        initialDelay: { minutes: 1 },
      },
    ),
    run: () =>
      recordAdoptionSnapshots({ catalog, auth, adoption, store: snapshots }),
  });
  return {
    adoption,
    overview: ProductOverviewService.create({ access: env.access, adoption }),
    router: createAdoptionRouter({
      httpAuth: env.httpAuth,
      access: env.access,
      adoption,
      snapshots,
    }),
  };
}
