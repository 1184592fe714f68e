import {
  BackendFeature,
  coreServices,
  createServiceFactory,
  PermissionsService,
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { platformProductPlugin } from '../plugin';
import {
  recordingAuditor,
  recordingCatalog,
  recordingLogger,
  recordingNotifications,
} from './fakes';
import { productEntities } from './products';

/**
 * The plugin in a test backend, on a test database, with recording fakes for the catalog,
 * the auditor, the logger and notifications. Without `permissions` the backend's default
 * (everything allowed); `platformProduct` is the plugin's config, `config` more root config;
 * `notifications` replaces the recording one (to fail or wait); `features` adds modules or
 * replaces services (a real scheduler).
 */
export async function startPlatformProductBackend(options: {
  knex: Knex;
  entities?: Entity[];
  platformProduct?: JsonObject;
  config?: JsonObject;
  notifications?: Pick<NotificationService, 'send'>;
  permissions?: PermissionsService;
  scheduler?: SchedulerService;
  features?: BackendFeature[];
  /** replaces the recording auditor (e.g. the real one, which logs through the logger) */
  auditor?: ServiceFactory;
}) {
  const { catalog, reads: catalogReads } = recordingCatalog(
    options.entities ?? productEntities,
  );
  const { auditor, events: auditEvents } = recordingAuditor();
  const { logger, lines: logLines } = recordingLogger();
  const { notifications, sent } = recordingNotifications();
  const { permissions, scheduler } = options;
  const backend = await startTestBackend({
    features: [
      platformProductPlugin,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          platformProduct: options.platformProduct ?? {},
        },
      }),
      createServiceFactory({
        service: coreServices.logger,
        deps: {},
        factory: () => logger,
      }),
      options.auditor ?? auditor.factory,
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => options.notifications ?? notifications,
      }),
      ...(permissions
        ? [
            createServiceFactory({
              service: coreServices.permissions,
              deps: {},
              factory: () => permissions,
            }),
          ]
        : []),
      ...(scheduler
        ? [
            createServiceFactory({
              service: coreServices.scheduler,
              deps: {},
              factory: () => scheduler,
            }),
          ]
        : []),
      ...(options.features ?? []),
    ],
  });
  return {
    server: backend.server,
    stop: () => backend.stop(),
    knex: options.knex,
    catalogReads,
    auditEvents,
    logLines,
    sent,
  };
}
