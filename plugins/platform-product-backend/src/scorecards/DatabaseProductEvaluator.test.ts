import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ScorecardCheck } from '@platform-product/plugin-platform-product-node';
import { Knex } from 'knex';
import { DatabaseAdoptionSnapshotStore } from '../adoption/DatabaseAdoptionSnapshotStore';
import { DatabaseAnnouncementStore } from '../announcements/DatabaseAnnouncementStore';
import { DatabaseFeedbackStore } from '../feedback/DatabaseFeedbackStore';
import { DatabaseRoadmapStore } from '../roadmap/DatabaseRoadmapStore';
import { announcementRow } from '../__testUtils__/announcementRows';
import { migratedDatabase } from '../__testUtils__/database';
import { userEntity } from '../__testUtils__/entities';
import {
  personKey,
  post,
  rating,
  teamReply,
} from '../__testUtils__/feedbackRows';
import { item, writer } from '../__testUtils__/roadmapRows';
import { DAY, HOUR, NOW, productEntity } from '../__testUtils__/scorecardFacts';
import { DatabaseProductEvaluator } from './DatabaseProductEvaluator';

jest.setTimeout(60_000);

const ALPHA = 'platformproduct:default/alpha';
const BETA = 'platformproduct:default/beta';
const GAMMA = 'platformproduct:default/gamma';

const VISION =
  'Every engineer who ships a service gets it to production in one command, with rollouts and rollbacks built in.';

/** A product with everything an entity can say: PM, vision, docs, channels, office hours. */
function completeProduct(name: string, productManager: string) {
  return productEntity({
    metadata: {
      name,
      links: [{ url: `https://docs.example.com/${name}`, icon: 'docs' }],
    },
    spec: {
      productManager,
      vision: VISION,
      support: {
        channels: [{ type: 'chat', name: `#${name}` }],
        officeHours: { schedule: 'Thursdays 15:00 CET' },
      },
    },
  });
}

const alpha = completeProduct('alpha', 'user:default/jane.doe');
const beta = productEntity({
  metadata: { name: 'beta' },
  spec: { productManager: 'user:default/ghost', lifecycle: 'beta' },
});
// the PM as a bare name: a User of the product's namespace
const gamma = completeProduct('gamma', 'sam.lee');

const catalogEntities = [userEntity('jane.doe', []), userEntity('sam.lee', [])];

const snapshot = (productRef: string, day: string, teamCount: number) => ({
  productRef,
  day,
  partCount: 1,
  consumerCount: teamCount,
  teamCount,
});

