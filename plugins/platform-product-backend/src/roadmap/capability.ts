import { loggedRun } from '../shared/taskRun';
import { roadmapManagePermission } from '@platform-product/plugin-platform-product-common';
import { AuthorIdentity } from '../feedback/AuthorIdentity';
import { FeedbackStore } from '../feedback/FeedbackStore';
import {
  Capability,
  CapabilityEnv,
  scheduleFromConfig,
} from '../shared/capability';
import { DatabaseRoadmapStore } from './DatabaseRoadmapStore';
import { RoadmapAccess } from './RoadmapAccess';
import { RoadmapNotifier } from './RoadmapNotifier';
import { RoadmapService } from './RoadmapService';
import { RoadmapShipments } from './RoadmapShipments';
import { createRoadmapRouter } from './router';

/**
 * The roadmap: items of a product in Now / Next / Later, the feedback posts they carry and
 * the people behind them, kept from feedback's store and author identity (`feedback`): a
 * person is keyed by their author hash, and anonymous authors are notified through it.
 */
export async function createRoadmapCapability(
  env: CapabilityEnv,
  feedback: { identity: AuthorIdentity; store: FeedbackStore },
): Promise<Capability & { roadmap: RoadmapService }> {
  env.permissionsRegistry.addPermissions([roadmapManagePermission]);
  const { identity } = feedback;
  const store = DatabaseRoadmapStore.create(env.db, {
    personKey: ref => identity.hash(ref),
  });
  const notifier = RoadmapNotifier.create({
    identity,
    products: env.access.products,
    notifications: env.notifications,
    logger: env.logger,
  });
  const shipments = new RoadmapShipments({
    store,
    notifier,
    logger: env.logger,
    now: Date.now,
  });
  await env.scheduler.scheduleTask({
    id: 'platform-product-roadmap-shipments',
    ...scheduleFromConfig(
      env.config,
      'platformProduct.roadmap.shipmentSchedule',
      {
        frequency: { minutes: 1 },
        timeout: { minutes: 10 },
        initialDelay: { minutes: 1 },
      },
    ),
    fn: loggedRun(
      env.logger,
      'platform-product-roadmap-shipments',
      async () => {
        const told = await shipments.tellUntold();
        if (told) {
          env.logger.info(
            `Told the people behind ${told} shipped roadmap items`,
          );
        }
      },
    ),
  });
  const roadmap = RoadmapService.create({
    store,
    access: new RoadmapAccess({
      ...env.access,
      store,
      feedback: feedback.store,
    }),
    notifier,
    shipments,
    auditor: env.auditor,
  });
  return {
    roadmap,
    router: createRoadmapRouter({ httpAuth: env.httpAuth, roadmap }),
  };
}
