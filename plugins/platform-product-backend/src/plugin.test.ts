import {
  coreServices,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { platformProductPlugin } from './plugin';

jest.setTimeout(60_000);

const PRODUCT = 'platformproduct:default/x';
const NOW = new Date('2026-03-10T12:00:00Z');
const TODAY = '2026-03-10';

const entities: Entity[] = [
  {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: 'x', title: 'Product X' },
    spec: {
      owner: 'group:default/platform-team',
      productManager: 'user:default/jane.doe',
      lifecycle: 'production',
      parts: ['component:default/x-cli', 'api:default/x-api'],
    },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/platform-team' },
      { type: 'hasPart', targetRef: 'component:default/x-cli' },
      { type: 'hasPart', targetRef: 'api:default/x-api' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x-cli' },
    spec: {},
    relations: [
      { type: 'partOf', targetRef: PRODUCT },
      { type: 'dependencyOf', targetRef: 'component:default/checkout' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'x-api' },
    spec: {},
    relations: [
      { type: 'partOf', targetRef: PRODUCT },
      { type: 'apiConsumedBy', targetRef: 'component:default/checkout' },
      { type: 'apiConsumedBy', targetRef: 'component:default/search' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', title: 'Checkout' },
    spec: {},
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'search' },
    spec: {},
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a' },
    spec: { type: 'team', profile: { displayName: 'Team A' }, children: [] },
  },
];

const expectedTeams = [
  {
    teamRef: 'group:default/team-a',
    title: 'Team A',
    consumerCount: 2,
    consumers: [
      {
        entityRef: 'component:default/checkout',
        title: 'Checkout',
        uses: ['api:default/x-api', 'component:default/x-cli'],
      },
      {
        entityRef: 'component:default/search',
        uses: ['api:default/x-api'],
      },
    ],
  },
];

describe('platformProductPlugin', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  beforeEach(() => {
    // only the clock moves to a fixed day; timers stay real for the backend
    jest.useFakeTimers({
      now: NOW,
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  async function startBackend(options: {
    knex?: Knex;
    permissionResult?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    scheduler?: SchedulerService;
  }) {
    const knex = options.knex ?? (await databases.init('SQLITE_3'));
    const { server } = await startTestBackend({
      features: [
        platformProductPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.database.factory({ knex }),
        ...(options.permissionResult
          ? [
              mockServices.permissions.factory({
                result: options.permissionResult,
              }),
            ]
          : []),
        ...(options.scheduler
          ? [
              createServiceFactory({
                service: coreServices.scheduler,
                deps: {},
                factory: () => options.scheduler!,
              }),
            ]
          : []),
      ],
    });
    return { server, knex };
  }

  describe('GET /api/platform-product/adoption', () => {
    it('returns the adoption with its history, today being the live figure', async () => {
      const knex = await databases.init('SQLITE_3');
      const { server } = await startBackend({ knex });
      await knex('adoption_snapshots').insert([
        // older than 90 days: out of the history
        {
          product_ref: PRODUCT,
          day: '2025-12-01',
          part_count: 1,
          consumer_count: 1,
          team_count: 1,
        },
        {
          product_ref: PRODUCT,
          day: '2026-03-08',
          part_count: 2,
          consumer_count: 1,
          team_count: 1,
        },
        {
          product_ref: PRODUCT,
          day: '2026-02-01',
          part_count: 2,
          consumer_count: 0,
          team_count: 0,
        },
        // today's earlier snapshot gives way to the live figure
        {
          product_ref: PRODUCT,
          day: TODAY,
          part_count: 2,
          consumer_count: 9,
          team_count: 9,
        },
        // another product
        {
          product_ref: 'platformproduct:default/y',
          day: '2026-03-09',
          part_count: 1,
          consumer_count: 5,
          team_count: 5,
        },
      ]);

      const response = await request(server)
        .get('/api/platform-product/adoption')
        .query({ productRef: 'PlatformProduct:default/X' });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        productRef: PRODUCT,
        partCount: 2,
        consumerCount: 2,
        teamCount: 1,
        teams: expectedTeams,
        history: [
          { day: '2026-02-01', consumerCount: 0, teamCount: 0 },
          { day: '2026-03-08', consumerCount: 1, teamCount: 1 },
          { day: TODAY, consumerCount: 2, teamCount: 1 },
        ],
      });
    });

    it('returns today only when there are no snapshots', async () => {
      const { server } = await startBackend({});
      const response = await request(server)
        .get('/api/platform-product/adoption')
        .query({ productRef: PRODUCT })
        .set('Authorization', mockCredentials.service.header());
      expect(response.status).toBe(200);
      expect(response.body.history).toEqual([
        { day: TODAY, consumerCount: 2, teamCount: 1 },
      ]);
    });

    it('rejects a missing productRef with a 400 naming it', async () => {
      const { server } = await startBackend({});
      const response = await request(server).get(
        '/api/platform-product/adoption',
      );
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toBe('productRef is required');
    });

    it('rejects a malformed productRef with a 400 naming it', async () => {
      const { server } = await startBackend({});
      const response = await request(server)
        .get('/api/platform-product/adoption')
        .query({ productRef: 'not a ref' });
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toBe(
        "productRef must be an entity reference like 'kind:namespace/name', got 'not a ref'",
      );
    });

    it('answers 404 for an unknown product', async () => {
      const { server } = await startBackend({});
      const response = await request(server)
        .get('/api/platform-product/adoption')
        .query({ productRef: 'platformproduct:default/missing' });
      expect(response.status).toBe(404);
      expect(response.body.error.name).toBe('NotFoundError');
      expect(response.body.error.message).toContain(
        'platformproduct:default/missing',
      );
    });

    it('answers 404 for an entity that is not a product', async () => {
      const { server } = await startBackend({});
      const response = await request(server)
        .get('/api/platform-product/adoption')
        .query({ productRef: 'component:default/checkout' });
      expect(response.status).toBe(404);
    });

    it('answers 403 when the permission policy denies', async () => {
      const { server } = await startBackend({
        permissionResult: AuthorizeResult.DENY,
      });
      const response = await request(server)
        .get('/api/platform-product/adoption')
        .query({ productRef: PRODUCT });
      expect(response.status).toBe(403);
      expect(response.body.error.name).toBe('NotAllowedError');
      expect(response.body.error.message).toContain(
        'platform-product.product.read',
      );
      expect(response.body.teams).toBeUndefined();
    });

    it('answers 401 without credentials', async () => {
      const { server } = await startBackend({});
      const response = await request(server)
        .get('/api/platform-product/adoption')
        .query({ productRef: PRODUCT })
        .set('Authorization', mockCredentials.none.header());
      expect(response.status).toBe(401);
      expect(response.body.teams).toBeUndefined();
    });

    it('answers 401 before looking at the input', async () => {
      const { server } = await startBackend({});
      const response = await request(server)
        .get('/api/platform-product/adoption')
        .set('Authorization', mockCredentials.none.header());
      expect(response.status).toBe(401);
    });
  });

  it('registers the product resource type and its rules with the permission framework', async () => {
    const { server } = await startBackend({});
    const response = await request(server).get(
      '/api/platform-product/.well-known/backstage/permissions/metadata',
    );
    expect(response.status).toBe(200);
    expect(response.body.permissions).toEqual([
      ...[
        ['platform-product.product.read', 'read'],
        ['platform-product.feedback.create', 'create'],
        ['platform-product.feedback.read', 'read'],
        ['platform-product.feedback.respond', 'update'],
        ['platform-product.feedback.moderate', 'delete'],
        ['platform-product.announcement.manage', 'update'],
      ].map(([name, action]) => ({
        type: 'resource',
        name,
        attributes: { action },
        resourceType: 'platform-product',
      })),
      {
        type: 'basic',
        name: 'platform-product.announcement.global.manage',
        attributes: { action: 'update' },
      },
    ]);
    expect(
      response.body.rules.map((rule: { name: string }) => rule.name).sort(),
    ).toEqual(['IS_OWNING_TEAM_MEMBER', 'IS_PRODUCT_MANAGER']);
    const isProductManager = response.body.rules.find(
      (rule: { name: string }) => rule.name === 'IS_PRODUCT_MANAGER',
    );
    expect(isProductManager.resourceType).toBe('platform-product');
    expect(isProductManager.paramsSchema).toMatchObject({
      type: 'object',
      required: ['userRefs'],
      properties: { userRefs: { type: 'array', items: { type: 'string' } } },
    });
  });

  it('schedules the daily snapshot task, which records each product', async () => {
    const scheduler = mockServices.scheduler();
    const { knex } = await startBackend({ scheduler });
    await expect(scheduler.getScheduledTasks()).resolves.toEqual([
      expect.objectContaining({ id: 'platform-product-adoption-snapshots' }),
      expect.objectContaining({
        id: 'platform-product-announcements-publish',
      }),
    ]);

    await scheduler.triggerTask('platform-product-adoption-snapshots');

    await expect(knex('adoption_snapshots')).resolves.toEqual([
      {
        product_ref: PRODUCT,
        day: TODAY,
        part_count: 2,
        consumer_count: 2,
        team_count: 1,
      },
    ]);
  });
});
