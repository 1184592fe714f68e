import { SchedulerService } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  adoptionEntities,
  startPlatformProductBackend,
  useFixedClock,
  X as PRODUCT,
} from './__testUtils__';

jest.setTimeout(60_000);

const NOW = new Date('2026-03-10T12:00:00Z');
const TODAY = '2026-03-10';

describe('platformProductPlugin', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  // only the clock moves to a fixed day; timers stay real for the backend
  useFixedClock(NOW);

  async function startBackend(options: { scheduler?: SchedulerService }) {
    const knex = await databases.init('SQLITE_3');
    return startPlatformProductBackend({
      knex,
      entities: adoptionEntities,
      scheduler: options.scheduler,
    });
  }

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
      // in the order of the capabilities: the roadmap comes after announcements, scorecards last
      ...[
        'platform-product.roadmap.manage',
        'platform-product.scorecard.refresh',
      ].map(name => ({
        type: 'resource',
        name,
        attributes: { action: 'update' },
        resourceType: 'platform-product',
      })),
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

  it('schedules its tasks (adoption snapshots, scheduled announcements, untold shipments, scorecards); the snapshot task records each product', async () => {
    const scheduler = mockServices.scheduler();
    const { knex } = await startBackend({ scheduler });
    await expect(scheduler.getScheduledTasks()).resolves.toEqual([
      expect.objectContaining({ id: 'platform-product-adoption-snapshots' }),
      expect.objectContaining({
        id: 'platform-product-announcements-publish',
      }),
      expect.objectContaining({
        id: 'platform-product-roadmap-shipments',
        scope: 'global',
      }),
      expect.objectContaining({
        id: 'platform-product-scorecards',
        scope: 'global',
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
