import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  platformProductBasicPermissions,
  platformProductPermissions,
} from '@platform-product/plugin-platform-product-common';
import { AdoptionService } from './adoption/AdoptionService';
import {
  recordAdoptionSnapshots,
  scheduleAdoptionSnapshots,
} from './adoption/AdoptionSnapshotTask';
import { DatabaseAdoptionSnapshotStore } from './adoption/DatabaseAdoptionSnapshotStore';
import { createAdoptionRouter } from './adoption/router';
import {
  AnnouncementPublisher,
  scheduleAnnouncementPublishing,
} from './announcements/AnnouncementPublisher';
import { AnnouncementService } from './announcements/AnnouncementService';
import { DatabaseAnnouncementStore } from './announcements/DatabaseAnnouncementStore';
import { createAnnouncementsRouter } from './announcements/router';
import { getMigratedClient } from './database/migrations';
import { AuthorIdentity } from './feedback/AuthorIdentity';
import { DatabaseFeedbackStore } from './feedback/DatabaseFeedbackStore';
import { FeedbackService } from './feedback/FeedbackService';
import { CachedPermissions } from './shared/CachedPermissions';
import { ProductResolver } from './shared/ProductResolver';
import { createFeedbackRouter } from './feedback/router';
import {
  platformProductResourceRef,
  platformProductRules,
} from './permissions/rules';
import { createRouter } from './router';

/**
 * The Platform Product backend plugin.
 *
 * @public
 */
export const platformProductPlugin = createBackendPlugin({
  pluginId: 'platform-product',
  register(env) {
    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        cache: coreServices.cache,
        config: coreServices.rootConfig,
        database: coreServices.database,
        discovery: coreServices.discovery,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { auth, config, httpAuth, catalog } = deps;
        const permissions = CachedPermissions.fromConfig(
          config,
          deps.permissions,
        );
        const db = await getMigratedClient(deps.database);
        const adoption = AdoptionService.create({ catalog });
        const snapshots = DatabaseAdoptionSnapshotStore.create(db);
        // every capability evaluates conditional decisions here, on the cached product
        // entity; the permission backend's getResources reads the same cache
        const products = ProductResolver.create({
          catalog,
          cache: deps.cache,
          auth,
        });
        deps.permissionsRegistry.addResourceType({
          resourceRef: platformProductResourceRef,
          permissions: platformProductPermissions,
          rules: Object.values(platformProductRules),
          getResources: refs => products.products(refs),
        });
        deps.permissionsRegistry.addPermissions(
          platformProductBasicPermissions,
        );
        const applyConditions = createConditionAuthorizer(
          deps.permissionsRegistry.getPermissionRuleset(
            platformProductResourceRef,
          ),
        );
        const feedback = FeedbackService.create({
          store: DatabaseFeedbackStore.create(db),
          identity: AuthorIdentity.fromConfig(config, deps.logger),
          products,
          permissions,
          applyConditions,
          auditor: deps.auditor,
          notifications: deps.notifications,
          logger: deps.logger,
          dailyLimit: config.getOptionalNumber(
            'platformProduct.feedback.dailyLimitPerUser',
          ),
        });

        const announcementStore = DatabaseAnnouncementStore.create(db);
        const publisher = AnnouncementPublisher.create({
          store: announcementStore,
          catalog,
          auth,
          adoption,
          notifications: deps.notifications,
          auditor: deps.auditor,
          logger: deps.logger,
        });
        const announcements = AnnouncementService.create({
          store: announcementStore,
          publisher,
          catalog,
          products,
          permissions,
          applyConditions,
          auditor: deps.auditor,
          logger: deps.logger,
          appBaseUrl: (config.getOptionalString('app.baseUrl') ?? '').replace(
            /\/+$/,
            '',
          ),
          backendBaseUrl: await deps.discovery.getExternalBaseUrl(
            'platform-product',
          ),
        });

        const scheduleConfig = config.getOptionalConfig(
          'platformProduct.adoption.snapshotSchedule',
        );
        await scheduleAdoptionSnapshots({
          scheduler: deps.scheduler,
          logger: deps.logger,
          schedule: scheduleConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                scheduleConfig,
              )
            : {
                frequency: { hours: 6 },
                timeout: { minutes: 15 },
                initialDelay: { minutes: 1 },
              },
          run: () =>
            recordAdoptionSnapshots({
              catalog,
              auth,
              adoption,
              store: snapshots,
            }),
        });

        const publishConfig = config.getOptionalConfig(
          'platformProduct.announcements.publishSchedule',
        );
        await scheduleAnnouncementPublishing({
          scheduler: deps.scheduler,
          logger: deps.logger,
          publisher,
          schedule: publishConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                publishConfig,
              )
            : {
                frequency: { minutes: 1 },
                timeout: { minutes: 10 },
                initialDelay: { seconds: 30 },
              },
        });

        deps.httpRouter.use(
          createRouter([
            createAdoptionRouter({
              httpAuth,
              access: { permissions, products, applyConditions },
              adoption,
              snapshots,
            }),
            createFeedbackRouter({ httpAuth, feedback }),
            createAnnouncementsRouter({ httpAuth, announcements }),
          ]),
        );
        // the Atom feed opens in a browser tab (or a feed reader in it), which sends no token:
        // Backstage's user cookie, which the app sets first, stands in for it
        deps.httpRouter.addAuthPolicy({
          path: '/announcements/feed',
          allow: 'user-cookie',
        });
      },
    });
  },
});
