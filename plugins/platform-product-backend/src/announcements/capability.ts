import {
  announcementGlobalManagePermission,
  announcementManagePermission,
} from '@platform-product/plugin-platform-product-common';
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
