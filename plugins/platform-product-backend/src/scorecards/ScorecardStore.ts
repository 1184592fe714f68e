import {
  PortfolioSort,
  ScorecardCheckResult,
  ScorecardLevel,
  ScorecardSnapshot,
} from '@platform-product/plugin-platform-product-common';
import { ProductEvaluation, ProductFigures } from './ProductEvaluation';

/** What the portfolio shows of a product besides its scorecard, from its catalog entity. */
export interface ProductInfo {
  /** lower-cased */
  productRef: string;
  title: string;
  /** full user ref, lower-cased; null without one */
  productManager: string | null;
  /** full group ref, lower-cased */
  owner: string | null;
  lifecycle: string | null;
}

/** A product's stored scorecard: its last evaluation. */
export interface StoredScorecard {
  productRef: string;
  score: number;
  level: ScorecardLevel | null;
  checks: ScorecardCheckResult[];
  /** epoch ms */
  evaluatedAt: number;
}

/** One product of the portfolio, with its 30-day trend. */
export interface StoredPortfolioRow extends ProductInfo, ProductFigures {
  score: number;
  level: ScorecardLevel | null;
  /**
   * The scores of the 30 days up to the evaluation's day, oldest first: the JSON of a
   * `ScoreTrend` (common), as stored and sent.
   */
  scoreTrendJson: string;
  /** The NPS of the snapshot 30 days before the evaluation's day. */
  npsBefore: number | null;
  /** epoch ms */
  evaluatedAt: number;
}

/** The portfolio's filters and order, as parsed from the query. */
export interface PortfolioFilter {
  owner?: string;
  lifecycle?: string;
  /** `none`: below bronze */
  level?: ScorecardLevel | 'none';
  sort: { by: PortfolioSort; descending: boolean };
}

/** What one `record` wrote: rows inserted, updated or deleted, by table. */
export interface RecordOutcome {
  products: number;
  checks: number;
  snapshots: number;
}

/**
 * The scorecards' storage: the latest result per product and check, one row per product for the
 * portfolio and one snapshot per product and day. It grows with products x days, never with runs.
 */
export interface ScorecardStore {
  /**
   * Stores a batch of evaluations (of the products in `products`) made at `now`: writes only the
   * rows that differ from the stored ones, moves `evaluated_at` of the others in one statement,
   * and upserts today's snapshot where it differs.
   */
  record(
    evaluations: ProductEvaluation[],
    products: ProductInfo[],
    now: number,
  ): Promise<RecordOutcome>;

  /**
   * Removes the products not in `keepProductRefs` (gone from the catalog) with their results and
   * history, and every snapshot of a day before `olderThanDay`.
   */
  prune(
    keepProductRefs: string[],
    olderThanDay: string,
  ): Promise<{ products: number; snapshots: number }>;

  scorecard(productRef: string): Promise<StoredScorecard | undefined>;

  /** The product's snapshots from `sinceDay` on, oldest first. */
  history(productRef: string, sinceDay: string): Promise<ScorecardSnapshot[]>;

  /** Every stored product that matches the filter, in its order (one query). */
  portfolio(filter: PortfolioFilter): Promise<StoredPortfolioRow[]>;
}
