// Over ~500 lines on purpose: the announcements REST surface end to end (one started backend per
// engine), one describe per route; every bad-input case of the README has its test here.
import {
  BackstageCredentials,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import request from 'supertest';
import {
  ADMIN,
  ALICE, // in team-a, which uses X
  as,
  CLI,
  CONDY, // reads only what they manage
  fixClock,
  JANE,
  OUTSIDER,
  OWEN,
  productEntities,
  RecordedAuditEvent,
  startPlatformProductBackend,
  until,
  X,
  Y,
  Z,
} from '../__testUtils__';
import { componentEntity, userEntity } from '../__testUtils__/entities';
import { platformProductRules } from '../permissions/rules';

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout';

const entities: Entity[] = [
  // the products X, Y and Z of every router test
  ...productEntities.filter(e => e.kind === 'PlatformProduct'),
  componentEntity('x-cli', [
    { type: 'partOf', targetRef: X },
    { type: 'dependencyOf', targetRef: CHECKOUT },
  ]),
  componentEntity('checkout', [
    { type: 'ownedBy', targetRef: 'group:default/team-a' },
    { type: 'dependsOn', targetRef: CLI },
  ]),
  userEntity('jane', ['platform-team']),
  userEntity('owen', ['platform-team']),
  userEntity('alice', ['team-a']),
  userEntity('admin', ['admins']),
  userEntity('outsider', []),
  userEntity('condy', []),
];

/**
 * The demo policy in short: the PM and owning team of a product manage its posts (a
 * conditional decision), admins global ones; CONDY reads only the products they manage.
 */
function policy(permission: string, user: string | undefined): PolicyDecision {
  const allow = (yes: boolean): PolicyDecision => ({
    result: yes ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
  if (user === OUTSIDER) return allow(false);
  const pmOrTeam: PolicyDecision = {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'platform-product',
    resourceType: 'platform-product',
    conditions: {
      anyOf: [
        {
          rule: 'IS_PRODUCT_MANAGER',
          resourceType: 'platform-product',
          params: { userRefs: [user!] },
        },
        {
          rule: 'IS_OWNING_TEAM_MEMBER',
          resourceType: 'platform-product',
          params: {
            claims: [
              user!,
              ...(entities
                .find(e => `user:default/${e.metadata.name}` === user)
                ?.relations?.map(r => r.targetRef) ?? []),
            ],
          },
        },
      ],
    },
  };
  if (permission === 'platform-product.announcement.manage') {
    return pmOrTeam;
  }
  if (permission === 'platform-product.announcement.global.manage') {
    return allow(user === ADMIN);
  }
  if (user === CONDY) return pmOrTeam;
  return allow(true);
}

/** What the permission backend does with a conditional decision on a resource ref. */
const applyConditions = createConditionAuthorizer({
  getRuleByName: name =>
    Object.values(platformProductRules).find(rule => rule.name === name)!,
});
const productEntity = (ref: string) =>
  entities.find(
    e => `${e.kind}:default/${e.metadata.name}`.toLocaleLowerCase() === ref,
  ) as PlatformProductEntityV1alpha1 | undefined;

const service = () => mockCredentials.service.header();
const api = '/api/platform-product';

describe('announcement routes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  let server: Parameters<typeof request>[0];
  let sent: NotificationSendOptions[];
  let auditEvents: RecordedAuditEvent[];
  /** calls to the permission backend, and the permission backend's calls back to apply conditions */
  let permissionCalls: number;
  let applyConditionsCalls: number;
  let catalogReads: string[];
  /** while set, notifications wait for it */
  let sendGate: Promise<void> | undefined;
  /** how many sends fail before they work again */
  let sendFailures: number;

  async function start(options: { scheduler?: SchedulerService } = {}) {
    knex = await databases.init('SQLITE_3');
    sent = [];
    permissionCalls = 0;
    applyConditionsCalls = 0;
    sendGate = undefined;
    sendFailures = 0;
    const principalOf = (credentials: BackstageCredentials) =>
      credentials.principal as { type: string; userEntityRef?: string };
    const permissions: PermissionsService = {
      authorize: async (requests, { credentials }) => {
        permissionCalls += 1;
        const principal = principalOf(credentials);
        let conditional = false;
        const decisions = requests.map(r => {
          // like the permission client: services are always allowed
          if (principal.type === 'service') {
            return { result: AuthorizeResult.ALLOW };
          }
          const decision = policy(r.permission.name, principal.userEntityRef);
          if (decision.result !== AuthorizeResult.CONDITIONAL) return decision;
          // the permission backend asks this plugin's apply-conditions, in one batch
          conditional = true;
          const ref = 'resourceRef' in r ? r.resourceRef : undefined;
          return {
            result: applyConditions(decision, productEntity(ref!))
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          };
        });
        if (conditional) applyConditionsCalls += 1;
        return decisions;
      },
      authorizeConditional: async (requests, { credentials }) => {
        permissionCalls += 1;
        const principal = principalOf(credentials);
        return requests.map(r =>
          principal.type === 'service'
            ? { result: AuthorizeResult.ALLOW }
            : policy(r.permission.name, principal.userEntityRef),
        );
      },
    };
    ({ server, auditEvents, catalogReads } = await startPlatformProductBackend({
      knex,
      entities,
      permissions,
      scheduler: options.scheduler,
      config: {
        app: { baseUrl: 'https://backstage.example.com/' },
        backend: { baseUrl: 'https://backstage.example.com' },
      },
      platformProduct: {
        feedback: { authorSecret: 'test secret' },
        // each request asks the policy (the tests change decisions and count calls)
        permissions: { decisionCacheTtl: { seconds: 0 } },
      },
      notifications: {
        send: async (sendOptions: NotificationSendOptions) => {
          if (sendFailures > 0) {
            sendFailures -= 1;
            throw new Error('notifications backend unavailable');
          }
          await sendGate;
          sent.push(sendOptions);
        },
      },
    }));
  }

  const release = (extra: object = {}) => ({
    productRef: X,
    type: 'release',
    title: 'Version 2',
    summary: 'Faster deploys',
    body: 'All the **details**',
    tags: ['ci'],
    ...extra,
  });

  async function create(user: string, body: object) {
    return request(server)
      .post(`${api}/announcements`)
      .set('Authorization', as(user))
      .send(body);
  }

  /** The delivery runs after the answer: waits until it is done. */
  const delivered = (id: string) =>
    until(async () => {
      const row = await knex('announcements')
        .where({ id })
        .first('delivered_at');
      return !!row?.delivered_at;
    });

  async function created(user = JANE, body: object = release()) {
    const response = await create(user, body);
    expect(response.status).toBe(201);
    if (response.body.state === 'published') {
      await delivered(response.body.id);
    }
    return response.body;
  }

  const count = async (table: string) =>
    Number((await knex(table).count({ c: '*' }))[0].c);
  const nothingWritten = async () => {
    for (const table of [
      'announcements',
      'announcement_tags',
      'announcement_deliveries',
    ]) {
      expect(await count(table)).toBe(0);
    }
    expect(sent).toEqual([]);
  };

  const HOUR = 3_600_000;
  const inHours = (hours: number) =>
    new Date(Date.now() + hours * HOUR).toISOString();

  describe('with the default scheduler', () => {
    beforeEach(() => start());

    describe('POST /announcements', () => {
      it('publishes a post of the PM for the product, delivering it to the adopting teams', async () => {
        const body = await created();
        expect(body).toMatchObject({
          productRef: X,
          type: 'release',
          title: 'Version 2',
          tags: ['ci'],
          author: JANE,
          state: 'published',
          canEdit: true,
          readByMe: false,
          requiresAcknowledgement: false,
        });
        expect(body.publishedAt).toEqual(expect.any(String));
        expect(sent).toEqual([
          {
            recipients: { type: 'entity', entityRef: [ALICE] },
            payload: {
              title: 'Product X: Version 2',
              description: 'Faster deploys',
              link: `/platform-news/${body.id}`,
              severity: 'normal',
              topic: 'platform-product-announcements',
              scope: `platform-product:announcement:${body.id}`,
            },
          },
        ]);
        expect(auditEvents).toEqual([
          {
            eventId: 'announcement-create',
            meta: { announcementId: body.id, productRef: X },
            outcome: 'success',
          },
          {
            eventId: 'announcement-publish',
            meta: { announcementId: body.id, productRef: X },
            outcome: 'success',
          },
        ]);
      });

      it('posts on behalf of a group the author is a member of', async () => {
        const body = await created(
          OWEN,
          release({ onBehalfOf: 'group:default/platform-team' }),
        );
        expect(body).toMatchObject({
          author: OWEN,
          onBehalfOf: 'group:default/platform-team',
        });
      });

      it('keeps a scheduled post and a draft from delivery', async () => {
        const scheduled = await created(
          JANE,
          release({ publishAt: inHours(2) }),
        );
        const draft = await created(JANE, release({ draft: true }));
        expect(scheduled.state).toBe('scheduled');
        expect(draft.state).toBe('draft');
        expect(sent).toEqual([]);
      });

      it('lets the admins post a global announcement, broadcast', async () => {
        const body = await created(
          ADMIN,
          release({ productRef: undefined, type: 'maintenance' }),
        );
        expect(body.productRef).toBeNull();
        expect(sent).toEqual([
          {
            recipients: { type: 'broadcast' },
            payload: expect.objectContaining({ title: 'Version 2' }),
          },
        ]);
      });

      it('answers 403 to a global post by someone without the global permission', async () => {
        const response = await create(JANE, release({ productRef: undefined }));
        expect(response.status).toBe(403);
        expect(response.body.error.message).toContain(
          'platform-product.announcement.global.manage',
        );
        await nothingWritten();
      });

      it("answers 403 to a post by someone outside the product's team", async () => {
        const response = await create(ALICE, release());
        expect(response.status).toBe(403);
        expect(response.body.error.message).toContain(
          'platform-product.announcement.manage',
        );
        await nothingWritten();
      });

      it('answers 403 to a service: posts are written by people', async () => {
        const response = await request(server)
          .post(`${api}/announcements`)
          .set('Authorization', service())
          .send(release());
        expect(response.status).toBe(403);
        await nothingWritten();
      });

      const event = (from: string, to: string) => ({
        type: 'event',
        event: { kind: 'workshop', start: from, end: to },
      });

      it.each([
        [
          'an event that ends before it starts',
          event('2030-01-01T10:00:00Z', '2030-01-01T09:00:00Z'),
          400,
          'event.end must be after event.start (2030-01-01T10:00:00.000Z), got 2030-01-01T09:00:00.000Z',
        ],
        [
          'an expiry before the publication',
          {
            publishAt: '2030-01-02T00:00:00Z',
            expiresAt: '2030-01-01T00:00:00Z',
          },
          400,
          'expiresAt must be after publishAt (2030-01-02T00:00:00.000Z), got 2030-01-01T00:00:00.000Z',
        ],
        [
          'an expiry in the past',
          { expiresAt: '2020-01-01T00:00:00Z' },
          400,
          'expiresAt must be in the future, got 2020-01-01T00:00:00.000Z',
        ],
        [
          'an event without times',
          { type: 'event' },
          400,
          'event is required for an event: give start and end (and a location)',
        ],
        [
          'an event without an end',
          { type: 'event', event: { start: '2030-01-01T10:00:00Z' } },
          400,
          'event.end is required',
        ],
        [
          'an unknown type',
          { type: 'rumour' },
          400,
          "type must be one of release, changelog, deprecation, maintenance, incident, event, got 'rumour'",
        ],
        [
          'a title over 200 characters',
          { title: 't'.repeat(201) },
          400,
          'title must be at most 200 characters, got 201',
        ],
        [
          'a body over 50,000 characters',
          { body: 'b'.repeat(50_001) },
          400,
          'body must be at most 50,000 characters, got 50,001',
        ],
        [
          'a deprecation without its effective date',
          { type: 'deprecation' },
          400,
          'effectiveAt is required for a deprecation',
        ],
        ['an author in the body', { author: ALICE }, 400, 'author'],
        [
          'a malformed productRef',
          { productRef: 'not a ref' },
          400,
          "productRef must be an entity reference like 'kind:namespace/name', got 'not a ref'",
        ],
        [
          'onBehalfOf a group the caller is not a member of',
          { onBehalfOf: 'group:default/team-a' },
          403,
          "onBehalfOf 'group:default/team-a' is not a group you are a member of",
        ],
        [
          'onBehalfOf a user',
          { onBehalfOf: ALICE },
          400,
          `onBehalfOf must be a group, like 'group:default/platform-team', got '${ALICE}'`,
        ],
        [
          'a product that does not exist',
          { productRef: 'platformproduct:default/missing' },
          404,
          "No PlatformProduct 'platformproduct:default/missing' in the catalog",
        ],
        [
          'a productRef that is no product',
          { productRef: CLI },
          404,
          `No PlatformProduct '${CLI}' in the catalog`,
        ],
      ])(
        'answers %s with a clear error, writing nothing',
        async (_, extra, status, message) => {
          const response = await create(JANE, release(extra));
          expect(response.status).toBe(status);
          expect(response.body.error.message).toContain(message);
          await nothingWritten();
          expect(auditEvents).toEqual([]);
        },
      );
    });

    describe('GET /announcements', () => {
      it('lists published posts pinned first, with read marks and canEdit per caller, page by page', async () => {
        const first = await created(JANE, release({ title: 'First' }));
        const pinned = await created(
          JANE,
          release({ title: 'Pinned', pinned: true }),
        );
        const third = await created(JANE, release({ title: 'Third' }));
        await created(JANE, release({ title: 'Draft', draft: true }));
        await request(server)
          .put(`${api}/announcements/${third.id}/read`)
          .set('Authorization', as(ALICE))
          .expect(200);

        const page1 = await request(server)
          .get(`${api}/announcements`)
          .query({ productRef: X, limit: 2 })
          .set('Authorization', as(ALICE));
        expect(page1.status).toBe(200);
        expect(page1.body.items.map((i: { id: string }) => i.id)).toEqual([
          pinned.id,
          third.id,
        ]);
        expect(page1.body).toMatchObject({
          totalCount: 3,
          totalCountCapped: false,
          unreadCount: 2,
          unreadCountCapped: false,
        });
        expect(page1.body.items[1]).toMatchObject({
          readByMe: true,
          canEdit: false,
        });
        const page2 = await request(server)
          .get(`${api}/announcements`)
          .query({ productRef: X, limit: 2, cursor: page1.body.nextCursor })
          .set('Authorization', as(ALICE));
        expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([
          first.id,
        ]);
        expect(page2.body.nextCursor).toBeNull();

        const asPm = await request(server)
          .get(`${api}/announcements`)
          .query({ productRef: X })
          .set('Authorization', as(JANE));
        expect(
          asPm.body.items.every((i: { canEdit: boolean }) => i.canEdit),
        ).toBe(true);
      });

      it('caps the counts at 1,000 posts and 100 unread', async () => {
        const { id } = await created();
        const [row] = await knex('announcements').where('id', id);
        await knex.batchInsert(
          'announcements',
          Array.from({ length: 1000 }, (_, i) => ({
            ...row,
            id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          })),
          100,
        );
        const response = await request(server)
          .get(`${api}/announcements`)
          .query({ productRef: X, limit: 5 })
          .set('Authorization', as(ALICE));
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({
          totalCount: 1000,
          totalCountCapped: true,
          unreadCount: 100,
          unreadCountCapped: true,
        });
        expect(response.body.items).toHaveLength(5);
      });

      it('adds drafts and scheduled posts for editors only with drafts=true', async () => {
        await created(JANE, release({ title: 'Live' }));
        const draft = await created(
          JANE,
          release({ title: 'Draft', draft: true }),
        );
        const scheduled = await created(
          JANE,
          release({ title: 'Later', publishAt: inHours(5) }),
        );
        const list = (user: string) =>
          request(server)
            .get(`${api}/announcements`)
            .query({ productRef: X, drafts: 'true' })
            .set('Authorization', as(user));
        const pm = await list(JANE);
        expect(pm.body.items.map((i: { id: string }) => i.id)).toEqual(
          expect.arrayContaining([draft.id, scheduled.id]),
        );
        expect(pm.body.totalCount).toBe(3);
        // a reader asking for drafts gets the published posts, as without the flag
        const reader = await list(ALICE);
        expect(reader.status).toBe(200);
        expect(
          reader.body.items.map((i: { title: string }) => i.title),
        ).toEqual(['Live']);
        // drafts of all products in the unscoped list too
        const all = await request(server)
          .get(`${api}/announcements`)
          .query({ drafts: 'true' })
          .set('Authorization', as(JANE));
        expect(all.body.totalCount).toBe(3);
      });

      it('lists the posts of the products an entity uses, and every readable one without a scope', async () => {
        const ofX = await created();
        const global = await created(
          ADMIN,
          release({ productRef: undefined, title: 'Global' }),
        );
        const byEntity = await request(server)
          .get(`${api}/announcements`)
          .query({ entityRef: CHECKOUT })
          .set('Authorization', as(ALICE));
        expect(byEntity.body.items.map((i: { id: string }) => i.id)).toEqual([
          ofX.id,
        ]);
        const all = await request(server)
          .get(`${api}/announcements`)
          .set('Authorization', as(ALICE));
        expect(all.body.items.map((i: { id: string }) => i.id).sort()).toEqual(
          [ofX.id, global.id].sort(),
        );
        const unread = await request(server)
          .get(`${api}/announcements`)
          .query({ unread: 'true' })
          .set('Authorization', as(ALICE));
        expect(unread.body.unreadCount).toBe(2);
      });

      it('lets a service list published posts, without read marks or drafts', async () => {
        await created();
        await created(JANE, release({ draft: true }));
        const response = await request(server)
          .get(`${api}/announcements`)
          .query({ drafts: 'true' })
          .set('Authorization', service());
        expect(response.status).toBe(200);
        expect(response.body.totalCount).toBe(1);
        expect(response.body.items[0]).toMatchObject({
          readByMe: false,
          canEdit: false,
        });
      });

      it('answers 403 to a caller who may not read the product', async () => {
        await created();
        const response = await request(server)
          .get(`${api}/announcements`)
          .query({ productRef: X })
          .set('Authorization', as(OUTSIDER));
        expect(response.status).toBe(403);
        expect(response.body.error.message).toContain(
          'platform-product.product.read',
        );
        expect(response.body.items).toBeUndefined();
      });

      it.each([
        [{ productRef: 'platformproduct:default/missing' }, 404, 'missing'],
        [{ cursor: 'garbage' }, 400, "cursor 'garbage' is not a cursor"],
        [{ type: 'gossip' }, 400, 'type must be one of'],
        [{ limit: '500' }, 400, 'limit must be from 1 to 100'],
        [{ productRef: X, entityRef: CLI }, 400, 'productRef or entityRef'],
        [{ tag: 'Not A Tag!' }, 400, 'tag must be 1-40'],
      ])('answers %o with %i', async (query, status, message) => {
        const response = await request(server)
          .get(`${api}/announcements`)
          .query(query)
          .set('Authorization', as(ALICE));
        expect(response.status).toBe(status);
        expect(response.body.error.message).toContain(message);
      });
    });

    describe('GET /announcements/:id', () => {
      it('returns a published post to readers and services, a draft to editors only', async () => {
        const live = await created();
        const draft = await created(JANE, release({ draft: true }));
        const get = (id: string, auth: string) =>
          request(server)
            .get(`${api}/announcements/${id}`)
            .set('Authorization', auth);

        expect((await get(live.id, as(ALICE))).body).toMatchObject({
          id: live.id,
          canEdit: false,
        });
        expect((await get(live.id, service())).status).toBe(200);
        expect((await get(draft.id, as(JANE))).body.state).toBe('draft');
        expect((await get(draft.id, as(ALICE))).status).toBe(404);
        expect((await get(draft.id, service())).status).toBe(404);
        const denied = await get(live.id, as(OUTSIDER));
        expect(denied.status).toBe(403);
        expect(denied.body.title).toBeUndefined();
        const missing = await get('nope', as(ALICE));
        expect(missing.status).toBe(404);
        expect(missing.body.error.message).toBe("No announcement 'nope'");
      });
    });

    describe('PATCH /announcements/:id', () => {
      it('lets the product team edit, checking the merged post, and publishes a draft when saved as final', async () => {
        const draft = await created(JANE, release({ draft: true }));
        const response = await request(server)
          .patch(`${api}/announcements/${draft.id}`)
          .set('Authorization', as(OWEN))
          .send({ title: 'Version 2.0', draft: false, tags: ['ci', 'docs'] });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({
          title: 'Version 2.0',
          state: 'published',
          tags: ['ci', 'docs'],
          author: JANE,
        });
        await delivered(draft.id);
        expect(sent).toHaveLength(1);
        expect(sent[0].payload.title).toBe('Product X: Version 2.0');
        expect(auditEvents.map(e => [e.eventId, e.outcome])).toEqual([
          ['announcement-create', 'success'],
          ['announcement-update', 'success'],
          ['announcement-publish', 'success'],
        ]);

        // an edit after publication is not delivered again
        await request(server)
          .patch(`${api}/announcements/${draft.id}`)
          .set('Authorization', as(JANE))
          .send({ summary: 'Even faster' })
          .expect(200);
        expect(sent).toHaveLength(1);
      });

      it.each([
        [
          'a published post back to draft',
          { draft: true },
          'draft cannot be set: the post was published',
        ],
        [
          'a change that leaves an event without times',
          { type: 'event' },
          'event is required for an event',
        ],
        ['nothing', {}, 'nothing to change'],
        ['an unknown field', { author: ALICE }, 'author'],
      ])('answers 400 to %s', async (_, change, message) => {
        const post = await created();
        const response = await request(server)
          .patch(`${api}/announcements/${post.id}`)
          .set('Authorization', as(JANE))
          .send(change);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain(message);
        const [row] = await knex('announcements');
        expect(row.type).toBe('release');
        expect(Boolean(row.draft)).toBe(false);
      });

      it("answers 403 to editing someone else's post without permission, changing nothing", async () => {
        const post = await created();
        const response = await request(server)
          .patch(`${api}/announcements/${post.id}`)
          .set('Authorization', as(ALICE))
          .send({ title: 'Hijacked' });
        expect(response.status).toBe(403);
        expect(response.body.error.message).toContain(
          'platform-product.announcement.manage',
        );
        const [row] = await knex('announcements');
        expect(row.title).toBe('Version 2');
      });
    });

    describe('DELETE /announcements/:id', () => {
      it('lets the product team delete a post with its marks, audited', async () => {
        const post = await created();
        await request(server)
          .put(`${api}/announcements/${post.id}/read`)
          .set('Authorization', as(ALICE))
          .expect(200);
        const denied = await request(server)
          .delete(`${api}/announcements/${post.id}`)
          .set('Authorization', as(ALICE));
        expect(denied.status).toBe(403);
        expect(await count('announcements')).toBe(1);

        const response = await request(server)
          .delete(`${api}/announcements/${post.id}`)
          .set('Authorization', as(JANE));
        expect(response.status).toBe(204);
        for (const table of [
          'announcements',
          'announcement_reads',
          'announcement_tags',
          'announcement_deliveries',
        ]) {
          expect(await count(table)).toBe(0);
        }
        expect(auditEvents.at(-1)).toMatchObject({
          eventId: 'announcement-delete',
          outcome: 'success',
        });
      });
    });

    describe('reads, acknowledgements and reach', () => {
      it('records reads and acknowledgements and shows the PM the reach', async () => {
        const deprecation = await created(
          JANE,
          release({ type: 'deprecation', effectiveAt: inHours(24 * 30) }),
        );
        const read = await request(server)
          .put(`${api}/announcements/${deprecation.id}/read`)
          .set('Authorization', as(ALICE));
        expect(read.status).toBe(200);
        expect(read.body).toMatchObject({
          readByMe: true,
          acknowledgedByMe: false,
          requiresAcknowledgement: true,
        });

        const reach = () =>
          request(server)
            .get(`${api}/announcements/${deprecation.id}/reach`)
            .set('Authorization', as(JANE));
        expect((await reach()).body).toEqual({
          audienceUsers: 1,
          readUsers: 1,
          acknowledgedUsers: 0,
          audienceTeams: 1,
          reachedTeams: 1,
          acknowledgedTeams: 0,
          pendingAcknowledgement: [
            { team: 'group:default/team-a', users: [ALICE] },
          ],
        });

        const ack = await request(server)
          .put(`${api}/announcements/${deprecation.id}/acknowledgement`)
          .set('Authorization', as(ALICE));
        expect(ack.body).toMatchObject({
          readByMe: true,
          acknowledgedByMe: true,
        });
        expect((await reach()).body).toMatchObject({
          acknowledgedUsers: 1,
          acknowledgedTeams: 1,
          pendingAcknowledgement: [],
        });

        const denied = await request(server)
          .get(`${api}/announcements/${deprecation.id}/reach`)
          .set('Authorization', as(ALICE));
        expect(denied.status).toBe(403);
        expect(denied.body.audienceUsers).toBeUndefined();
      });

      it('answers 400 to acknowledging a post that asks for none, and to reading a draft', async () => {
        const post = await created();
        const ack = await request(server)
          .put(`${api}/announcements/${post.id}/acknowledgement`)
          .set('Authorization', as(ALICE));
        expect(ack.status).toBe(400);
        expect(ack.body.error.message).toContain(
          'is a release: only deprecation posts ask for an acknowledgement',
        );
        const draft = await created(JANE, release({ draft: true }));
        const read = await request(server)
          .put(`${api}/announcements/${draft.id}/read`)
          .set('Authorization', as(JANE));
        expect(read.status).toBe(400);
        expect(read.body.error.message).toContain('is not published yet');
        expect(await count('announcement_reads')).toBe(0);
      });

      it('answers 403 to marks by a caller who may not read the product', async () => {
        const post = await created();
        const response = await request(server)
          .put(`${api}/announcements/${post.id}/read`)
          .set('Authorization', as(OUTSIDER));
        expect(response.status).toBe(403);
        expect(await count('announcement_reads')).toBe(0);
      });
    });

    describe('banners', () => {
      it('lists pinned incidents until the caller dismisses them', async () => {
        const incident = await created(
          JANE,
          release({ type: 'incident', pinned: true }),
        );
        await created(JANE, release({ type: 'incident' }));
        const global = await created(
          ADMIN,
          release({ productRef: undefined, type: 'maintenance', pinned: true }),
        );
        const banners = (query: object = {}) =>
          request(server)
            .get(`${api}/announcements/banners`)
            .query(query)
            .set('Authorization', as(ALICE));
        expect(
          (await banners({ productRef: X })).body.map(
            (b: { id: string }) => b.id,
          ),
        ).toEqual([incident.id]);
        expect((await banners()).body.map((b: { id: string }) => b.id)).toEqual(
          [global.id],
        );

        await request(server)
          .put(`${api}/announcements/${incident.id}/dismissal`)
          .set('Authorization', as(ALICE))
          .expect(204);
        expect((await banners({ productRef: X })).body).toEqual([]);
        const forJane = await request(server)
          .get(`${api}/announcements/banners`)
          .query({ productRef: X })
          .set('Authorization', as(JANE));
        expect(forJane.body).toHaveLength(1);

        const denied = await request(server)
          .get(`${api}/announcements/banners`)
          .query({ productRef: X })
          .set('Authorization', as(OUTSIDER));
        expect(denied.status).toBe(403);
      });

      it('answers 400 to dismissing a post that is no banner', async () => {
        const post = await created();
        const response = await request(server)
          .put(`${api}/announcements/${post.id}/dismissal`)
          .set('Authorization', as(ALICE));
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain('is no banner');
        expect(await count('announcement_dismissals')).toBe(0);
      });
    });

    describe('/follows', () => {
      it('follows and unfollows a product; followers get its posts', async () => {
        const follow = (method: 'put' | 'get' | 'delete', user: string) =>
          request(server)
            [method](`${api}/follows`)
            .query({ productRef: 'PlatformProduct:default/X' })
            .set('Authorization', as(user));
        expect((await follow('put', OWEN)).body).toEqual({
          productRef: X,
          following: true,
          followers: 1,
        });
        expect((await follow('get', ALICE)).body).toEqual({
          productRef: X,
          following: false,
          followers: 1,
        });
        const post = await created(JANE);
        expect(sent[0].recipients).toEqual({
          type: 'entity',
          entityRef: [ALICE, OWEN],
        });
        expect((await follow('delete', OWEN)).body.following).toBe(false);
        expect(await count('product_follows')).toBe(0);
        expect(post.id).toBeDefined();

        const denied = await follow('put', OUTSIDER);
        expect(denied.status).toBe(403);
        expect(await count('product_follows')).toBe(0);
      });

      it.each([
        [{}, 400, 'productRef is required'],
        [{ productRef: Y.replace('y', 'zz') }, 404, 'zz'],
      ])('answers %o with %i', async (query, status, message) => {
        const response = await request(server)
          .put(`${api}/follows`)
          .query(query)
          .set('Authorization', as(ALICE));
        expect(response.status).toBe(status);
        expect(response.body.error.message).toContain(message);
        expect(await count('product_follows')).toBe(0);
      });
    });

    describe('feed and calendar', () => {
      it('serves an Atom feed of a product and a global one, linking to the news page', async () => {
        const post = await created(
          JANE,
          release({ title: 'Tom & Jerry <release>' }),
        );
        await created(JANE, release({ draft: true, title: 'Secret draft' }));
        const response = await request(server)
          .get(`${api}/announcements/feed`)
          .query({ productRef: X })
          .set('Authorization', as(ALICE));
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe(
          'application/atom+xml; charset=utf-8',
        );
        expect(response.text).toContain(
          '<title type="text">Product X news</title>',
        );
        expect(response.text).toContain(
          '<title type="text">Tom &amp; Jerry &lt;release&gt;</title>',
        );
        expect(response.text).toContain(
          `href="https://backstage.example.com/platform-news/${post.id}"`,
        );
        expect(response.text).not.toContain('Secret draft');

        const global = await request(server)
          .get(`${api}/announcements/feed`)
          .set('Authorization', service());
        expect(global.status).toBe(200);
        expect(global.text).toContain(
          '<title type="text">Platform news</title>',
        );
        expect(global.text).toContain(`urn:uuid:${post.id}`);

        const denied = await request(server)
          .get(`${api}/announcements/feed`)
          .query({ productRef: X })
          .set('Authorization', as(OUTSIDER));
        expect(denied.status).toBe(403);
      });

      it("opens the feed in a browser tab with Backstage's user cookie, as that user", async () => {
        const post = await created(JANE, release({ title: 'Cookie release' }));
        const tab = await request(server)
          .get(`${api}/announcements/feed`)
          .query({ productRef: X })
          .set('Cookie', mockCredentials.limitedUser.cookie(ALICE));
        expect(tab.status).toBe(200);
        expect(tab.text).toContain(`urn:uuid:${post.id}`);

        // the cookie's reader is still checked against the policy
        const outsider = await request(server)
          .get(`${api}/announcements/feed`)
          .query({ productRef: X })
          .set('Cookie', mockCredentials.limitedUser.cookie(OUTSIDER));
        expect(outsider.status).toBe(403);
      });

      it('serves an event as iCalendar, and 400 for a post that is no event', async () => {
        const event = await created(
          JANE,
          release({
            type: 'event',
            title: 'Office hours',
            event: {
              kind: 'office-hours',
              start: '2030-01-01T10:00:00+01:00',
              end: '2030-01-01T11:00:00+01:00',
              location: 'Room 1, floor 2',
            },
          }),
        );
        const response = await request(server)
          .get(`${api}/announcements/${event.id}/event.ics`)
          .set('Authorization', as(ALICE));
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe(
          'text/calendar; charset=utf-8',
        );
        expect(response.text).toContain(`UID:${event.id}@platform-product\r\n`);
        expect(response.text).toContain('DTSTART:20300101T090000Z\r\n');
        expect(response.text).toContain('LOCATION:Room 1\\, floor 2\r\n');

        const notEvent = await created();
        const bad = await request(server)
          .get(`${api}/announcements/${notEvent.id}/event.ics`)
          .set('Authorization', as(ALICE));
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toContain('is a release, not an event');

        const denied = await request(server)
          .get(`${api}/announcements/${event.id}/event.ics`)
          .set('Authorization', as(OUTSIDER));
        expect(denied.status).toBe(403);
      });
    });
  });

  describe('permission round trips', () => {
    beforeEach(() => start());

    /**
     * The internal calls a request makes: to the permission backend, its calls back to
     * apply-conditions (each loading the products from the catalog: two), and the catalog
     * reads of this plugin.
     */
    const trips = () =>
      permissionCalls + 2 * applyConditionsCalls + catalogReads.length;
    const calls = async (send: () => Promise<{ status: number }>) => {
      const before = trips();
      const response = await send();
      expect(response.status).toBeLessThan(300);
      return trips() - before;
    };
    const by = (user: string) => ({ Authorization: as(user) });

    it('makes one internal call per request on one product, for the permissions', async () => {
      const { id } = await created();
      const counted: Record<string, number> = {};
      // the delivery's own catalog reads aside: a draft and a broadcast
      counted.create = await calls(() =>
        create(JANE, release({ draft: true })),
      );
      let global = '';
      counted['create global'] = await calls(async () => {
        const response = await create(
          ADMIN,
          release({ productRef: undefined, type: 'incident' }),
        );
        global = response.body.id;
        return response;
      });
      await delivered(global);
      const deprecation = await created(
        JANE,
        release({ type: 'deprecation', effectiveAt: inHours(24 * 30) }),
      );
      const get =
        (path: string, user = ALICE) =>
        () =>
          request(server).get(`${api}/announcements${path}`).set(by(user));
      const put =
        (path: string, user = ALICE) =>
        () =>
          request(server).put(`${api}${path}`).set(by(user));
      const perRoute: Array<[string, () => Promise<{ status: number }>]> = [
        ['list of a product', get(`?productRef=${encodeURIComponent(X)}`)],
        [
          'list of an entity',
          get(`?entityRef=${encodeURIComponent(CHECKOUT)}`),
        ],
        ['list of everything', get('')],
        ['list with drafts', get('?drafts=true', JANE)],
        ['post, reader', get(`/${id}`)],
        ['post, editor', get(`/${id}`, JANE)],
        [
          'post, service',
          () =>
            request(server)
              .get(`${api}/announcements/${id}`)
              .set('Authorization', service()),
        ],
        [
          'edit',
          () =>
            request(server)
              .patch(`${api}/announcements/${id}`)
              .set(by(OWEN))
              .send({ summary: 'Even faster' }),
        ],
        ['read', put(`/announcements/${id}/read`)],
        [
          'acknowledge',
          put(`/announcements/${deprecation.id}/acknowledgement`),
        ],
        ['reach', get(`/${id}/reach`, JANE)],
        [
          'banners of a product',
          get(`/banners?productRef=${encodeURIComponent(X)}`),
        ],
        ['global banners', get('/banners')],
        ['follow', put(`/follows?productRef=${encodeURIComponent(X)}`)],
        ['feed of a product', get(`/feed?productRef=${encodeURIComponent(X)}`)],
        ['global feed', get('/feed')],
        [
          'delete',
          () =>
            request(server).delete(`${api}/announcements/${id}`).set(by(JANE)),
        ],
      ];
      for (const [route, send] of perRoute) {
        counted[route] = await calls(send);
      }
      const one = Object.fromEntries(
        Object.keys(counted).map(route => [route, 1]),
      );
      expect(counted).toEqual({
        ...one,
        // the entity from the catalog, to find its products
        'list of an entity': 2,
        // one conditional decision for every product (evaluated here on the cached
        // products), and the global manage permission beside it, in parallel
        'list of everything': 2,
        'list with drafts': 2,
      });
    });

    it("evaluates a conditional decision on the post's product, read from the catalog once a minute", async () => {
      // CONDY reads and manages only what they are the PM of (Z), JANE through X's conditions
      const onZ = await created(CONDY, release({ productRef: Z }));
      const onX = await created(JANE);
      expect((await create(CONDY, release())).status).toBe(403);
      const zReads = catalogReads.filter(ref => ref === Z).length;

      const post = async (id: string, user: string) => {
        const before = trips();
        const response = await request(server)
          .get(`${api}/announcements/${id}`)
          .set(by(user));
        expect(trips() - before).toBe(1);
        return response.status === 200
          ? response.body.canEdit
          : response.status;
      };
      await expect(post(onZ.id, CONDY)).resolves.toBe(true);
      await expect(post(onX.id, CONDY)).resolves.toBe(403);
      await expect(post(onZ.id, JANE)).resolves.toBe(false);
      await expect(post(onX.id, JANE)).resolves.toBe(true);
      await expect(post(onX.id, OWEN)).resolves.toBe(true);
      await expect(post(onZ.id, OWEN)).resolves.toBe(false);
      // the conditions ran on the cached product: no catalog read per request
      expect(catalogReads.filter(ref => ref === Z)).toHaveLength(zReads);

      const edit = (id: string) =>
        request(server)
          .patch(`${api}/announcements/${id}`)
          .set(by(CONDY))
          .send({ summary: 'Edited' });
      expect((await edit(onZ.id)).status).toBe(200);
      expect((await edit(onX.id)).status).toBe(403);

      // a list over several products is batched, each decided on its own product
      const list = await request(server)
        .get(`${api}/announcements`)
        .set(by(CONDY));
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([
        onZ.id,
      ]);
      // JANE reads everything outright and manages X through its conditions: the page's
      // posts say which of them she may edit, each decided on its own product
      const janes = await request(server)
        .get(`${api}/announcements`)
        .set(by(JANE));
      const canEdit = Object.fromEntries(
        janes.body.items.map((item: { id: string; canEdit: boolean }) => [
          item.id,
          item.canEdit,
        ]),
      );
      expect(canEdit[onX.id]).toBe(true);
      expect(canEdit[onZ.id]).toBe(false);
    });
  });

  describe('the publish task', () => {
    afterEach(() => jest.useRealTimers());

    const fakeClock = (now: string) => fixClock(new Date(now));
    const TASK = 'platform-product-announcements-publish';

    it('publishes a scheduled post when its time has come', async () => {
      fakeClock('2030-01-01T09:00:00Z');
      const scheduler = mockServices.scheduler();
      await start({ scheduler });
      const post = await created(
        JANE,
        release({ publishAt: '2030-01-01T10:00:00Z' }),
      );
      await scheduler.triggerTask('platform-product-announcements-publish');
      expect(sent).toEqual([]);

      jest.setSystemTime(new Date('2030-01-01T10:00:01Z'));
      await scheduler.triggerTask('platform-product-announcements-publish');
      expect(sent).toHaveLength(1);
      const response = await request(server)
        .get(`${api}/announcements/${post.id}`)
        .set('Authorization', as(ALICE));
      expect(response.body).toMatchObject({
        state: 'published',
        publishedAt: '2030-01-01T10:00:01.000Z',
      });
    });

    it('answers a publishing POST before the delivery ends, which then happens exactly once', async () => {
      const scheduler = mockServices.scheduler();
      await start({ scheduler });
      let open = () => {};
      sendGate = new Promise(resolve => {
        open = resolve;
      });
      const response = await create(JANE, release());
      expect(response.status).toBe(201);
      expect(response.body.state).toBe('published');
      expect(sent).toEqual([]);
      // the task runs meanwhile; the claim lets only one of them deliver
      const task = scheduler.triggerTask(TASK);
      open();
      await task;
      await delivered(response.body.id);
      await scheduler.triggerTask(TASK);
      expect(sent).toHaveLength(1);
      expect(
        auditEvents.filter(e => e.eventId === 'announcement-publish'),
      ).toEqual([expect.objectContaining({ outcome: 'success' })]);
    });

    it('answers a PATCH that publishes a draft before the delivery ends', async () => {
      const scheduler = mockServices.scheduler();
      await start({ scheduler });
      const draft = await created(JANE, release({ draft: true }));
      let open = () => {};
      sendGate = new Promise(resolve => {
        open = resolve;
      });
      const response = await request(server)
        .patch(`${api}/announcements/${draft.id}`)
        .set('Authorization', as(JANE))
        .send({ draft: false });
      expect(response.status).toBe(200);
      expect(response.body.state).toBe('published');
      expect(sent).toEqual([]);
      open();
      await delivered(draft.id);
      await scheduler.triggerTask(TASK);
      expect(sent).toHaveLength(1);
    });

    it('retries a background delivery that failed on the next run of the task', async () => {
      fakeClock('2030-01-01T09:00:00Z');
      const scheduler = mockServices.scheduler();
      await start({ scheduler });
      sendFailures = 1;
      const response = await create(JANE, release());
      expect(response.status).toBe(201);
      await until(async () =>
        auditEvents.some(
          e => e.eventId === 'announcement-publish' && e.outcome === 'fail',
        ),
      );
      expect(sent).toEqual([]);
      // the failed attempt freed the post: the task's next run delivers it, without waiting
      // for the claim to time out
      await until(async () => {
        await scheduler.triggerTask(TASK);
        return sent.length > 0;
      });
      expect(sent).toHaveLength(1);
      await delivered(response.body.id);
    });
  });
});
