// PLACEHOLDER on branch sc-B: the real evaluator (the built-in checks, their config, the batched
// metrics and grading) is built on another branch and replaces this file on merge.
import { AuthService, RootConfigService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import { ScorecardCheck } from '@platform-product/plugin-platform-product-node';
import { Knex } from 'knex';
import { ProductEvaluation, ProductEvaluator } from './ProductEvaluation';

export class DatabaseProductEvaluator implements ProductEvaluator {
  static create(_options: {
    db: Knex;
    config: RootConfigService;
    catalog: CatalogService;
    auth: AuthService;
    customChecks: ScorecardCheck[];
    now?: () => number;
  }): DatabaseProductEvaluator {
    return new DatabaseProductEvaluator();
  }

  async evaluate(
    _products: PlatformProductEntityV1alpha1[],
  ): Promise<ProductEvaluation[]> {
    throw new Error('not merged yet');
  }
}
