import { AuditorService } from '@backstage/backend-plugin-api';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { productEntities, X } from '../__testUtils__';
import {
  announcementRow,
  AnnouncementRow,
  T0,
} from '../__testUtils__/announcementRows';
import { migratedDatabase } from '../__testUtils__/database';
import { componentEntity, userEntity as user } from '../__testUtils__/entities';
import { AdoptionService } from '../adoption/AdoptionService';
import { AnnouncementPublisher } from './AnnouncementPublisher';
import { DatabaseAnnouncementStore } from './DatabaseAnnouncementStore';

jest.setTimeout(60_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** X, whose part x-cli checkout (of team-a) and search (of team-b) depend on, and their people. */
const entities: Entity[] = [
  ...productEntities.filter(e => e.kind === 'PlatformProduct'),
  componentEntity('x-cli', [
    { type: 'partOf', targetRef: X },
    { type: 'dependencyOf', targetRef: 'component:default/checkout' },
    { type: 'dependencyOf', targetRef: 'component:default/search' },
  ]),
  componentEntity('checkout', [
    { type: 'ownedBy', targetRef: 'group:default/team-a' },
  ]),
  componentEntity('search', [
    { type: 'ownedBy', targetRef: 'group:default/team-b' },
  ]),
  user('a1', ['team-a']),
  user('a2', ['team-a', 'team-b']),
  user('b1', ['team-b']),
  user('c1', ['team-c']),
  user('pm', ['platform-team', 'team-a']),
];

const AUDIENCE = [
  'user:default/a1',
  'user:default/a2',
  'user:default/b1',
  'user:default/follower',
];

/** An incident of X due at T0, not published yet; its body must never reach a notification. */
const post = (extra: Partial<AnnouncementRow> = {}) =>
  announcementRow({
    productRef: X,
    type: 'incident',
    title: 'Deploys are slow',
    summary: 'We are on it',
    body: 'SECRET-BODY: internal details',
    publishedAt: null,
    createdAt: T0 - HOUR,
    ...extra,
  });

/** Counts notifications per post and recipient; can fail chosen calls. */
class FakeNotifications {
  sent: NotificationSendOptions[] = [];
  calls = 0;
  failOnCalls = new Set<number>();
  delayMs = 0;

  async send(options: NotificationSendOptions) {
    this.calls += 1;
    if (this.delayMs) {
      await new Promise(resolve => setTimeout(resolve, this.delayMs));
    }
    if (this.failOnCalls.has(this.calls)) {
      throw new Error('notifications backend unavailable');
    }
    this.sent.push(options);
  }

  /** scope -> recipient -> count */
  counts() {
    const counts: Record<string, Record<string, number>> = {};
    for (const { recipients, payload } of this.sent) {
      const perPost = (counts[payload.scope!] ??= {});
      const refs =
        recipients.type === 'broadcast'
          ? ['broadcast']
          : [recipients.entityRef].flat();
      for (const ref of refs) perPost[ref] = (perPost[ref] ?? 0) + 1;
    }
    return counts;
  }
}

describe('AnnouncementPublisher', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(databaseId: TestDatabaseId) {
    const knex = await migratedDatabase(databases, databaseId);
    const clock = { now: T0 };
    const notifications = new FakeNotifications();
    const audits: Array<{ eventId: string; outcome: string }> = [];
    const auditor: AuditorService = {
      createEvent: async options => ({
        success: async () => {
          audits.push({ eventId: options.eventId, outcome: 'success' });
        },
        fail: async () => {
          audits.push({ eventId: options.eventId, outcome: 'fail' });
        },
      }),
    };
    const catalog = catalogServiceMock({ entities });
    const auth = mockServices.auth();
    const publisher = (options: { chunkSize?: number } = {}) => {
      const store = DatabaseAnnouncementStore.create(knex);
      return {
        store,
        publisher: AnnouncementPublisher.create({
          store,
          catalog,
          auth,
          adoption: AdoptionService.create({ catalog }),
          notifications,
          auditor,
          logger: mockServices.logger.mock(),
          now: () => clock.now,
          claimTimeoutMs: 10 * MINUTE,
          ...options,
        }),
      };
    };
    const { store } = publisher();
    await store.follow(X, 'user:default/follower', T0);
    await store.follow(X, 'user:default/a1', T0);
    return { knex, clock, notifications, audits, store, publisher };
  }

  it.each(databases.eachSupportedId())(
    'publishes a scheduled post when its publishAt arrives, not before, to the adopting teams and followers, %p',
    async databaseId => {
      const { clock, notifications, store, publisher } = await setup(
        databaseId,
      );
      const { publisher: p } = publisher();
      const scheduled = await store.create(post({ publishAt: T0 + HOUR }));

      clock.now = T0 + HOUR - 1;
      await expect(p.deliverDue()).resolves.toBe(0);
      expect(notifications.sent).toEqual([]);
      await expect(store.get(scheduled.id)).resolves.toMatchObject({
        publishedAt: null,
        deliveredAt: null,
      });

      clock.now = T0 + HOUR;
      await expect(p.deliverDue()).resolves.toBe(1);
      await expect(store.get(scheduled.id)).resolves.toMatchObject({
        publishedAt: T0 + HOUR,
        deliveredAt: T0 + HOUR,
      });
      const scope = `platform-product:announcement:${scheduled.id}`;
      // the author (a member of team-a) is not told of their own post
      expect(notifications.counts()).toEqual({
        [scope]: Object.fromEntries(AUDIENCE.map(ref => [ref, 1])),
      });
      expect(notifications.sent[0].payload).toEqual({
        title: 'Product X: Deploys are slow',
        description: 'We are on it',
        link: `/platform-news/${scheduled.id}`,
        severity: 'high',
        topic: 'platform-product-announcements',
        scope,
      });
      expect(JSON.stringify(notifications.sent)).not.toContain('SECRET-BODY');

      // delivered once: later runs send nothing
      clock.now += HOUR;
      await expect(p.deliverDue()).resolves.toBe(0);
      expect(notifications.sent).toHaveLength(1);

      const reach = await store.reach(scheduled.id);
      expect(reach).toMatchObject({ audienceUsers: 4, audienceTeams: 2 });
    },
  );

  it.each(databases.eachSupportedId())(
    'sends one notification per recipient when two publishers race, %p',
    async databaseId => {
      const { clock, notifications, store, publisher } = await setup(
        databaseId,
      );
      notifications.delayMs = 5;
      const posts = await Promise.all(
        [1, 2, 3].map(() => store.create(post({ type: 'release' }))),
      );
      clock.now = T0 + MINUTE;
      const [a, b] = await Promise.all([
        publisher({ chunkSize: 1 }).publisher.deliverDue(),
        publisher({ chunkSize: 1 }).publisher.deliverDue(),
      ]);
      expect(a + b).toBe(3);
      const counts = notifications.counts();
      for (const { id } of posts) {
        expect(counts[`platform-product:announcement:${id}`]).toEqual(
          Object.fromEntries(AUDIENCE.map(ref => [ref, 1])),
        );
      }
      expect(notifications.sent[0].payload.severity).toBe('normal');
    },
  );

  it.each(databases.eachSupportedId())(
    'gives a delivery that failed midway up at once; the next run resumes it, notifying each recipient once, %p',
    async databaseId => {
      const { clock, notifications, audits, store, publisher } = await setup(
        databaseId,
      );
      const { publisher: p } = publisher({ chunkSize: 1 });
      const due = await store.create(post());
      notifications.failOnCalls.add(3);
      clock.now = T0 + MINUTE;

      await expect(p.deliver(due.id)).rejects.toThrow(
        'notifications backend unavailable',
      );
      // the chunks in flight beside the failed one went out, and were marked
      expect(notifications.sent).toHaveLength(AUDIENCE.length - 1);
      await expect(store.get(due.id)).resolves.toMatchObject({
        publishedAt: T0 + MINUTE,
        deliveredAt: null,
      });

      // not claimed any more: the next run (of any replica) resumes it, long before the timeout
      clock.now += MINUTE;
      await expect(publisher().publisher.deliverDue()).resolves.toBe(1);
      expect(notifications.counts()).toEqual({
        [`platform-product:announcement:${due.id}`]: Object.fromEntries(
          AUDIENCE.map(ref => [ref, 1]),
        ),
      });
      // published once, when the first attempt started
      await expect(store.get(due.id)).resolves.toMatchObject({
        publishedAt: T0 + MINUTE,
        deliveredAt: clock.now,
      });
      expect(audits).toEqual([
        { eventId: 'announcement-publish', outcome: 'fail' },
        { eventId: 'announcement-publish', outcome: 'success' },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'takes over the delivery of a replica that died midway only after the claim timeout, %p',
    async databaseId => {
      const { clock, notifications, store, publisher } = await setup(
        databaseId,
      );
      const due = await store.create(post());
      clock.now = T0 + MINUTE;
      // a replica claimed it, recorded the audience, notified one chunk, and died
      const dead = 'claim-of-a-dead-replica';
      await store.claimDelivery(
        due.id,
        dead,
        clock.now,
        clock.now - 10 * MINUTE,
      );
      await store.recordAudience(
        due.id,
        dead,
        AUDIENCE.map(userRef => ({ userRef, teamRef: null })),
        clock.now,
      );
      const [first] = await store.pendingRecipients(due.id, 1);
      await store.markNotified(due.id, dead, [first], clock.now);

      clock.now += 5 * MINUTE;
      await expect(publisher().publisher.deliverDue()).resolves.toBe(0);
      expect(notifications.sent).toHaveLength(0);

      clock.now += 10 * MINUTE;
      await expect(publisher().publisher.deliverDue()).resolves.toBe(1);
      const sentTo = notifications.sent.flatMap(
        n => (n.recipients as { entityRef: string[] }).entityRef,
      );
      expect(sentTo.sort()).toEqual(
        AUDIENCE.filter(ref => ref !== first).sort(),
      );
      await expect(store.get(due.id)).resolves.toMatchObject({
        deliveredAt: clock.now,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'broadcasts a global post once, and never a draft, %p',
    async databaseId => {
      const { clock, notifications, store, publisher } = await setup(
        databaseId,
      );
      const global = await store.create(
        post({ productRef: null, type: 'maintenance' }),
      );
      await store.create(post({ draft: true }));
      clock.now = T0 + MINUTE;
      const { publisher: p } = publisher();
      await expect(p.deliverDue()).resolves.toBe(1);
      await expect(p.deliver(global.id)).resolves.toBe(false);
      expect(notifications.sent).toEqual([
        {
          recipients: { type: 'broadcast' },
          payload: expect.objectContaining({
            title: 'Deploys are slow',
            severity: 'normal',
            scope: `platform-product:announcement:${global.id}`,
          }),
        },
      ]);
    },
  );
});
