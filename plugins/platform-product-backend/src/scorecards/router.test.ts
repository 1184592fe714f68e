// The scorecard REST surface end to end (one started backend a test, from __testUtils__), one
// describe per route, with every bad-input case of the issue. The evaluator is the fake of
// __testUtils__/scorecards.ts (it grades by PM, vision and an annotation), injected in place of
// DatabaseProductEvaluator, so these tests are about the routes, the storage and the access.
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { scoreTrendSchema } from '@platform-product/plugin-platform-product-common';
import { platformProductScorecardsExtensionPoint } from '@platform-product/plugin-platform-product-node';
import {
  ALICE,
  CLI,
  CONDY,
  fakeEvaluator,
  JANE,
  OUTSIDER,
  startScorecardsBackend,
  useFixedClock,
  W,
  X,
  Y,
  Z,
} from '../__testUtils__';
import { SCORECARD_TASK_ID } from './ScorecardRun';

const mockEvaluators: Array<ReturnType<typeof fakeEvaluator>> = [];
jest.mock('./DatabaseProductEvaluator', () => ({
  DatabaseProductEvaluator: {
    create: (options: { customChecks: [] }) => {
      const { fakeEvaluator: fake } = jest.requireActual(
        '../__testUtils__/scorecards',
      );
      const evaluator = fake(options.customChecks);
      mockEvaluators.push(evaluator);
      return evaluator;
    },
  },
}));

jest.setTimeout(60_000);

const NOW = new Date('2026-03-10T12:00:00Z');
/** The clock moves on from NOW while a test runs. */
const AROUND_NOW = expect.stringMatching(/^2026-03-10T12:0/);

