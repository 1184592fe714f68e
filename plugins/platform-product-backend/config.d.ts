import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Settings of the Platform Product backend plugin. */
  platformProduct?: {
    adoption?: {
      /**
       * When to record each product's adoption counts for its trend.
       * Defaults to every 6 hours (the latest run of a day is that day's figure).
       */
      snapshotSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
