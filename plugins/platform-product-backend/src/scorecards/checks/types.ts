import {
  BuiltInScorecardCheckId,
  PlatformProductEntityV1alpha1,
} from '@platform-product/plugin-platform-product-common';
import { ScorecardCheckOutcome } from '@platform-product/plugin-platform-product-node';
import { ProductMetrics } from '../store/metrics';

/** How the product's manager resolved in the catalog. */
export type ProductManagerFact =
  | { state: 'none' }
  | { state: 'malformed'; ref: string }
  | { state: 'not-a-user'; ref: string }
  | { state: 'missing'; ref: string }
  | { state: 'found'; ref: string };

/** Everything a built-in check may look at for one product, read for the whole batch before. */
export interface ProductFacts {
  entity: PlatformProductEntityV1alpha1;
  productManager: ProductManagerFact;
  metrics: ProductMetrics;
  /** epoch milliseconds */
  now: number;
}

/** A built-in check: a pure function of the facts, with its thresholds bound at start. */
export interface BuiltInCheck {
  id: BuiltInScorecardCheckId;
  title: string;
  /** How to pass, for a platform PM; the outcome may give a more precise one. */
  advice: string;
  evaluate(facts: ProductFacts): ScorecardCheckOutcome;
}
