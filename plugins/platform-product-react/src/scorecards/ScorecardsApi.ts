import {
  Portfolio,
  PortfolioQuery,
  PortfolioSort,
  ProductScorecard,
  ScorecardSnapshot,
} from '@platform-product/plugin-platform-product-common';

/**
 * The portfolio's filters and order: `owner` a group ref, `level` a level or `none`
 * (below bronze), `sort` a column (`score` highest first) or `-column` reversed.
 *
 * @public
 */
export type PortfolioOptions = Omit<PortfolioQuery, 'sort'> & {
  sort?: PortfolioSort | `-${PortfolioSort}`;
};

/**
 * The scorecard calls of the Platform Product backend: one product's checks, level
 * and score, its daily history, a re-evaluation on demand, and every product at once
 * (the portfolio).
 *
 * @public
 */
export interface PlatformProductScorecardsApi {
  /** The product's last evaluation: level, score and every check. */
  getScorecard(productRef: string): Promise<ProductScorecard>;
  /** One snapshot per day over the last `days` (1-365, 90 by default), oldest first. */
  getScorecardHistory(
    productRef: string,
    options?: { days?: number },
  ): Promise<ScorecardSnapshot[]>;
  /** Evaluates the product now (the product team); its new scorecard. */
  refreshScorecard(productRef: string): Promise<ProductScorecard>;
  /** Every product's last evaluation, filtered and sorted on the server. */
  getPortfolio(options?: PortfolioOptions): Promise<Portfolio>;
  /** The same rows as CSV. */
  exportPortfolio(options?: PortfolioOptions): Promise<Blob>;
}
