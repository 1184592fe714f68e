import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  platformProductScorecardsExtensionPoint,
  ScorecardCheck,
} from '@platform-product/plugin-platform-product-node';
import { registerPlatformProductActions } from './actions';
import { createAdoptionCapability } from './adoption/capability';
import { createAnnouncementsCapability } from './announcements/capability';
import { getMigratedClient } from './database/migrations';
import { createFeedbackCapability } from './feedback/capability';
import {
  platformProductResourceRef,
  platformProductRules,
} from './permissions/rules';
import { createRoadmapCapability } from './roadmap/capability';
import { createRouter } from './router';
import { createScorecardsCapability } from './scorecards/capability';
import { CachedPermissions } from './shared/CachedPermissions';
import { CapabilityEnv } from './shared/capability';
import { ProductResolver } from './shared/ProductResolver';

/**
 * The Platform Product backend plugin. It sets up what every capability shares (the
 * database, the product resource type with its rules, the one permission path) and composes
 * the capabilities: each registers its permissions and tasks and returns its routes and the
 * service its actions call (`actions/`, for the actions registry). Backend
 * modules add scorecard checks through `platformProductScorecardsExtensionPoint`.
 *
 * @public
 */
export const platformProductPlugin = createBackendPlugin({
  pluginId: 'platform-product',
  register(env) {
    // the modules' init runs before the plugin's: every check is added by then
    const customChecks: ScorecardCheck[] = [];
    env.registerExtensionPoint(platformProductScorecardsExtensionPoint, {
      addCheck(...checks) {
        customChecks.push(...checks);
      },
    });
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
        actionsRegistry: actionsRegistryServiceRef,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init({ cache, database, httpRouter, actionsRegistry, ...deps }) {
        // conditional decisions are evaluated here, on the cached product entity; the
        // permission backend's getResources reads the same cache
        const products = ProductResolver.create({
          catalog: deps.catalog,
          cache,
          auth: deps.auth,
        });
        deps.permissionsRegistry.addResourceType({
          resourceRef: platformProductResourceRef,
          rules: Object.values(platformProductRules),
          getResources: refs => products.products(refs),
        });
        const capabilityEnv: CapabilityEnv = {
          ...deps,
          db: await getMigratedClient(database),
          access: {
            permissions: CachedPermissions.fromConfig(
              deps.config,
              deps.permissions,
            ),
            products,
            applyConditions: createConditionAuthorizer(
              deps.permissionsRegistry.getPermissionRuleset(
                platformProductResourceRef,
              ),
            ),
          },
        };

        const adoption = await createAdoptionCapability(capabilityEnv);
        const feedback = createFeedbackCapability(capabilityEnv);
        const announcements = await createAnnouncementsCapability(
          capabilityEnv,
          adoption,
        );
        const roadmap = await createRoadmapCapability(capabilityEnv, feedback);
        const scorecards = await createScorecardsCapability(
          capabilityEnv,
          customChecks,
        );
        const capabilities = [
          adoption,
          feedback,
          announcements,
          roadmap,
          scorecards,
        ];

        // the same services, as typed actions for agents (MCP) and other plugins
        registerPlatformProductActions(actionsRegistry, {
          ...adoption,
          ...feedback,
          ...announcements,
          ...roadmap,
          ...scorecards,
        });

        httpRouter.use(createRouter(capabilities.map(({ router }) => router)));
        capabilities
          .flatMap(({ authPolicies }) => authPolicies ?? [])
          .forEach(policy => httpRouter.addAuthPolicy(policy));
      },
    });
  },
});
