import {
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { scheduleFromConfig } from '../shared/capability';

/** How the scheduled evaluation runs: `platformProduct.scorecards.*` with their defaults. */
export interface ScorecardRunConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Products read from the catalog, evaluated and stored at a time. */
  batchSize: number;
  /** Days of history kept per product. */
  historyDays: number;
}

export const SCORECARD_DEFAULTS = {
  schedule: {
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 1 },
  },
  batchSize: 200,
  /** a year of history, and the 30 days before it that the portfolio compares NPS with */
  historyDays: 400,
} as const;

const KEY = 'platformProduct.scorecards';

/** Reads the config; a bad value stops the backend at start, naming its key. */
export function readScorecardRunConfig(
  config: RootConfigService,
): ScorecardRunConfig {
  return {
    schedule: scheduleFromConfig(
      config,
      `${KEY}.schedule`,
      SCORECARD_DEFAULTS.schedule,
    ),
    batchSize: wholeNumber(
      config,
      `${KEY}.batchSize`,
      SCORECARD_DEFAULTS.batchSize,
      1,
      1000,
    ),
    historyDays: wholeNumber(
      config,
      `${KEY}.historyDays`,
      SCORECARD_DEFAULTS.historyDays,
      1,
      100_000,
    ),
  };
}

function wholeNumber(
  config: RootConfigService,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${key} must be a whole number from ${min} to ${max.toLocaleString(
        'en-US',
      )}, got ${value}`,
    );
  }
  return value;
}
