import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The search collator of Platform Product's announcements. */
      platformProduct?: {
        /**
         * When to index the published announcements. Defaults to every 10 minutes,
         * 3 seconds after start, with a timeout of 15 minutes.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