/** The rows the three products' capabilities hold at NOW. */
async function seed(knex: Knex) {
  const feedback = DatabaseFeedbackStore.create(knex, { personKey });
  const announcements = DatabaseAnnouncementStore.create(knex);
  const roadmap = DatabaseRoadmapStore.create(knex, { personKey });
  const adoption = DatabaseAdoptionSnapshotStore.create(knex);

  // alpha: roadmap changed 5 days ago, an announcement 10 days ago (a newer draft and a
  // scheduled one do not count), 12 ratings (NPS 75), two posts the team answered in 2 and
  // 4 hours (one still new, 3 days old), 4 adopting teams in the latest snapshot
  await roadmap.createItem(
    item({ productRef: ALPHA }),
    () => {},
    writer(NOW - 5 * DAY),
  );
  await announcements.create(
    announcementRow({ productRef: ALPHA, publishedAt: NOW - 10 * DAY }),
  );
  await announcements.create(
    announcementRow({
      productRef: ALPHA,
      draft: true,
      publishAt: null,
      publishedAt: null,
      createdAt: NOW - DAY,
    }),
  );
  await announcements.create(
    announcementRow({
      productRef: ALPHA,
      publishAt: NOW + 2 * DAY,
      publishedAt: null,
      createdAt: NOW - DAY,
    }),
  );
  for (let i = 0; i < 12; i++) {
    await feedback.addRating(
      rating(`a${i}`, i < 9 ? 10 : 8, NOW - 30 * DAY, { productRef: ALPHA }),
    );
  }
  const answered = async (createdAt: number, replyAfterHours: number) => {
    const created = await feedback.addPost(
      post({ productRef: ALPHA, entityRef: ALPHA, createdAt }),
    );
    await feedback.addReply(
      teamReply(created.id, createdAt + replyAfterHours * HOUR),
    );
    return created;
  };
  const older = await answered(NOW - 20 * DAY, 2);
  await feedback.updatePost(older.id, {
    status: { from: 'new', to: 'acknowledged' },
    updatedAt: NOW - 19 * DAY,
  });
  await answered(NOW - 3 * DAY, 4);
  await adoption.record([
    snapshot(ALPHA, '2026-06-01', 1),
    snapshot(ALPHA, '2026-06-14', 4),
  ]);

  // gamma: roadmap 200 days old, announcement 100 days old, 10 ratings this month (NPS -30)
  // and one too old to count, two visible posts new for 20 and 30 days, a hidden new one
  // older still and a done one, nobody answered, 1 adopting team
  await roadmap.createItem(
    item({ productRef: GAMMA }),
    () => {},
    writer(NOW - 200 * DAY),
  );
  await announcements.create(
    announcementRow({ productRef: GAMMA, publishedAt: NOW - 100 * DAY }),
  );
  const scores = [10, 9, 8, 7, 7, 6, 5, 3, 0, 1];
  for (const [i, score] of scores.entries()) {
    await feedback.addRating(
      rating(`g${i}`, score, NOW - DAY, { productRef: GAMMA }),
    );
  }
  await feedback.addRating(
    rating('g-old', 0, NOW - 200 * DAY, { productRef: GAMMA }),
  );
  const gammaPost = (createdAt: number) =>
    feedback.addPost(post({ productRef: GAMMA, entityRef: GAMMA, createdAt }));
  await gammaPost(NOW - 20 * DAY);
  await gammaPost(NOW - 30 * DAY);
  const hidden = await gammaPost(NOW - 40 * DAY);
  await feedback.updatePost(hidden.id, { hidden: true, updatedAt: NOW });
  const done = await gammaPost(NOW - 50 * DAY);
  await feedback.updatePost(done.id, {
    status: { from: 'new', to: 'done' },
    updatedAt: NOW,
  });
  await adoption.record([snapshot(GAMMA, '2026-06-14', 1)]);
}

