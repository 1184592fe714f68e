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
      /**
       * How long a replica's claim on a delivery holds without progress (a chunk of
       * recipients notified renews it); after it, the publish task of any replica takes the
       * delivery over where it stopped (a replica that died mid-way). Defaults to 10 minutes;
       * at least 1 second. Keep it well above the time of one chunk (500 recipients).
       */
      deliveryClaimTimeout?: HumanDuration | string;
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
      /**
       * Which checks each level needs; when set, the complete assignment (a check not listed
       * counts towards the score only, and a level left out is never reached). A level is
       * reached when all its checks and those of the levels below pass or do not apply.
       * Default: bronze = product-manager, vision, lifecycle, support-channel; silver =
       * documentation, office-hours, recent-announcement, feedback-responses, no-stale-posts;
       * gold = roadmap-updated, nps, first-reply, adopting-teams (a custom check joins its own
       * `level`). Checks are shown in this order.
       */
      levels?: {
        bronze?: string[];
        silver?: string[];
        gold?: string[];
      };
      /**
       * Weight of a check (by id) in the 0-100 score: the weighted share of the passing checks
       * among those that apply. Default 1 (a custom check's own `weight`); 0 or more.
       */
      weights?: { [checkId: string]: number };
      /** Thresholds of the built-in checks; all optional, never negative. */
      checks?: {
        vision?: {
          /** Words spec.vision needs to count as a vision; default 12. */
          minimumWords?: number;
        };
        'roadmap-updated'?: {
          /** The roadmap must have changed within this many days; default 90. */
          days?: number;
        };
        'recent-announcement'?: {
          /** An announcement must have been published within this many days; default 60. */
          days?: number;
        };
        'feedback-responses'?: {
          /** Ratings plus posts needed in the window; default 10. */
          minimum?: number;
          /** The window, in days; default 90. */
          days?: number;
        };
        nps?: {
          /** The NPS to reach (-100 to 100); default 30. */
          target?: number;
          /** Responses below which the check does not apply; default 10. */
          minimumResponses?: number;
          /**
           * The window: the last calendar months, this one included, counted as the Feedback
           * tab counts them (each user's latest rating of a month); default 3. Also the
           * window of the NPS on the portfolio and in the history.
           */
          months?: number;
        };
        'first-reply'?: {
          /** The median time to the team's first reply on a post, in hours; default 24. */
          hours?: number;
          /** Over the posts of the last calendar months, this one included; default 3. */
          months?: number;
        };
        'no-stale-posts'?: {
          /** No post may still be `new` after this many days; default 14. */
          days?: number;
        };
        'adopting-teams'?: {
          /** Teams that must use the product (latest adoption snapshot); default 3. */
          minimum?: number;
        };
      };
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
