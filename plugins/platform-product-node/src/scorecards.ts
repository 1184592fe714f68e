import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type {
  PlatformProductEntityV1alpha1,
  ScorecardCheckStatus,
  ScorecardLevel,
  ScorecardValue,
} from '@platform-product/plugin-platform-product-common';

/**
 * What a check found for one product.
 *
 * @public
 */
export interface ScorecardCheckOutcome {
  status: ScorecardCheckStatus;
  /** What was measured; null or absent when nothing was. */
  value?: ScorecardValue;
  /** What it takes to pass, in the unit of `value`; absent for a yes/no check. */
  threshold?: ScorecardValue;
  /** Advice for this product; the check's `advice` when absent. */
  advice?: string;
}

/**
 * A scorecard check. The plugin evaluates products in batches: `evaluate` receives every
 * product of a batch at once and reads what it needs for the whole batch in a bounded
 * number of queries, never one per product. A check whose data is absent for a product
 * answers `not-applicable`, which never fails a level.
 *
 * @public
 */
export interface ScorecardCheck {
  /** Lower-case words joined by dashes, unique among all checks, like `on-call-rota`. */
  id: string;
  title: string;
  /** How to pass, shown beside a failure. */
  advice: string;
  /**
   * The level the check belongs to, unless `platformProduct.scorecards.levels` assigns the
   * levels; without one it only counts towards the score.
   */
  level?: ScorecardLevel;
  /** Its weight in the 0-100 score (1 by default; `platformProduct.scorecards.weights` overrides it). */
  weight?: number;
  /** One outcome per product, in the order of `products`. */
  evaluate(
    products: PlatformProductEntityV1alpha1[],
  ): Promise<ScorecardCheckOutcome[]> | ScorecardCheckOutcome[];
}

/**
 * Adds checks to the Platform Product scorecards.
 *
 * @public
 */
export interface PlatformProductScorecardsExtensionPoint {
  addCheck(...checks: ScorecardCheck[]): void;
}

/**
 * The extension point a backend module uses to add scorecard checks:
 *
 * ```ts
 * createBackendModule({
 *   pluginId: 'platform-product',
 *   moduleId: 'on-call-check',
 *   register(env) {
 *     env.registerInit({
 *       deps: { scorecards: platformProductScorecardsExtensionPoint },
 *       async init({ scorecards }) {
 *         scorecards.addCheck(onCallRotaCheck);
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const platformProductScorecardsExtensionPoint =
  createExtensionPoint<PlatformProductScorecardsExtensionPoint>({
    id: 'platform-product.scorecards',
  });
