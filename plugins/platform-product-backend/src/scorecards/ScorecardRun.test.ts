import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { migratedDatabase } from '../__testUtils__/database';
import { recordingLogger } from '../__testUtils__/fakes';
import {
  evaluation,
  fakeEvaluator,
  productInfo,
  scorecardEntities,
  W,
  X,
  Y,
  Z,
} from '../__testUtils__';
import { ProductEvaluator } from './ProductEvaluation';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { ScorecardRun } from './ScorecardRun';

jest.setTimeout(60_000);

const T0 = Date.parse('2026-03-10T12:00:00Z');
const DAY = 24 * 3_600_000;

describe('ScorecardRun', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(options: {
    entities?: Entity[];
    evaluator?: ProductEvaluator;
    now?: () => number;
  }) {
    const knex = await migratedDatabase(databases, 'SQLITE_3');
    const store = DatabaseScorecardStore.create(knex);
    const { logger, lines } = recordingLogger();
    const evaluator = options.evaluator ?? fakeEvaluator();
    const run = new ScorecardRun({
      catalog: catalogServiceMock({
        entities: options.entities ?? scorecardEntities,
      }),
      auth: mockServices.auth(),
      evaluator,
      store,
      logger,
      batchSize: 2,
      historyDays: 3,
      now: options.now ?? (() => T0),
    });
    return { knex, store, run, lines, evaluator };
  }

  it('evaluates the products a page at a time and stores them; a second run changes nothing', async () => {
    const evaluator = fakeEvaluator();
    const { run, store } = await setup({ evaluator });
    await expect(run.run()).resolves.toEqual({
      products: 4,
      written: { products: 4, checks: 12, snapshots: 4 },
      pruned: { products: 0, snapshots: 0 },
    });
    expect(evaluator.calls).toEqual([
      [W, X],
      [Y, Z],
    ]);
    await expect(run.run()).resolves.toMatchObject({
      written: { products: 0, checks: 0, snapshots: 0 },
    });
    await expect(store.scorecard(Z)).resolves.toMatchObject({
      level: 'silver',
    });
  });

  it('prunes the products gone from the catalog and the snapshots past historyDays', async () => {
    let now = T0;
    const { run, store, knex } = await setup({ now: () => now });
    await store.record(
      [evaluation('platformproduct:default/gone')],
      [productInfo('platformproduct:default/gone')],
      T0,
    );
    for (let day = 0; day < 5; day++) {
      now = T0 + day * DAY;
      await run.run();
    }
    await expect(
      knex('scorecard_products').orderBy('product_ref').pluck('product_ref'),
    ).resolves.toEqual([W, X, Y, Z]);
    await expect(store.history(X, '2000-01-01')).resolves.toHaveLength(3);
  });

  it('keeps everything when the catalog answers no products (not loaded yet)', async () => {
    const { run, store } = await setup({ entities: [] });
    await store.record([evaluation(X)], [productInfo(X)], T0 - 10 * DAY);
    await expect(run.run()).resolves.toEqual({
      products: 0,
      written: { products: 0, checks: 0, snapshots: 0 },
      pruned: { products: 0, snapshots: 0 },
    });
    await expect(store.scorecard(X)).resolves.toBeDefined();
    await expect(store.history(X, '2000-01-01')).resolves.toHaveLength(1);
  });

  it('goes on after a batch that fails, keeps its products, and fails the run at the end', async () => {
    const fake = fakeEvaluator();
    const failing: ProductEvaluator = {
      evaluate: async products => {
        if (products.some(p => p.metadata.name === 'w')) {
          throw new Error('metrics unavailable');
        }
        return fake.evaluate(products);
      },
    };
    const { run, store, lines } = await setup({ evaluator: failing });
    await store.record([evaluation(W)], [productInfo(W)], T0 - DAY);
    await expect(run.run()).rejects.toThrow(
      'The scorecards of 2 of 4 products could not be evaluated (see the errors above)',
    );
    expect(lines).toContainEqual(
      expect.stringContaining(
        'Could not evaluate the scorecards of 2 products',
      ),
    );
    await expect(store.scorecard(Y)).resolves.toBeDefined();
    // W stays as it was stored, not pruned
    await expect(store.scorecard(W)).resolves.toMatchObject({
      evaluatedAt: T0 - DAY,
    });
  });
});
