// PLACEHOLDER on branch sc-B: the real evaluator (the built-in checks, their config, the batched
// metrics and grading) is built on another branch and replaces this file on merge. Until then it
// runs the custom checks only, so that the branch works end to end.
import {
  AuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import { ScorecardCheck } from '@platform-product/plugin-platform-product-node';
import { Knex } from 'knex';
import { lower } from '../shared/caller';
import { ProductEvaluation, ProductEvaluator } from './ProductEvaluation';

export class DatabaseProductEvaluator implements ProductEvaluator {
  static create(options: {
    db: Knex;
    config: RootConfigService;
    catalog: CatalogService;
    auth: AuthService;
    customChecks: ScorecardCheck[];
    now?: () => number;
    logger?: LoggerService;
  }): DatabaseProductEvaluator {
    return new DatabaseProductEvaluator(options.customChecks);
  }

  private constructor(private readonly customChecks: ScorecardCheck[]) {}

  async evaluate(
    products: PlatformProductEntityV1alpha1[],
  ): Promise<ProductEvaluation[]> {
    const outcomes = await Promise.all(
      this.customChecks.map(check => check.evaluate(products)),
    );
    return products.map((product, i) => {
      const checks = this.customChecks.map((check, c) => ({
        id: check.id,
        title: check.title,
        level: null,
        status: outcomes[c][i].status,
        value: outcomes[c][i].value ?? null,
        threshold: outcomes[c][i].threshold ?? null,
        advice: outcomes[c][i].advice ?? check.advice,
        weight: check.weight ?? 1,
      }));
      const applicable = checks.filter(c => c.status !== 'not-applicable');
      const passing = applicable.filter(c => c.status === 'pass');
      return {
        productRef: lower(stringifyEntityRef(product)),
        score: applicable.length
          ? Math.round((100 * passing.length) / applicable.length)
          : 0,
        level: null,
        checks,
        figures: {
          nps: null,
          adoptingTeams: null,
          openPosts: 0,
          oldestUntriagedAt: null,
          lastAnnouncementAt: null,
        },
      };
    });
  }
}