describe('scorecard routes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let backend: Awaited<ReturnType<typeof startScorecardsBackend>>;
  let scheduler: ReturnType<typeof mockServices.scheduler>;
  const evaluator = () => mockEvaluators[mockEvaluators.length - 1];

  useFixedClock(NOW);

  beforeEach(async () => {
    scheduler = mockServices.scheduler();
    backend = await startScorecardsBackend(await databases.init('SQLITE_3'), {
      scheduler,
    });
  });

  const as = (user: string) => backend.call(user);
  const run = () => scheduler.triggerTask(SCORECARD_TASK_ID);
  /** Every row the scorecards store, to show a refused request wrote nothing. */
  const stored = async () => ({
    products: await backend.knex('scorecard_products').orderBy('product_ref'),
    checks: await backend
      .knex('scorecard_check_results')
      .orderBy(['product_ref', 'check_id']),
    snapshots: await backend.knex('scorecard_snapshots').orderBy('product_ref'),
  });
  const error = (response: { body: { error?: { message: string } } }) =>
    response.body.error?.message;

  describe('GET /scorecards', () => {
    it('evaluates a product that no run has evaluated yet, stores it and answers it from the store after', async () => {
      const first = await as(ALICE).get('/scorecards', { productRef: X });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        productRef: X,
        level: 'gold',
        score: 100,
        checks: [
          expect.objectContaining({
            id: 'product-manager',
            level: 'bronze',
            status: 'pass',
          }),
          expect.objectContaining({ id: 'vision', status: 'pass' }),
          expect.objectContaining({ id: 'gold', status: 'pass' }),
        ],
        evaluatedAt: AROUND_NOW,
      });
      const again = await as(ALICE).get('/scorecards', { productRef: X });
      expect(again.body).toEqual(first.body);
      expect(evaluator().calls).toEqual([[X]]);
      expect((await stored()).products).toHaveLength(1);
    });

    it('answers other plugins (service credentials) too', async () => {
      const response = await backend
        .asService()
        .get('/scorecards', { productRef: Y });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ level: null, score: 0 });
    });

    it.each([
      [{}, 400, 'productRef is required'],
      [
        { productRef: 'x' },
        400,
        "productRef must be an entity reference like 'kind:namespace/name', got 'x'",
      ],
      [
        { productRef: CLI },
        404,
        "No PlatformProduct 'component:default/x-cli' in the catalog",
      ],
      [
        { productRef: 'platformproduct:default/nope' },
        404,
        "No PlatformProduct 'platformproduct:default/nope' in the catalog",
      ],
    ])('refuses %j: %i', async (query, status, message) => {
      const response = await as(ALICE).get('/scorecards', query);
      expect([response.status, error(response)]).toEqual([status, message]);
      expect(evaluator().calls).toEqual([]);
    });

    it('refuses a caller who may not read the product, and evaluates nothing', async () => {
      const outsider = await as(OUTSIDER).get('/scorecards', { productRef: X });
      expect([outsider.status, error(outsider)]).toEqual([
        403,
        "You are not allowed to read 'platformproduct:default/x' (platform-product.product.read)",
      ]);
      // CONDY reads only the product he manages (a conditional decision)
      expect(
        (await as(CONDY).get('/scorecards', { productRef: X })).status,
      ).toBe(403);
      expect(
        (await as(CONDY).get('/scorecards', { productRef: Z })).status,
      ).toBe(200);
      expect(evaluator().calls).toEqual([[Z]]);
    });

    it('needs credentials', async () => {
      const response = await backend
        .anonymous()
        .get('/scorecards', { productRef: X });
      expect(response.status).toBe(401);
    });
  });

  describe('GET /scorecards/history', () => {
    it("answers the product's snapshots, one a day, oldest first", async () => {
      await run();
      await run();
      const response = await as(ALICE).get('/scorecards/history', {
        productRef: Z,
        days: 7,
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual([
        {
          day: '2026-03-10',
          score: 67,
          level: 'silver',
          nps: null,
          adoptingTeams: null,
          openPosts: 0,
          oldestUntriagedAt: null,
          lastAnnouncementAt: null,
        },
      ]);
      // 90 days by default
      expect(
        (await as(ALICE).get('/scorecards/history', { productRef: W })).body,
      ).toHaveLength(1);
    });

    it.each([
      ['0', 'days must be from 1 to 365'],
      ['366', 'days must be from 1 to 365'],
      ['-3', 'days must be from 1 to 365'],
      ['1.5', 'days must be a whole number'],
      ['week', 'days must be a number'],
    ])('refuses days=%s', async (days, message) => {
      const response = await as(ALICE).get('/scorecards/history', {
        productRef: X,
        days,
      });
      expect([response.status, error(response)]).toEqual([400, message]);
    });

    it('refuses a malformed or unknown product and a caller who may not read it', async () => {
      const malformed = await as(ALICE).get('/scorecards/history', {
        productRef: 'platformproduct:',
      });
      expect(malformed.status).toBe(400);
      expect(error(malformed)).toMatch(/^productRef must be an entity/);
      const unknown = await as(ALICE).get('/scorecards/history', {
        productRef: 'platformproduct:default/nope',
      });
      expect(unknown.status).toBe(404);
      const outsider = await as(OUTSIDER).get('/scorecards/history', {
        productRef: X,
      });
      expect(outsider.status).toBe(403);
    });
  });

  describe('POST /scorecards/refresh', () => {
    it('evaluates the product now for its team, answers its scorecard and audits it', async () => {
      await run();
      const response = await as(JANE).post('/scorecards/refresh', {
        productRef: W,
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        productRef: W,
        level: 'bronze',
        evaluatedAt: AROUND_NOW,
      });
      expect(evaluator().calls).toEqual([[W, X, Y, Z], [W]]);
      expect(backend.auditEvents).toEqual([
        {
          eventId: 'platform-product-scorecard-refresh',
          meta: { productRef: W },
          outcome: 'success',
        },
      ]);
      // CONDY refreshes the product he manages (a conditional decision)
      expect(
        (await as(CONDY).post('/scorecards/refresh', { productRef: Z })).status,
      ).toBe(200);
    });

    it.each([
      [
        'a user the policy does not let refresh',
        ALICE,
        X,
        403,
        "You are not allowed to update 'platformproduct:default/x' (platform-product.scorecard.refresh)",
      ],
      [
        'a user who may not read the product',
        OUTSIDER,
        X,
        403,
        "You are not allowed to read 'platformproduct:default/x' (platform-product.product.read)",
      ],
      [
        'a product manager refreshing another product',
        CONDY,
        X,
        403,
        "You are not allowed to read 'platformproduct:default/x' (platform-product.product.read)",
      ],
      [
        'an unknown product',
        JANE,
        'platformproduct:default/nope',
        404,
        "No PlatformProduct 'platformproduct:default/nope' in the catalog",
      ],
      [
        'an entity that is no product',
        JANE,
        CLI,
        404,
        "No PlatformProduct 'component:default/x-cli' in the catalog",
      ],
      [
        'a malformed productRef',
        JANE,
        'x',
        400,
        "productRef must be an entity reference like 'kind:namespace/name', got 'x'",
      ],
    ])('refuses %s', async (_, user, productRef, status, message) => {
      const before = await stored();
      const response = await as(user).post('/scorecards/refresh', {
        productRef,
      });
      expect([response.status, error(response)]).toEqual([status, message]);
      expect(await stored()).toEqual(before);
      expect(evaluator().calls).toEqual([]);
      expect(backend.auditEvents).toEqual([]);
    });

    it('refuses an unknown field', async () => {
      const response = await as(JANE).post('/scorecards/refresh', {
        productRef: X,
        force: true,
      });
      expect(response.status).toBe(400);
      expect(error(response)).toMatch(/force/);
    });

    it('refuses services and anonymous callers: a refresh is a person’s', async () => {
      const service = await backend
        .asService()
        .post('/scorecards/refresh', { productRef: X });
      expect(service.status).toBe(403);
      const anonymous = await backend
        .anonymous()
        .post('/scorecards/refresh', { productRef: X });
      expect(anonymous.status).toBe(401);
      expect(evaluator().calls).toEqual([]);
    });
  });

  describe('GET /portfolio', () => {
    it('lists every stored product with its scorecard and figures, by title unless asked otherwise', async () => {
      await run();
      const response = await as(ALICE).get('/portfolio');
      expect(response.status).toBe(200);
      // serialized by hand (the stored trends spliced in): still JSON, as JSON
      expect(response.headers['content-type']).toBe(
        'application/json; charset=utf-8',
      );
      expect(JSON.parse(response.text)).toEqual(response.body);
      const { items } = response.body;
      expect(
        items.map((i: { productRef: string; level: string }) => [
          i.productRef,
          i.level,
        ]),
      ).toEqual([
        [W, 'bronze'],
        [X, 'gold'],
        [Y, null],
        [Z, 'silver'],
      ]);
      expect(items[1]).toEqual({
        productRef: X,
        title: 'Product X',
        productManager: JANE,
        owner: 'group:default/platform-team',
        lifecycle: 'production',
        level: 'gold',
        score: 100,
        scoreTrend: { from: '2026-03-10', scores: [100] },
        nps: null,
        npsBefore: null,
        adoptingTeams: null,
        openPosts: 0,
        oldestUntriagedAt: null,
        lastAnnouncementAt: null,
        evaluatedAt: AROUND_NOW,
      });
      // the PM named without kind and namespace, stored in full
      expect(items[3].productManager).toBe(CONDY);
      // every trend in the contract's shape
      for (const item of items) {
        expect(scoreTrendSchema.parse(item.scoreTrend)).toEqual(
          item.scoreTrend,
        );
      }
    });

    it('filters by owner, lifecycle and level, and sorts', async () => {
      await run();
      const refs = async (query: object) => {
        const response = await as(ALICE).get('/portfolio', query);
        expect(response.status).toBe(200);
        return response.body.items.map(
          (i: { productRef: string }) => i.productRef,
        );
      };
      await expect(
        refs({ owner: 'group:default/other-team', sort: 'score' }),
      ).resolves.toEqual([Z, Y]);
      await expect(refs({ lifecycle: 'experimental' })).resolves.toEqual([W]);
      await expect(refs({ level: 'none' })).resolves.toEqual([Y]);
      await expect(refs({ level: 'silver' })).resolves.toEqual([Z]);
      await expect(refs({ sort: 'score' })).resolves.toEqual([X, Z, W, Y]);
      await expect(refs({ sort: '-title' })).resolves.toEqual([Z, Y, X, W]);
      await expect(refs({ sort: '-score' })).resolves.toEqual([Y, W, Z, X]);
      await expect(refs({ sort: '-level' })).resolves.toEqual([X, Z, W, Y]);
    });

    it('shows each caller only the products they may read, services all', async () => {
      await run();
      const items = async (call: ReturnType<typeof as>) =>
        (await call.get('/portfolio')).body.items.map(
          (i: { productRef: string }) => i.productRef,
        );
      await expect(items(as(CONDY))).resolves.toEqual([Z]);
      await expect(items(as(OUTSIDER))).resolves.toEqual([]);
      await expect(items(backend.asService())).resolves.toEqual([W, X, Y, Z]);
    });

    it.each([
      [
        { sort: 'rating' },
        "sort must be one of title, score, level, nps, adoptingTeams, openPosts, oldestUntriaged, lastAnnouncement (with a leading - to reverse), got 'rating'",
      ],
      [
        { level: 'platinum' },
        /^level must be one of bronze, silver, gold, none, got 'platinum'/,
      ],
      [{ lifecycle: 'retired' }, /^lifecycle must be one of .*got 'retired'/],
      [{ owner: 'platform-team' }, /^owner must be an entity reference/],
    ])('refuses %j', async (query, message) => {
      const response = await as(ALICE).get('/portfolio', query);
      expect(response.status).toBe(400);
      expect(error(response)).toMatch(message);
    });
  });

  describe('GET /portfolio/export', () => {
    it('answers the portfolio as a CSV file, filtered and sorted as asked', async () => {
      await run();
      const response = await as(ALICE).get('/portfolio/export', {
        sort: 'title',
        owner: 'group:default/platform-team',
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="platform-portfolio-2026-03-10.csv"',
      );
      const lines = response.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        '"product","title","product manager","owner","lifecycle","level","score","nps","nps 30 days before","adopting teams","open posts","oldest untriaged post","last announcement","evaluated at"',
      );
      expect(lines.slice(1).map(line => line.split(',')[0])).toEqual([
        `"${W}"`,
        `"${X}"`,
      ]);
      expect(lines[2]).toMatch(
        /"gold","100",,,,"0",,,"2026-03-10T12:0\d:\d\d\.\d{3}Z"$/,
      );
    });

    it('refuses a bad filter and a caller without credentials', async () => {
      expect(
        (await as(ALICE).get('/portfolio/export', { level: 'top' })).status,
      ).toBe(400);
      expect((await backend.anonymous().get('/portfolio/export')).status).toBe(
        401,
      );
    });
  });

  describe('the scheduled run', () => {
    it('evaluates every product in batches of platformProduct.scorecards.batchSize and prunes what is gone', async () => {
      const batched = mockServices.scheduler();
      const small = await startScorecardsBackend(
        await databases.init('SQLITE_3'),
        { scheduler: batched, scorecards: { batchSize: 3 } },
      );
      await small.knex('scorecard_products').insert({
        product_ref: 'platformproduct:default/gone',
        title: 'Gone',
        score: 0,
        level_rank: 0,
        open_posts: 0,
        score_trend: '{"from":"1970-01-01","scores":[]}',
        evaluated_at: 1,
        changed_at: 1,
      });
      await batched.triggerTask(SCORECARD_TASK_ID);
      expect(evaluator().calls).toEqual([[W, X, Y], [Z]]);
      await expect(
        small
          .knex('scorecard_products')
          .orderBy('product_ref')
          .pluck('product_ref'),
      ).resolves.toEqual([W, X, Y, Z]);
      expect(small.logLines).toContainEqual(
        expect.stringMatching(
          /^Evaluated the scorecards of 4 platform products: 4 products, 12 check results and 4 snapshots changed; pruned 1 products and 0 snapshots/,
        ),
      );
    });

    it('runs the checks that backend modules add through the extension point', async () => {
      const onCall = createBackendModule({
        pluginId: 'platform-product',
        moduleId: 'test-on-call',
        register(env) {
          env.registerInit({
            deps: { scorecards: platformProductScorecardsExtensionPoint },
            async init({ scorecards }) {
              scorecards.addCheck({
                id: 'on-call-rota',
                title: 'Has an on-call rota',
                advice: 'Add a pagerduty.com/service-id annotation',
                evaluate: products =>
                  products.map(product => ({
                    status: product.spec.productManager ? 'pass' : 'fail',
                  })),
              });
            },
          });
        },
      });
      const withModule = await startScorecardsBackend(
        await databases.init('SQLITE_3'),
        { features: [onCall] },
      );
      const response = await withModule
        .call(ALICE)
        .get('/scorecards', { productRef: Y });
      expect(response.body.checks).toContainEqual({
        id: 'on-call-rota',
        title: 'Has an on-call rota',
        level: null,
        status: 'fail',
        value: null,
        threshold: null,
        advice: 'Add a pagerduty.com/service-id annotation',
        weight: 1,
      });
    });
  });
});
