import {
  announcementGlobalManagePermission,
  announcementManagePermission,
} from '@platform-product/plugin-platform-product-common';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { AdoptionService } from '../adoption/AdoptionService';
import {
  Capability,
  CapabilityEnv,
  scheduleFromConfig,
} from '../shared/capability';
import { AnnouncementAccess } from './AnnouncementAccess';
import { AnnouncementFeeds } from './AnnouncementFeeds';
import {
  AnnouncementPublisher,
  scheduleAnnouncementPublishing,
} from './AnnouncementPublisher';
import { AnnouncementReaders } from './AnnouncementReaders';
import { AnnouncementService } from './AnnouncementService';
import { DatabaseAnnouncementStore } from './DatabaseAnnouncementStore';
import { createAnnouncementsRouter } from './router';

const CLAIM_TIMEOUT_KEY = 'platformProduct.announcements.deliveryClaimTimeout';

/** How long a replica's claim on a delivery holds without progress; default 10 minutes. */
export function claimTimeoutFromConfig(config: Config): number | undefined {
  if (!config.has(CLAIM_TIMEOUT_KEY)) return undefined;
  const ms = durationToMilliseconds(
    readDurationFromConfig(config, { key: CLAIM_TIMEOUT_KEY }),
  );
  if (!(ms >= 1000)) {
    throw new Error(
      `Invalid config at ${CLAIM_TIMEOUT_KEY}: must be at least 1 second`,
    );
  }
  return ms;
}

/**
 * Announcements and events: posts of a product or global ones, what readers do with them,
 * their feeds, and the publish task that delivers them to the product's audience (its
 * adopting teams, from `adoption`, and its followers).
 */
export async function createAnnouncementsCapability(
  env: CapabilityEnv,
  { adoption }: { adoption: AdoptionService },
): Promise<Capability & { announcements: AnnouncementService }> {
  const { config, catalog } = env;
  env.permissionsRegistry.addPermissions([
    announcementManagePermission,
    announcementGlobalManagePermission,
  ]);
  const store = DatabaseAnnouncementStore.create(env.db);
  const publisher = AnnouncementPublisher.create({
    store,
    catalog,
    auth: env.auth,
    adoption,
    notifications: env.notifications,
    auditor: env.auditor,
    logger: env.logger,
    claimTimeoutMs: claimTimeoutFromConfig(config),
  });
  const access = new AnnouncementAccess({ ...env.access, store, catalog });
  await scheduleAnnouncementPublishing({
    scheduler: env.scheduler,
    logger: env.logger,
    publisher,
    schedule: scheduleFromConfig(
      config,
      'platformProduct.announcements.publishSchedule',
      {
        frequency: { minutes: 1 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 30 },
      },
    ),
  });
  const announcements = AnnouncementService.create({
    store,
    access,
    publisher,
    auditor: env.auditor,
  });
  return {
    announcements,
    router: createAnnouncementsRouter({
      httpAuth: env.httpAuth,
      announcements,
      readers: AnnouncementReaders.create({ store, access }),
      feeds: AnnouncementFeeds.create({
        store,
        access,
        appBaseUrl: (config.getOptionalString('app.baseUrl') ?? '').replace(
          /\/+$/,
          '',
        ),
        backendBaseUrl: await env.discovery.getExternalBaseUrl(
          'platform-product',
        ),
      }),
    }),
    // the Atom feed opens in a browser tab (or a feed reader in it), which sends no token:
    // Backstage's user cookie, which the app sets first, stands in for it
    authPolicies: [{ path: '/announcements/feed', allow: 'user-cookie' }],
  };
}