describe('DatabaseProductEvaluator', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setUp(
    databaseId: TestDatabaseId,
    options: { customChecks?: ScorecardCheck[]; config?: object } = {},
  ) {
    const knex = await migratedDatabase(databases, databaseId);
    const catalog = catalogServiceMock({ entities: catalogEntities });
    const catalogReads = jest.spyOn(catalog, 'getEntitiesByRefs');
    const evaluator = DatabaseProductEvaluator.create({
      db: knex,
      config: mockServices.rootConfig({
        data: { platformProduct: { scorecards: options.config ?? {} } },
      }),
      catalog,
      auth: mockServices.auth(),
      customChecks: options.customChecks ?? [],
      now: () => NOW,
    });
    return { knex, evaluator, catalogReads };
  }

  /** The statements the evaluation of these products runs. */
  async function countQueries(
    knex: Knex,
    evaluate: () => Promise<unknown>,
  ): Promise<number> {
    let count = 0;
    const listener = () => {
      count += 1;
    };
    knex.on('query', listener);
    try {
      await evaluate();
    } finally {
      knex.removeListener('query', listener);
    }
    return count;
  }

  it.each(databases.eachSupportedId())(
    "grades a batch from the capabilities' rows, %p",
    async databaseId => {
      const { knex, evaluator, catalogReads } = await setUp(databaseId);
      await seed(knex);

      const [a, b, g] = await evaluator.evaluate([alpha, beta, gamma]);
      const statuses = (evaluation: typeof a) =>
        Object.fromEntries(
          evaluation.checks.map(check => [check.id, check.status]),
        );
      const values = (evaluation: typeof a) =>
        Object.fromEntries(
          evaluation.checks.map(check => [check.id, check.value]),
        );

      // one catalog read for the PMs of the whole batch
      expect(catalogReads).toHaveBeenCalledTimes(1);
      expect(catalogReads.mock.calls[0][0].entityRefs).toEqual([
        'user:default/jane.doe',
        'user:default/ghost',
        'user:default/sam.lee',
      ]);

      expect(a).toMatchObject({ productRef: ALPHA, score: 100, level: 'gold' });
      expect(new Set(Object.values(statuses(a)))).toEqual(new Set(['pass']));
      expect(values(a)).toEqual({
        'product-manager': 'user:default/jane.doe',
        vision: '19 words',
        lifecycle: 'production',
        'support-channel': '#alpha',
        documentation: 'https://docs.example.com/alpha',
        'office-hours': 'Thursdays 15:00 CET',
        'recent-announcement': '10 days ago',
        'feedback-responses': '14 responses',
        'no-stale-posts': 'none',
        'roadmap-updated': 'updated 5 days ago',
        nps: '75 from 12 responses',
        'first-reply': '3 hours',
        'adopting-teams': '4 teams',
      });
      expect(a.checks.map(check => [check.id, check.level])).toEqual([
        ['product-manager', 'bronze'],
        ['vision', 'bronze'],
        ['lifecycle', 'bronze'],
        ['support-channel', 'bronze'],
        ['documentation', 'silver'],
        ['office-hours', 'silver'],
        ['recent-announcement', 'silver'],
        ['feedback-responses', 'silver'],
        ['no-stale-posts', 'silver'],
        ['roadmap-updated', 'gold'],
        ['nps', 'gold'],
        ['first-reply', 'gold'],
        ['adopting-teams', 'gold'],
      ]);
      expect(a.checks[0]).toEqual({
        id: 'product-manager',
        title: 'Product manager',
        level: 'bronze',
        status: 'pass',
        value: 'user:default/jane.doe',
        threshold: null,
        advice: expect.stringContaining('spec.productManager'),
        weight: 1,
      });
      expect(a.figures).toEqual({
        nps: 75,
        adoptingTeams: 4,
        openPosts: 2,
        oldestUntriagedAt: new Date(NOW - 3 * DAY).toISOString(),
        lastAnnouncementAt: new Date(NOW - 10 * DAY).toISOString(),
      });

      // no data at all: what needs data does not apply, the rest fails but lifecycle and
      // no-stale-posts (2 of 10 applicable)
      expect(b).toMatchObject({ productRef: BETA, score: 20, level: null });
      expect(statuses(b)).toEqual({
        'product-manager': 'fail',
        vision: 'fail',
        lifecycle: 'pass',
        'support-channel': 'fail',
        documentation: 'fail',
        'office-hours': 'fail',
        'recent-announcement': 'fail',
        'feedback-responses': 'fail',
        'no-stale-posts': 'pass',
        'roadmap-updated': 'fail',
        nps: 'not-applicable',
        'first-reply': 'not-applicable',
        'adopting-teams': 'not-applicable',
      });
      expect(b.checks[0].advice).toContain(
        'user:default/ghost, who is not in the catalog',
      );
      expect(b.figures).toEqual({
        nps: null,
        adoptingTeams: null,
        openPosts: 0,
        oldestUntriagedAt: null,
        lastAnnouncementAt: null,
      });

      // bronze, stopped at silver by the old announcement; 7 of 12 applicable pass
      expect(g).toMatchObject({
        productRef: GAMMA,
        score: 58,
        level: 'bronze',
      });
      expect(statuses(g)).toMatchObject({
        'product-manager': 'pass',
        'recent-announcement': 'fail',
        'feedback-responses': 'pass',
        'no-stale-posts': 'fail',
        'roadmap-updated': 'fail',
        nps: 'fail',
        'first-reply': 'not-applicable',
        'adopting-teams': 'fail',
      });
      expect(values(g)).toMatchObject({
        'product-manager': 'user:default/sam.lee',
        'recent-announcement': '100 days ago',
        // 10 ratings and 3 visible posts of the last 90 days
        'feedback-responses': '13 responses',
        'no-stale-posts': '2 posts, the oldest 30 days old',
        'roadmap-updated': 'updated 200 days ago',
        nps: '-30 from 10 responses',
        'adopting-teams': '1 team',
      });
      expect(g.figures).toEqual({
        nps: -30,
        adoptingTeams: 1,
        openPosts: 2,
        oldestUntriagedAt: new Date(NOW - 30 * DAY).toISOString(),
        lastAnnouncementAt: new Date(NOW - 100 * DAY).toISOString(),
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'runs as many queries for 60 products as for 3, %p',
    async databaseId => {
      const { knex, evaluator, catalogReads } = await setUp(databaseId);
      await seed(knex);
      const many = Array.from({ length: 57 }, (_, i) =>
        completeProduct(`p${i}`, `user:default/pm${i}`),
      );

      const few = await countQueries(knex, () =>
        evaluator.evaluate([alpha, beta, gamma]),
      );
      const sixty = await countQueries(knex, async () => {
        const evaluations = await evaluator.evaluate([
          alpha,
          beta,
          gamma,
          ...many,
        ]);
        expect(evaluations).toHaveLength(60);
        expect(evaluations[0]).toMatchObject({
          productRef: ALPHA,
          level: 'gold',
        });
      });

      // the metrics, the NPS counters and the first-reply histograms
      expect(few).toBe(3);
      expect(sixty).toBe(3);
      expect(catalogReads).toHaveBeenCalledTimes(2);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'gives custom checks the whole batch and grades them by their level and weight, %p',
    async databaseId => {
      const evaluated: string[][] = [];
      const onCallRota: ScorecardCheck = {
        id: 'on-call-rota',
        title: 'On-call rota',
        advice: 'Set up an on-call rota',
        level: 'bronze',
        weight: 3,
        evaluate: products => {
          evaluated.push(products.map(product => product.metadata.name));
          return products.map(product =>
            product.metadata.annotations?.['example.com/on-call']
              ? {
                  status: 'pass',
                  value: product.metadata.annotations['example.com/on-call'],
                }
              : { status: 'fail' },
          );
        },
      };
      const broken: ScorecardCheck = {
        id: 'broken',
        title: 'Broken',
        advice: 'n/a',
        evaluate: async () => {
          throw new Error('the rota service is down');
        },
      };
      const { knex, evaluator } = await setUp(databaseId, {
        customChecks: [onCallRota, broken],
        config: { weights: { vision: 0 } },
      });
      const withRota = completeProduct('rota', 'user:default/jane.doe');
      withRota.metadata.annotations = {
        'example.com/on-call': 'pagerduty:deploy',
      };

      const [rota, none] = await evaluator.evaluate([withRota, alpha]);

      expect(evaluated).toEqual([['rota', 'alpha']]);
      expect(rota.checks.map(check => check.id).slice(0, 5)).toEqual([
        'product-manager',
        'vision',
        'lifecycle',
        'support-channel',
        'on-call-rota',
      ]);
      expect(rota.checks.find(check => check.id === 'on-call-rota')).toEqual({
        id: 'on-call-rota',
        title: 'On-call rota',
        level: 'bronze',
        status: 'pass',
        value: 'pagerduty:deploy',
        threshold: null,
        advice: 'Set up an on-call rota',
        weight: 3,
      });
      expect(rota.checks[rota.checks.length - 1]).toMatchObject({
        id: 'broken',
        level: null,
        status: 'not-applicable',
        advice: 'This check could not run: the rota service is down',
      });
      expect(rota.level).toBe('bronze');
      expect(none.level).toBeNull();
      expect(
        none.checks.find(check => check.id === 'on-call-rota'),
      ).toMatchObject({
        status: 'fail',
      });
      // by weight: PM, lifecycle, support, docs, office hours, no stale posts (1 each) and the
      // rota (3) pass, vision passes at weight 0; the announcement, the responses and the
      // roadmap fail (1 each); the rest does not apply: 9 of 12
      expect(rota.score).toBe(75);
      await knex.destroy();
    },
  );

  it('throws at start on a misconfigured check, naming the key', async () => {
    const knex = await migratedDatabase(databases, 'SQLITE_3');
    expect(() =>
      DatabaseProductEvaluator.create({
        db: knex,
        config: mockServices.rootConfig({
          data: {
            platformProduct: {
              scorecards: { levels: { silver: ['vision', 'nps', 'foo'] } },
            },
          },
        }),
        catalog: catalogServiceMock(),
        auth: mockServices.auth(),
        customChecks: [],
      }),
    ).toThrow(
      "platformProduct.scorecards.levels.silver[2]: unknown check 'foo'; the checks are product-manager,",
    );
    await knex.destroy();
  });
});
