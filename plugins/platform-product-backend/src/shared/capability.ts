import {
  AuditorService,
  AuthService,
  DiscoveryService,
  HttpAuthService,
  HttpRouterServiceAuthPolicy,
  LoggerService,
  PermissionsRegistryService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import express from 'express';
import { Knex } from 'knex';
import { AuthorizeDeps } from './authorize';

/**
 * What the plugin hands every capability: the core services it uses, the migrated database
 * and the one permission path (`access`: the cached permissions, the cached products and the
 * plugin's rules, see authorize.ts).
 */
export type CapabilityEnv = {
  db: Knex;
  config: RootConfigService;
  logger: LoggerService;
  auditor: AuditorService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  discovery: DiscoveryService;
  scheduler: SchedulerService;
  permissionsRegistry: PermissionsRegistryService;
  catalog: CatalogService;
  notifications: NotificationService;
  access: AuthorizeDeps;
};

/** A capability as the plugin mounts it: its routes, and the auth policies they need. */
export type Capability = {
  router: express.Router;
  authPolicies?: HttpRouterServiceAuthPolicy[];
};

/** A task's schedule from the config at `key`, or the default without it. */
export function scheduleFromConfig(
  config: RootConfigService,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  const configured = config.getOptionalConfig(key);
  return configured
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(configured)
    : fallback;
}
