import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  scoreTrendPoints,
  scoreTrendSchema,
} from '@platform-product/plugin-platform-product-common';
import { migratedDatabase } from '../__testUtils__/database';
import {
  checkResult,
  evaluation,
  productInfo,
  recordStatements,
} from '../__testUtils__/scorecards';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';

jest.setTimeout(60_000);

const A = 'platformproduct:default/a';
const B = 'platformproduct:default/b';
const C = 'platformproduct:default/c';
/** A portfolio row's stored trend, in the API's shape (it is sent as is). */
const trendOf = (row: { scoreTrendJson: string }) =>
  scoreTrendSchema.parse(JSON.parse(row.scoreTrendJson));
const T0 = Date.parse('2026-03-10T08:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('DatabaseScorecardStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await migratedDatabase(databases, databaseId);
    return { knex, store: DatabaseScorecardStore.create(knex) };
  }

  it.each(databases.eachSupportedId())(
    'stores a scorecard and answers it with its checks in order and their values as they were, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const a = evaluation(A, {
        checks: [
          checkResult('product-manager', 'bronze', 'pass', {
            value: 'user:default/jane',
          }),
          checkResult('roadmap-updated', 'silver', 'not-applicable', {
            value: null,
            threshold: 90,
          }),
          checkResult('vision', 'bronze', 'fail', { value: false }),
          checkResult('on-call-rota', null, 'pass', {
            value: true,
            weight: 2.5,
          }),
        ],
      });
      await expect(store.record([a], [productInfo(A)], T0)).resolves.toEqual({
        products: 1,
        checks: 4,
        snapshots: 1,
      });

      await expect(store.scorecard(A)).resolves.toEqual({
        productRef: A,
        score: 67,
        level: 'silver',
        checks: a.checks,
        evaluatedAt: T0,
      });
      await expect(store.scorecard(B)).resolves.toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing but evaluated_at, in one statement per batch, when a second run finds the same, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const batch = [evaluation(A), evaluation(B), evaluation(C)];
      const infos = [productInfo(A), productInfo(B), productInfo(C)];
      await store.record(batch, infos, T0);
      const checksBefore = await knex('scorecard_check_results').orderBy([
        'product_ref',
        'check_id',
      ]);
      const snapshotsBefore = await knex('scorecard_snapshots').orderBy(
        'product_ref',
      );

      const recorded = recordStatements(knex);
      await expect(
        store.record(
          [evaluation(A), evaluation(B), evaluation(C)],
          infos,
          T0 + HOUR,
        ),
      ).resolves.toEqual({ products: 0, checks: 0, snapshots: 0 });
      recorded.stop();

      expect(recorded.writes()).toEqual([
        expect.stringMatching(
          /^update .scorecard_products. set .evaluated_at. = .* where .product_ref. in \(/,
        ),
      ]);
      // one read of each table for the batch
      expect(
        recorded.statements.filter(sql => sql.startsWith('select')),
      ).toHaveLength(3);
      await expect(
        knex('scorecard_check_results').orderBy(['product_ref', 'check_id']),
      ).resolves.toEqual(checksBefore);
      await expect(
        knex('scorecard_snapshots').orderBy('product_ref'),
      ).resolves.toEqual(snapshotsBefore);
      const products = await knex('scorecard_products').select(
        'evaluated_at',
        'changed_at',
      );
      expect(products.map(p => Number(p.evaluated_at))).toEqual([
        T0 + HOUR,
        T0 + HOUR,
        T0 + HOUR,
      ]);
      expect(products.map(p => Number(p.changed_at))).toEqual([T0, T0, T0]);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes only the rows that changed: one check, the product, today’s snapshot; a check gone is deleted, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const infos = [productInfo(A), productInfo(B)];
      await store.record([evaluation(A), evaluation(B)], infos, T0);

      const [pm, docs] = evaluation(A).checks;
      const changedA = evaluation(A, {
        score: 100,
        level: 'gold',
        // the gold check now passes, documentation is no longer evaluated
        checks: [pm, checkResult('nps', 'gold', 'pass', { value: 45 })],
        figures: { ...evaluation(A).figures, nps: 45 },
      });
      const recorded = recordStatements(knex);
      await expect(
        store.record([changedA, evaluation(B)], infos, T0 + HOUR),
      ).resolves.toEqual({ products: 1, checks: 2, snapshots: 1 });
      recorded.stop();
      expect(recorded.writes()).toHaveLength(5); // product, evaluated_at, check, gone check, snapshot

      const checks = await knex('scorecard_check_results')
        .where('product_ref', A)
        .orderBy('position');
      expect(
        checks.map(c => [c.check_id, c.status, Number(c.changed_at)]),
      ).toEqual([
        ['product-manager', 'pass', T0],
        ['nps', 'pass', T0 + HOUR],
      ]);
      expect(docs.id).toBe('documentation');
      await expect(store.scorecard(A)).resolves.toMatchObject({
        score: 100,
        level: 'gold',
        evaluatedAt: T0 + HOUR,
      });
      // the same day: today's snapshot replaced, not added
      await expect(store.history(A, '2026-01-01')).resolves.toEqual([
        {
          day: '2026-03-10',
          score: 100,
          level: 'gold',
          nps: 45,
          adoptingTeams: 3,
          openPosts: 4,
          oldestUntriagedAt: '2026-02-20T08:00:00.000Z',
          lastAnnouncementAt: null,
        },
      ]);
      // B's rows stay as they were
      const b = await knex('scorecard_products').where('product_ref', B);
      expect(Number(b[0].changed_at)).toBe(T0);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps one snapshot a day, and answers a history from a day on, oldest first, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      for (let day = 0; day < 5; day++) {
        for (let run = 0; run < 3; run++) {
          await store.record(
            [evaluation(A, { score: 50 + day })],
            [productInfo(A)],
            T0 + day * DAY + run * HOUR,
          );
        }
      }
      const history = await store.history(A, '2026-03-12');
      expect(history.map(s => [s.day, s.score])).toEqual([
        ['2026-03-12', 52],
        ['2026-03-13', 53],
        ['2026-03-14', 54],
      ]);
      await expect(store.history(B, '2026-01-01')).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the trend on the product row: the days with a snapshot in the last 30, the NPS of the 30th day before, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const figures = (nps: number) => ({ ...evaluation(A).figures, nps });
      for (let day = 0; day <= 35; day++) {
        // no evaluation on day 5 (the 30th before day 35) nor on day 30
        if (day === 5 || day === 30) continue;
        await store.record(
          [evaluation(A, { score: day, figures: figures(day) })],
          [productInfo(A)],
          T0 + day * DAY,
        );
      }
      const [a] = await store.portfolio({
        sort: { by: 'title', descending: false },
      });
      // the days from 6 to 35, day 30 without a snapshot
      expect(trendOf(a)).toEqual({
        from: '2026-03-16',
        scores: [...Array(30).keys()]
          .map(i => i + 6)
          .map(day => (day === 30 ? null : day)),
      });
      expect(a.npsBefore).toBeNull();

      // the next day, the 30th before is day 6
      await store.record(
        [evaluation(A, { score: 36, figures: figures(36) })],
        [productInfo(A)],
        T0 + 36 * DAY,
      );
      const [next] = await store.portfolio({
        sort: { by: 'title', descending: false },
      });
      expect(next.npsBefore).toBe(6);
      const trend = trendOf(next);
      expect(trend.from).toBe('2026-03-17');
      expect(trend.scores).toHaveLength(30);
      expect(trend.scores[0]).toBe(7);
      expect(trend.scores[29]).toBe(36);
      expect(scoreTrendPoints(trend).at(-1)).toEqual({
        day: '2026-04-15',
        score: 36,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'prunes the products gone from the catalog with their results and history, and the snapshots past the retention, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      for (let day = 0; day < 4; day++) {
        await store.record(
          [evaluation(A), evaluation(B), evaluation(C)],
          [productInfo(A), productInfo(B), productInfo(C)],
          T0 + day * DAY,
        );
      }

      await expect(store.prune([A, C], '2026-03-12')).resolves.toEqual({
        products: 1,
        snapshots: 4 + 2 * 2,
      });

      await expect(
        knex('scorecard_products').orderBy('product_ref').pluck('product_ref'),
      ).resolves.toEqual([A, C]);
      await expect(
        knex('scorecard_check_results').distinct('product_ref'),
      ).resolves.toHaveLength(2);
      const snapshots = await knex('scorecard_snapshots')
        .orderBy(['product_ref', 'day'])
        .select('product_ref', 'day');
      expect(snapshots).toEqual([
        { product_ref: A, day: '2026-03-12' },
        { product_ref: A, day: '2026-03-13' },
        { product_ref: C, day: '2026-03-12' },
        { product_ref: C, day: '2026-03-13' },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps its size to products x days however many runs there are, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const retentionDays = 3;
      for (let run = 0; run < 10 * 6; run++) {
        // every 4 hours for 10 days, the score moving every run
        const now = T0 + run * 4 * HOUR;
        await store.record(
          [evaluation(A, { score: run }), evaluation(B, { score: 100 - run })],
          [productInfo(A), productInfo(B)],
          now,
        );
        const oldest = new Date(now - (retentionDays - 1) * DAY)
          .toISOString()
          .slice(0, 10);
        await store.prune([A, B], oldest);
      }
      const count = async (table: string) =>
        Number((await knex(table).count({ count: '*' }))[0].count);
      await expect(count('scorecard_products')).resolves.toBe(2);
      await expect(count('scorecard_check_results')).resolves.toBe(2 * 3);
      await expect(count('scorecard_snapshots')).resolves.toBe(
        2 * retentionDays,
      );
    },
  );

  describe('portfolio', () => {
    const D = 'platformproduct:default/d';

    /** Four products over 40 days; the last evaluation on 2026-04-18. */
    async function portfolioStore(databaseId: TestDatabaseId) {
      const created = await createStore(databaseId);
      const { store } = created;
      const infos = [
        productInfo(A, { title: 'alpha', lifecycle: 'beta' }),
        productInfo(B, {
          title: 'Bravo',
          owner: 'group:default/other-team',
        }),
        productInfo(C, { title: 'charlie', productManager: null }),
        productInfo(D, { title: 'Delta', lifecycle: 'experimental' }),
      ];
      for (let day = 0; day < 40; day++) {
        const figures = (nps: number | null) => ({
          ...evaluation(A).figures,
          nps,
        });
        await store.record(
          [
            evaluation(A, { score: 60 + day, figures: figures(day) }),
            evaluation(B, {
              score: 90,
              level: 'gold',
              figures: figures(null),
            }),
            evaluation(C, {
              score: 10,
              level: null,
              figures: { ...figures(-20), openPosts: 0 },
            }),
            evaluation(D, {
              score: 40,
              level: 'bronze',
              figures: { ...figures(50), lastAnnouncementAt: null },
            }),
          ],
          infos,
          T0 + day * DAY,
        );
      }
      return created;
    }
    const order = { by: 'score', descending: false } as const;

    it.each(databases.eachSupportedId())(
      'answers every product in one query with its figures, the 30-day trend and the NPS 30 days before, %p',
      async databaseId => {
        const { knex, store } = await portfolioStore(databaseId);
        const recorded = recordStatements(knex);
        const rows = await store.portfolio({ sort: order });
        recorded.stop();
        expect(recorded.statements).toHaveLength(1);

        expect(rows.map(r => r.productRef)).toEqual([A, B, D, C]);
        const [a] = rows;
        expect(a).toMatchObject({
          productRef: A,
          title: 'alpha',
          productManager: 'user:default/jane',
          owner: 'group:default/platform-team',
          lifecycle: 'beta',
          score: 99,
          level: 'silver',
          nps: 39,
          npsBefore: 9,
          adoptingTeams: 3,
          openPosts: 4,
          oldestUntriagedAt: '2026-02-20T08:00:00.000Z',
          lastAnnouncementAt: null,
          evaluatedAt: T0 + 39 * DAY,
        });
        expect(trendOf(a)).toEqual({
          from: '2026-03-20',
          scores: [...Array(30).keys()].map(i => 70 + i),
        });
        expect(rows[1]).toMatchObject({ productRef: B, npsBefore: null });
      },
    );

    it.each(databases.eachSupportedId())(
      'filters by owner, lifecycle and level (none: below bronze), %p',
      async databaseId => {
        const { store } = await portfolioStore(databaseId);
        const refs = async (filter: object) =>
          (await store.portfolio({ sort: order, ...filter })).map(
            r => r.productRef,
          );
        await expect(
          refs({ owner: 'group:default/other-team' }),
        ).resolves.toEqual([B]);
        await expect(refs({ lifecycle: 'production' })).resolves.toEqual([
          B,
          C,
        ]);
        await expect(refs({ level: 'gold' })).resolves.toEqual([B]);
        await expect(refs({ level: 'none' })).resolves.toEqual([C]);
        await expect(
          refs({ level: 'silver', lifecycle: 'production' }),
        ).resolves.toEqual([]);
      },
    );

    it.each(databases.eachSupportedId())(
      'sorts by each key both ways, products without a value last, %p',
      async databaseId => {
        const { store } = await portfolioStore(databaseId);
        const sorted = async (by: string, descending = false) =>
          (
            await store.portfolio({
              sort: { by, descending } as typeof order,
            })
          ).map(r => r.productRef);
        await expect(sorted('title')).resolves.toEqual([A, B, C, D]);
        await expect(sorted('title', true)).resolves.toEqual([D, C, B, A]);
        await expect(sorted('score', true)).resolves.toEqual([C, D, B, A]);
        await expect(sorted('level')).resolves.toEqual([C, D, A, B]);
        await expect(sorted('level', true)).resolves.toEqual([B, A, D, C]);
        // B has no NPS: last both ways
        await expect(sorted('nps')).resolves.toEqual([C, A, D, B]);
        await expect(sorted('nps', true)).resolves.toEqual([D, A, C, B]);
        // none open is a value, not a missing one
        await expect(sorted('openPosts')).resolves.toEqual([C, A, B, D]);
      },
    );
  });
});
