import { z } from 'zod';
import { entityRefSchema } from '../refs';
import { oneOf, optionalQueryText } from '../shared/schemas';
import { PLATFORM_PRODUCT_LIFECYCLES } from '../kind/types';
import { ScoreTrend } from './trend';

/** Levels, lowest first. A level is reached when its checks and those of every level below pass. */
export const SCORECARD_LEVELS = ['bronze', 'silver', 'gold'] as const;
export type ScorecardLevel = (typeof SCORECARD_LEVELS)[number];

export const SCORECARD_CHECK_STATUSES = [
  'pass',
  'fail',
  'not-applicable',
] as const;
export type ScorecardCheckStatus = (typeof SCORECARD_CHECK_STATUSES)[number];

/** The built-in checks of product-management hygiene. Custom checks add their own ids. */
export const BUILT_IN_SCORECARD_CHECKS = [
  'product-manager',
  'vision',
  'lifecycle',
  'documentation',
  'support-channel',
  'office-hours',
  'roadmap-updated',
  'recent-announcement',
  'feedback-responses',
  'nps',
  'first-reply',
  'no-stale-posts',
  'adopting-teams',
] as const;
export type BuiltInScorecardCheckId =
  (typeof BUILT_IN_SCORECARD_CHECKS)[number];

/** A check id: lower-case words joined by dashes, like `on-call-rota`. */
export const SCORECARD_CHECK_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A check's measured value or threshold, as stored and shown (`3 teams`, `42`, `#deploy-help`). */
export type ScorecardValue = string | number | boolean | null;

/** One check's result for one product. */
export interface ScorecardCheckResult {
  id: string;
  title: string;
  /** The level the check belongs to; null when it only counts towards the score. */
  level: ScorecardLevel | null;
  status: ScorecardCheckStatus;
  /** What was measured, in the check's unit; null when nothing could be measured. */
  value: ScorecardValue;
  /** What it takes to pass, in the same unit; null for a yes/no check. */
  threshold: ScorecardValue;
  /** How to pass (shown on a failure), or why the check does not apply. */
  advice: string;
  /** The check's weight in the score. */
  weight: number;
}

/** GET /scorecards?productRef= */
export interface ProductScorecard {
  productRef: string;
  /** The highest level reached; null below bronze. */
  level: ScorecardLevel | null;
  /** 0-100: the weighted share of the applicable checks that pass. */
  score: number;
  /** Checks by level (bronze, silver, gold, then level-less), each in its configured order. */
  checks: ScorecardCheckResult[];
  /** ISO 8601: the evaluation these results come from. */
  evaluatedAt: string;
}

/** One product's day in the history (the last evaluation of that day). */
export interface ScorecardSnapshot {
  /** YYYY-MM-DD (UTC) */
  day: string;
  score: number;
  level: ScorecardLevel | null;
  /** -100..100 over the NPS window; null without responses. */
  nps: number | null;
  adoptingTeams: number | null;
  openPosts: number;
  /** ISO 8601: the oldest post still `new`; null when none is. */
  oldestUntriagedAt: string | null;
  /** ISO 8601: the last published announcement of the product; null when none was. */
  lastAnnouncementAt: string | null;
}

export const SCORECARD_HISTORY_DAYS_MAX = 365;

/** GET /scorecards?productRef= */
export const scorecardQuerySchema = z.object({
  productRef: entityRefSchema,
});

/** GET /scorecards/history?productRef=&days= (days 1-365, 90 by default) */
export const scorecardHistoryQuerySchema = z.object({
  productRef: entityRefSchema,
  days: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, `must be from 1 to ${SCORECARD_HISTORY_DAYS_MAX}`)
    .max(
      SCORECARD_HISTORY_DAYS_MAX,
      `must be from 1 to ${SCORECARD_HISTORY_DAYS_MAX}`,
    )
    .default(90),
});

/** POST /scorecards/refresh: evaluate one product now. */
export const refreshScorecardSchema = z.strictObject({
  productRef: entityRefSchema,
});
export type RefreshScorecardRequest = z.input<typeof refreshScorecardSchema>;

/** One row of the portfolio page: a product, as its last evaluation saw it. */
export interface PortfolioItem {
  productRef: string;
  title: string;
  /** user ref; null when the product names none */
  productManager: string | null;
  /** group ref */
  owner: string | null;
  lifecycle: string | null;
  level: ScorecardLevel | null;
  score: number;
  /**
   * The score of each of the last 30 days, oldest first (the sparkline): `scores[i]` is the day
   * `from` + i, null on a day without a snapshot (see `scoreTrendPoints`).
   */
  scoreTrend: ScoreTrend;
  nps: number | null;
  /** NPS 30 days before the last evaluation; null without a snapshot or responses then. */
  npsBefore: number | null;
  adoptingTeams: number | null;
  openPosts: number;
  /** ISO 8601: the oldest post still `new`; null when none is. */
  oldestUntriagedAt: string | null;
  /** ISO 8601 */
  lastAnnouncementAt: string | null;
  /** ISO 8601 */
  evaluatedAt: string;
}

export const PORTFOLIO_SORTS = [
  'title',
  'score',
  'level',
  'nps',
  'adoptingTeams',
  'openPosts',
  'oldestUntriaged',
  'lastAnnouncement',
] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

/** `score` sorts highest first, `-score` lowest first; every other key ascends, `-key` descends. */
const portfolioSortSchema = z
  .string({ error: 'must be given once' })
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return { by: 'title' as PortfolioSort, descending: false };
    const descending = value.startsWith('-');
    const by = (descending ? value.slice(1) : value) as PortfolioSort;
    if (!PORTFOLIO_SORTS.includes(by)) {
      ctx.addIssue({
        code: 'custom',
        message: `must be one of ${PORTFOLIO_SORTS.join(
          ', ',
        )} (with a leading - to reverse), got '${value}'`,
      });
      return z.NEVER;
    }
    return { by, descending };
  });

/** GET /portfolio and /portfolio/export */
export const portfolioQuerySchema = z.object({
  /** a group ref: the products it owns */
  owner: optionalQueryText.pipe(entityRefSchema.optional()),
  lifecycle: oneOf(PLATFORM_PRODUCT_LIFECYCLES).optional(),
  /** a level, or `none` for products below bronze */
  level: oneOf([...SCORECARD_LEVELS, 'none'] as const).optional(),
  sort: portfolioSortSchema,
});
export type PortfolioQuery = z.input<typeof portfolioQuerySchema>;

export interface Portfolio {
  items: PortfolioItem[];
}
