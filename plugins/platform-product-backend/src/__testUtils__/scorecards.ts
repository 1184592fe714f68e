import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  PlatformProductEntityV1alpha1,
  ScorecardCheckResult,
  ScorecardLevel,
} from '@platform-product/plugin-platform-product-common';
import { ScorecardCheck } from '@platform-product/plugin-platform-product-node';
import { Knex } from 'knex';
import {
  ProductEvaluation,
  ProductEvaluator,
} from '../scorecards/ProductEvaluation';
import { ProductInfo } from '../scorecards/ScorecardStore';
import { OWEN } from './people';
import { productEntities } from './products';

/** A check result of the given level and status (value and threshold by status). */
export function checkResult(
  id: string,
  level: ScorecardLevel | null,
  status: ScorecardCheckResult['status'],
  extra: Partial<ScorecardCheckResult> = {},
): ScorecardCheckResult {
  return {
    id,
    title: `Has ${id}`,
    level,
    status,
    value: status === 'pass',
    threshold: null,
    advice: `Add ${id}`,
    weight: 1,
    ...extra,
  };
}

/** An evaluation with three checks (bronze pm, silver docs, gold nps) and plain figures. */
export function evaluation(
  productRef: string,
  overrides: Partial<ProductEvaluation> = {},
): ProductEvaluation {
  return {
    productRef,
    score: 67,
    level: 'silver',
    checks: [
      checkResult('product-manager', 'bronze', 'pass', {
        value: 'user:default/jane',
      }),
      checkResult('documentation', 'silver', 'pass'),
      checkResult('nps', 'gold', 'fail', { value: 12, threshold: 30 }),
    ],
    figures: {
      nps: 12,
      adoptingTeams: 3,
      openPosts: 4,
      oldestUntriagedAt: '2026-02-20T08:00:00.000Z',
      lastAnnouncementAt: null,
    },
    ...overrides,
  };
}

/** What the portfolio stores of a product besides its scorecard. */
export function productInfo(
  productRef: string,
  overrides: Partial<ProductInfo> = {},
): ProductInfo {
  return {
    productRef,
    title: productRef.split('/')[1].toUpperCase(),
    productManager: 'user:default/jane',
    owner: 'group:default/platform-team',
    lifecycle: 'production',
    ...overrides,
  };
}

/** Every SQL statement the database runs from now on, to count them (call `stop` when done). */
export function recordStatements(knex: Knex) {
  const statements: string[] = [];
  const listener = (query: { sql: string }) => {
    statements.push(query.sql);
  };
  knex.on('query', listener);
  return {
    statements,
    /** the inserts, updates and deletes */
    writes: () =>
      statements.filter(sql => /^\s*(insert|update|delete)\b/i.test(sql)),
    stop: () => knex.removeListener('query', listener),
  };
}

const status = (pass: boolean) => (pass ? 'pass' : 'fail');
const ref = (entity: PlatformProductEntityV1alpha1) =>
  stringifyEntityRef(entity).toLocaleLowerCase('en-US');

/**
 * The scorecard an entity gets from `fakeEvaluator`: bronze with a PM, silver also with a vision,
 * gold also with the `example.com/gold` annotation; the score is the share of those passing, and
 * the custom checks (run on the whole batch, as the real evaluator does) count as level-less.
 */
export function fakeEvaluator(
  customChecks: ScorecardCheck[] = [],
): ProductEvaluator & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async evaluate(products: PlatformProductEntityV1alpha1[]) {
      calls.push(products.map(ref));
      const custom = await Promise.all(
        customChecks.map(async check => ({
          check,
          outcomes: await check.evaluate(products),
        })),
      );
      return products.map((product, i) => {
        const passes = [
          !!product.spec.productManager,
          !!product.spec.vision,
          !!product.metadata.annotations?.['example.com/gold'],
        ];
        const checks: ScorecardCheckResult[] = [
          checkResult('product-manager', 'bronze', status(passes[0])),
          checkResult('vision', 'silver', status(passes[1])),
          checkResult('gold', 'gold', status(passes[2])),
          ...custom.map(({ check, outcomes }) => ({
            id: check.id,
            title: check.title,
            level: check.level ?? null,
            status: outcomes[i].status,
            value: outcomes[i].value ?? null,
            threshold: outcomes[i].threshold ?? null,
            advice: outcomes[i].advice ?? check.advice,
            weight: check.weight ?? 1,
          })),
        ];
        const reached = passes.findIndex(pass => !pass);
        const levels: Array<ScorecardLevel | null> = [
          null,
          'bronze',
          'silver',
          'gold',
        ];
        return {
          productRef: ref(product),
          score: Math.round(
            (100 * checks.filter(c => c.status === 'pass').length) /
              checks.length,
          ),
          level: levels[reached === -1 ? 3 : reached],
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
    },
  };
}

export const W = 'platformproduct:default/w';

/**
 * The products as `fakeEvaluator` grades them: X gold (PM, vision, the gold annotation), Z
 * silver (PM, vision), W bronze (PM), Y at no level (no PM); CLI and LONELY are no products.
 */
export const scorecardEntities: Entity[] = [
  ...productEntities.map(entity => {
    if (entity.metadata.name === 'x') {
      return {
        ...entity,
        metadata: {
          ...entity.metadata,
          annotations: { 'example.com/gold': 'yes' },
        },
        spec: { ...entity.spec, vision: 'Ship in one command' },
      };
    }
    if (entity.metadata.name === 'z') {
      return {
        ...entity,
        spec: { ...entity.spec, vision: 'Data the same day' },
      };
    }
    return entity;
  }),
  {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: 'w', title: 'Product W' },
    spec: {
      owner: 'group:default/platform-team',
      productManager: OWEN,
      lifecycle: 'experimental',
    },
  },
];
