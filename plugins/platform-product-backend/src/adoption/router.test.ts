import { SchedulerService } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import {
  adoptionEntities,
  startPlatformProductBackend,
  useFixedClock,
  X as PRODUCT,
} from '../__testUtils__';

jest.setTimeout(60_000);

const NOW = new Date('2026-03-10T12:00:00Z');
const TODAY = '2026-03-10';

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

describe('adoption routes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  // only the clock moves to a fixed day; timers stay real for the backend
  useFixedClock(NOW);

  async function startBackend(options: {
    knex?: Knex;
    permissionResult?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    scheduler?: SchedulerService;
  }) {
    const knex = options.knex ?? (await databases.init('SQLITE_3'));
    const { server } = await startPlatformProductBackend({
      knex,
      entities: adoptionEntities,
      permissions: options.permissionResult
        ? mockServices.permissions({ result: options.permissionResult })
        : undefined,
      scheduler: options.scheduler,
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
});
