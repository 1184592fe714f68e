import {
  AuditorService,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import request from 'supertest';
import { productEntities, X } from '../__testUtils__';
import { announcementRow, T0 } from '../__testUtils__/announcementRows';
import { migratedDatabase } from '../__testUtils__/database';
import { componentEntity, userEntity } from '../__testUtils__/entities';
import { AdoptionService } from '../adoption/AdoptionService';
import { AnnouncementPublisher } from './AnnouncementPublisher';
import { DatabaseAnnouncementStore } from './DatabaseAnnouncementStore';

jest.setTimeout(60_000);

const MINUTE = 60_000;
const MEMBERS = ['u1', 'u2', 'u3', 'u4', 'u5'];

/** X, whose part x-cli checkout depends on, owned by team-a of the MEMBERS. */
const entities: Entity[] = [
  ...productEntities.filter(e => e.kind === 'PlatformProduct'),
  componentEntity('x-cli', [
    { type: 'partOf', targetRef: X },
    { type: 'dependencyOf', targetRef: 'component:default/checkout' },
  ]),
  componentEntity('checkout', [
    { type: 'ownedBy', targetRef: 'group:default/team-a' },
  ]),
  ...MEMBERS.map(name => userEntity(name, ['team-a'])),
];

const auditor: AuditorService = {
  createEvent: async () => ({ success: async () => {}, fail: async () => {} }),
};

/**
 * The one case the delivery claim cannot cover alone: the process dies after a chunk
 * went to the notifications backend and before it was marked as sent. The retry sends
 * that chunk again; the post's notification scope makes the real notifications backend
 * update each recipient's notification in place, so each still has exactly one.
 */
describe('AnnouncementPublisher with the real notifications backend', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'a crash between sending a chunk and marking it leaves one notification per recipient after the retry, %p',
    async databaseId => {
      let notifications: NotificationService | undefined;
      const grabNotificationService = createBackendPlugin({
        pluginId: 'platform-product',
        register(env) {
          env.registerInit({
            deps: { service: notificationService },
            async init({ service }) {
              notifications = service;
            },
          });
        },
      });
      const catalog = catalogServiceMock({ entities });
      const { server } = await startTestBackend({
        features: [
          notificationsPlugin,
          grabNotificationService,
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({
            data: { app: { baseUrl: 'http://localhost:3000' } },
          }),
        ],
      });

      const knex = await migratedDatabase(databases, databaseId);
      const store = DatabaseAnnouncementStore.create(knex);
      const clock = { now: T0 };
      const auth = mockServices.auth();
      const publisher = (crashAfterSend: boolean) => {
        // the process "dies" right after the first chunk went out
        const crashingStore = Object.create(store) as typeof store;
        crashingStore.markNotified = async (...args) => {
          if (crashAfterSend) throw new Error('process died');
          return store.markNotified(...args);
        };
        return AnnouncementPublisher.create({
          store: crashingStore,
          catalog,
          auth,
          adoption: AdoptionService.create({ catalog }),
          notifications: notifications!,
          auditor,
          logger: mockServices.logger.mock(),
          now: () => clock.now,
          chunkSize: 2,
        });
      };
      const post = await store.create(
        announcementRow({
          productRef: X,
          title: 'CLI 2.0',
          summary: 'Faster rollouts',
          body: 'Details',
          publishedAt: null,
        }),
      );

      clock.now = T0 + MINUTE;
      await expect(publisher(true).deliver(post.id)).rejects.toThrow(
        'process died',
      );
      clock.now += 11 * MINUTE;
      await expect(publisher(false).deliverDue()).resolves.toBe(1);

      for (const name of MEMBERS) {
        const response = await request(server)
          .get('/api/notifications/notifications')
          .set(
            'Authorization',
            mockCredentials.user.header(`user:default/${name}`),
          );
        expect(response.status).toBe(200);
        expect(
          response.body.notifications.map(
            (n: { payload: { title: string; link: string } }) => n.payload,
          ),
        ).toEqual([
          expect.objectContaining({
            title: 'Product X: CLI 2.0',
            link: `/platform-news/${post.id}`,
          }),
        ]);
      }
    },
  );
});
