import type {
  PlatformProductEntityV1alpha1,
  ScorecardCheckResult,
  ScorecardLevel,
} from '@platform-product/plugin-platform-product-common';

/**
 * The figures of a product that the portfolio shows beside its score and that the daily
 * snapshot keeps for the trend.
 */
export interface ProductFigures {
  /** -100..100 over the NPS check's window; null without responses. */
  nps: number | null;
  /** From the latest adoption snapshot; null before the first one. */
  adoptingTeams: number | null;
  /** Posts not done, declined or duplicate. */
  openPosts: number;
  /** ISO 8601: the oldest post still `new`; null when none is. */
  oldestUntriagedAt: string | null;
  /** ISO 8601: the last published announcement; null when none was. */
  lastAnnouncementAt: string | null;
}

/** One product's evaluation: every check's result, the score and level they give, its figures. */
export interface ProductEvaluation {
  /** lower-cased */
  productRef: string;
  score: number;
  level: ScorecardLevel | null;
  /** Ordered as the API answers them: by level (bronze, silver, gold, none), then configured order. */
  checks: ScorecardCheckResult[];
  figures: ProductFigures;
}

/** Evaluates one batch of products in a bounded number of queries, whatever the batch size. */
export interface ProductEvaluator {
  evaluate(
    products: PlatformProductEntityV1alpha1[],
  ): Promise<ProductEvaluation[]>;
}
