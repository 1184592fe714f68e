import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { PlatformAnnouncementCollatorFactory } from './collator/PlatformAnnouncementCollatorFactory';

const SCHEDULE_CONFIG_KEY = 'search.collators.platformProduct.schedule';

/** Every 10 minutes, starting a few seconds after the backend is up. */
export const defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 3 },
};

/**
 * Indexes the published announcements of Platform Product in Backstage search,
 * as documents of type `platform-announcement`.
 *
 * @public
 */
export const searchModulePlatformProduct = createBackendModule({
  pluginId: 'search',
  moduleId: 'platform-product',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        config,
        discovery,
        auth,
        logger,
        scheduler,
        indexRegistry,
      }) {
        let schedule = defaultSchedule;
        const scheduleConfig = config.getOptionalConfig(SCHEDULE_CONFIG_KEY);
        if (scheduleConfig) {
          try {
            schedule =
              readSchedulerServiceTaskScheduleDefinitionFromConfig(
                scheduleConfig,
              );
          } catch (error) {
            throw new InputError(
              `Invalid schedule at ${SCHEDULE_CONFIG_KEY}: ${error}`,
            );
          }
        }
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: PlatformAnnouncementCollatorFactory.create({
            discovery,
            auth,
            logger,
          }),
        });
      },
    });
  },
});
