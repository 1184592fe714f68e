import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

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
    announcements?: {
      /**
       * How often to publish and deliver scheduled announcements whose publishAt has come
       * (and to resume deliveries that crashed). Defaults to every minute.
       */
      publishSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    feedback?: {
      /**
       * Keys the hash of feedback authors and the encryption of anonymous authors
       * (used only to address notifications to them). Required in production; keep it
       * stable: with a new secret, authors lose track of their anonymous feedback.
       * @visibility secret
       */
      authorSecret?: string;
      /** Ratings and posts one user may give per 24 hours; default 50. */
      dailyLimitPerUser?: number;
    };
    roadmap?: {
      /**
       * How often to tell again the people behind shipped items whose "you asked, we shipped"
       * did not reach them all (a failed send, a replica stopped mid-way). Defaults to every
       * minute; an item is retried from two minutes after it shipped.
       */
      shipmentSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    scorecards?: {
      /**
       * When to evaluate every product's scorecard and store it (once across replicas).
       * Defaults to every hour, with a timeout of 15 minutes, 1 minute after start.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Products read from the catalog, evaluated and stored at a time; 1-1,000, default 200.
       */
      batchSize?: number;
      /**
       * Days of daily snapshots kept per product (the trend and the history); older ones are
       * pruned after each run. Default 400: a year, and the 30 days before it that the
       * portfolio compares the NPS with.
       */
      historyDays?: number;
    };
    permissions?: {
      /**
       * How long the plugin remembers a user's permission decisions, so that a policy or
       * group change takes effect within it. Default 5 seconds (as the framework's user-info
       * cache); 0 asks the permission backend on every request.
       */
      decisionCacheTtl?: HumanDuration | string;
    };
  };
}
