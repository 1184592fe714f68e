// Over ~500 lines on purpose: the feedback REST surface end to end (one started backend per engine,
// from __testUtils__), one describe per route; every bad-input case of the README has its test here.
import { PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { lastMonths } from '@platform-product/plugin-platform-product-common';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import request from 'supertest';
import {
  ADMIN,
  ALICE,
  as,
  BOB,
  CLI,
  CONDY,
  JANE,
  LONELY,
  OUTSIDER,
  OWEN,
  productEntities,
  RecordedAuditEvent,
  startPlatformProductBackend,
  whereProductManager,
  X,
  Y,
  Z,
} from '../__testUtils__';

jest.setTimeout(60_000);

const entities = productEntities;

/** The demo policy in short: everyone creates and reads, X's team responds, admins moderate. */
function decide(permission: string, user: string | undefined): boolean {
  if (user === OUTSIDER) return false;
  if (permission.endsWith('.respond')) return [JANE, OWEN].includes(user!);
  if (permission.endsWith('.moderate')) return user === ADMIN;
  return true;
}

describe('feedback routes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  let server: Parameters<typeof request>[0];
  let sent: NotificationSendOptions[];
  let auditEvents: RecordedAuditEvent[];
  let logLines: string[];
  let permissionCalls: number;
  let catalogReads: string[];

  let decisionCache: JsonObject = { seconds: 0 };

  async function start(
    feedbackConfig: object = {},
    withEntities: Entity[] = entities,
  ) {
    knex = await databases.init('SQLITE_3');
    permissionCalls = 0;
    const permissions: PermissionsService = {
      authorize: async () => {
        throw new Error('feedback asks authorizeConditional, once a request');
      },
      authorizeConditional: async (requests, options) => {
        permissionCalls += 1;
        const principal = options.credentials.principal as {
          userEntityRef?: string;
        };
        return requests.map(r => {
          const user = principal.userEntityRef;
          // CONDY is decided by the product: respond only as its product manager
          if (user === CONDY && r.permission.name.endsWith('.respond')) {
            return whereProductManager([CONDY.toUpperCase()]);
          }
          return {
            result: decide(r.permission.name, user)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          };
        });
      },
    };
    ({ server, sent, auditEvents, logLines, catalogReads } =
      await startPlatformProductBackend({
        knex,
        entities: withEntities,
        permissions,
        platformProduct: {
          feedback: { authorSecret: 'test secret', ...feedbackConfig },
          // each request asks the policy (the tests below change decisions and count calls)
          permissions: { decisionCacheTtl: decisionCache },
        },
      }));
  }

  beforeEach(() => start());

  const api = '/api/platform-product/feedback';

  async function post(user: string, body: object) {
    const response = await request(server)
      .post(api)
      .set('Authorization', as(user))
      .send(body);
    return response;
  }

  async function idea(user = ALICE, extra: object = {}) {
    const response = await post(user, {
      entityRef: CLI,
      type: 'idea',
      title: 'Dark mode',
      body: 'Please **add** it',
      ...extra,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  const rowCounts = async () => ({
    posts: Number((await knex('feedback_posts').count({ c: '*' }))[0].c),
    ratings: Number((await knex('feedback_ratings').count({ c: '*' }))[0].c),
    replies: Number((await knex('feedback_replies').count({ c: '*' }))[0].c),
    votes: Number((await knex('feedback_votes').count({ c: '*' }))[0].c),
  });
  const nothingWritten = { posts: 0, ratings: 0, replies: 0, votes: 0 };

  /** PUT (vote) or DELETE (take back) the vote on a post, as a user. */
  const voteOn = (postId: string) => (method: 'put' | 'delete', user: string) =>
    request(server)
      [method](`${api}/${postId}/vote`)
      .set('Authorization', as(user));

  /** The reads of one post by id (the store's getPost) made from now on. */
  function postReadsFromNow(): string[] {
    const reads: string[] = [];
    knex.on('query', ({ sql }: { sql: string }) => {
      if (sql.startsWith('select "id", "product_ref"')) reads.push(sql);
    });
    return reads;
  }

  describe('POST /feedback', () => {
    it('records a rating given on a part for its product, identity from the credentials', async () => {
      const response = await post(ALICE, {
        entityRef: 'Component:x-cli',
        type: 'rating',
        score: 9,
        body: 'Fast',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        productRef: X,
        entityRef: CLI,
        type: 'rating',
        score: 9,
        body: 'Fast',
        title: null,
        status: null,
        anonymous: false,
        author: ALICE,
        mine: true,
      });
      expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('records a post on the product itself, as new', async () => {
      const response = await post(BOB, {
        entityRef: X,
        type: 'problem',
        title: 'Deploys hang',
        body: 'Since Monday',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        productRef: X,
        entityRef: X,
        type: 'problem',
        title: 'Deploys hang',
        status: 'new',
        author: BOB,
        voteCount: 0,
        replyCount: 0,
      });
    });

    it('records an anonymous post without its author', async () => {
      const body = await idea(ALICE, { anonymous: true });
      expect(body).toMatchObject({ anonymous: true, author: null, mine: true });
      const [row] = await knex('feedback_posts');
      expect(row.author_ref).toBeNull();
      expect(JSON.stringify(row)).not.toContain('alice');
    });

    it('answers 403 to a caller the policy denies, writing nothing', async () => {
      const response = await post(OUTSIDER, {
        entityRef: CLI,
        type: 'rating',
        score: 5,
      });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain(
        'platform-product.feedback.create',
      );
      expect(await rowCounts()).toEqual(nothingWritten);
    });

    it.each([
      [
        'a score over 10',
        { type: 'rating', score: 11 },
        'score must be an integer from 0 to 10, got 11',
      ],
      [
        'a negative score',
        { type: 'rating', score: -1 },
        'score must be an integer from 0 to 10, got -1',
      ],
      [
        'a score that is not an integer',
        { type: 'rating', score: 7.5 },
        'score must be an integer from 0 to 10, got 7.5',
      ],
      [
        'a rating with a title',
        { type: 'rating', score: 7, title: 'Hi' },
        'title is not allowed for a rating (send a comment as body)',
      ],
      [
        'a post without a title',
        { type: 'question', body: 'How?' },
        'title is required for a post (question)',
      ],
      [
        'a title over 200 characters',
        { type: 'idea', title: 't'.repeat(201) },
        'title must be at most 200 characters, got 201',
      ],
      [
        'a body over 10,000 characters',
        { type: 'idea', title: 'T', body: 'b'.repeat(10_001) },
        'body must be at most 10,000 characters, got 10,001',
      ],
      [
        'an unknown type',
        { type: 'complaint', title: 'T' },
        "type must be one of rating, idea, problem, question, praise, got 'complaint'",
      ],
      [
        'a malformed entity ref',
        { entityRef: 'x-cli', type: 'rating', score: 5 },
        "entityRef must be an entity reference like 'kind:namespace/name', got 'x-cli'",
      ],
      [
        'an author in the body',
        { type: 'rating', score: 5, author: BOB },
        'author',
      ],
    ])('answers 400 to %s, naming the problem', async (_, body, message) => {
      const response = await post(ALICE, { entityRef: CLI, ...body });
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toContain(message);
      expect(await rowCounts()).toEqual(nothingWritten);
    });

    it('answers 404 for an entity the catalog does not have', async () => {
      const response = await post(ALICE, {
        entityRef: 'component:default/ghost',
        type: 'rating',
        score: 5,
      });
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe(
        "No entity 'component:default/ghost' in the catalog",
      );
      expect(await rowCounts()).toEqual(nothingWritten);
    });

    it('answers 404 for an entity that is part of no product, as every route does for what is no product', async () => {
      const response = await post(ALICE, {
        entityRef: LONELY,
        type: 'rating',
        score: 5,
      });
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe(
        `entityRef '${LONELY}' is not part of any PlatformProduct`,
      );
      expect(await rowCounts()).toEqual(nothingWritten);
    });

    it('answers 429 when a user exceeds the daily limit', async () => {
      await start({ dailyLimitPerUser: 2 });
      await post(ALICE, { entityRef: X, type: 'rating', score: 5 });
      await idea(ALICE, { anonymous: true });
      const response = await post(ALICE, {
        entityRef: X,
        type: 'rating',
        score: 6,
      });
      expect(response.status).toBe(429);
      expect(response.body.error.message).toContain('2 pieces of feedback');
      expect(
        (await post(BOB, { entityRef: X, type: 'rating', score: 6 })).status,
      ).toBe(201);
    });

    it('answers 401 without credentials', async () => {
      const response = await request(server)
        .post(api)
        .set('Authorization', mockCredentials.none.header())
        .send({ entityRef: X, type: 'rating', score: 5 });
      expect(response.status).toBe(401);
    });
  });

  describe('GET /feedback', () => {
    it('lists posts with total count, votes and paging', async () => {
      const first = await idea(ALICE);
      const second = await idea(BOB, { title: 'Faster builds' });
      await request(server)
        .put(`${api}/${second.id}/vote`)
        .set('Authorization', as(ALICE));

      const page1 = await request(server)
        .get(api)
        .query({ productRef: X, sort: 'votes', limit: 1 })
        .set('Authorization', as(ALICE));
      expect(page1.status).toBe(200);
      expect(page1.body.totalCount).toBe(2);
      expect(page1.body.items).toEqual([
        expect.objectContaining({
          id: second.id,
          voteCount: 1,
          votedByMe: true,
          mine: false,
        }),
      ]);
      const page2 = await request(server)
        .get(api)
        .query({
          productRef: X,
          sort: 'votes',
          limit: 1,
          cursor: page1.body.nextCursor,
        })
        .set('Authorization', as(ALICE));
      expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([
        first.id,
      ]);
      expect(page2.body.nextCursor).toBeNull();
    });

    it('filters by type, status, text and mine; lists ratings with type=rating', async () => {
      await idea(ALICE, { anonymous: true });
      await post(BOB, {
        entityRef: X,
        type: 'question',
        title: 'How do I roll back?',
      });
      await post(BOB, { entityRef: X, type: 'rating', score: 3, body: 'Slow' });
      const list = (query: object, user = ALICE) =>
        request(server)
          .get(api)
          .query({ productRef: X, ...query })
          .set('Authorization', as(user));

      expect((await list({})).body.totalCount).toBe(2);
      expect((await list({ type: 'question' })).body.items).toHaveLength(1);
      expect((await list({ status: 'planned' })).body.totalCount).toBe(0);
      expect((await list({ q: 'roll back' })).body.totalCount).toBe(1);
      const mine = await list({ mine: 'true' });
      expect(mine.body.items).toEqual([
        expect.objectContaining({ mine: true, author: null, anonymous: true }),
      ]);
      const ratings = await list({ type: 'rating' });
      expect(ratings.body).toMatchObject({
        totalCount: 1,
        items: [{ type: 'rating', score: 3, body: 'Slow', author: BOB }],
      });
      // another product's list is empty
      const other = await list({ productRef: Y });
      expect(other.body).toEqual({
        items: [],
        totalCount: 0,
        nextCursor: null,
      });
    });

    it('answers 403 to a caller the policy denies', async () => {
      await idea();
      const response = await request(server)
        .get(api)
        .query({ productRef: X })
        .set('Authorization', as(OUTSIDER));
      expect(response.status).toBe(403);
      expect(response.body.items).toBeUndefined();
    });

    it.each([
      [{}, 'productRef is required'],
      [
        { productRef: 'nope' },
        "productRef must be an entity reference like 'kind:namespace/name', got 'nope'",
      ],
      [
        { productRef: X, status: 'open' },
        "status must be one of new, acknowledged, planned, in-progress, done, declined, duplicate, got 'open'",
      ],
      [
        { productRef: X, cursor: 'garbage' },
        "cursor 'garbage' is not a cursor of this list",
      ],
    ])('answers 400 to %j', async (query, message) => {
      const response = await request(server)
        .get(api)
        .query(query)
        .set('Authorization', as(ALICE));
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(message);
    });
  });

  describe('GET /feedback/:id', () => {
    it('returns a post with its thread', async () => {
      const created = await idea(ALICE);
      await request(server)
        .post(`${api}/${created.id}/replies`)
        .set('Authorization', as(JANE))
        .send({ body: 'Planned for Q3' });
      const response = await request(server)
        .get(`${api}/${created.id}`)
        .set('Authorization', as(BOB));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: created.id,
        replyCount: 1,
        replies: [{ author: JANE, official: true, body: 'Planned for Q3' }],
      });
    });

    it('returns a rating, readable by a service', async () => {
      const rating = (
        await post(ALICE, { entityRef: X, type: 'rating', score: 8 })
      ).body;
      const response = await request(server)
        .get(`${api}/${rating.id}`)
        .set('Authorization', mockCredentials.service.header());
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        score: 8,
        replies: [],
        mine: false,
      });
    });

    it('answers 403 to a caller the policy denies and 404 for a missing post', async () => {
      const created = await idea();
      const denied = await request(server)
        .get(`${api}/${created.id}`)
        .set('Authorization', as(OUTSIDER));
      expect(denied.status).toBe(403);
      expect(denied.body.title).toBeUndefined();
      const missing = await request(server)
        .get(`${api}/nope`)
        .set('Authorization', as(ALICE));
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe("No feedback post 'nope'");
    });
  });

  describe('PATCH /feedback/:id', () => {
    const patch = (id: string, user: string, body: object) =>
      request(server)
        .patch(`${api}/${id}`)
        .set('Authorization', as(user))
        .send(body);

    it('lets the product team move a post through the workflow, auditing and notifying the author', async () => {
      const created = await idea(ALICE);
      const response = await patch(created.id, OWEN, { status: 'planned' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'planned', author: ALICE });
      expect(auditEvents).toEqual([
        {
          eventId: 'feedback-status-change',
          meta: {
            postId: created.id,
            productRef: X,
            from: 'new',
            to: 'planned',
          },
          outcome: 'success',
        },
      ]);
      expect(sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: [ALICE] },
          payload: expect.objectContaining({
            title: 'Your feedback "Dark mode" is now planned',
            link: `/catalog/default/platformproduct/x/feedback?post=${created.id}`,
            topic: 'platform-product-feedback',
          }),
        },
      ]);
    });

    it('notifies the author and every voter when a post is done', async () => {
      const created = await idea(ALICE);
      for (const voter of [BOB, ALICE, JANE]) {
        await request(server)
          .put(`${api}/${created.id}/vote`)
          .set('Authorization', as(voter));
      }
      await patch(created.id, JANE, { status: 'in-progress' });
      sent.length = 0;
      expect((await patch(created.id, JANE, { status: 'done' })).status).toBe(
        200,
      );
      expect(sent.map(s => s.recipients)).toEqual([
        { type: 'entity', entityRef: [ALICE] },
        // not the author again, not the PM who closed it
        { type: 'entity', entityRef: [BOB] },
      ]);
    });

    it('answers 403 to a caller without respond, changing nothing', async () => {
      const created = await idea(ALICE);
      const response = await patch(created.id, BOB, { status: 'planned' });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain(
        'platform-product.feedback.respond',
      );
      expect((await knex('feedback_posts').first()).status).toBe('new');
      expect(sent).toEqual([]);
    });

    it.each([
      [{ status: 'new' }, "status is already 'new'"],
      [
        { status: 'closed' },
        "status must be one of new, acknowledged, planned, in-progress, done, declined, duplicate, got 'closed'",
      ],
      [
        { status: 'duplicate' },
        'duplicateOf is required when status is duplicate',
      ],
      [
        { status: 'duplicate', duplicateOf: 'missing' },
        `duplicateOf 'missing' is no post of '${X}'`,
      ],
      [{}, 'nothing to change: give status, title, body or hidden'],
    ])('answers 400 to %j', async (body, message) => {
      const created = await idea(ALICE);
      const response = await patch(created.id, JANE, body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(message);
      expect((await knex('feedback_posts').first()).status).toBe('new');
    });

    it('answers 400 to a transition the workflow does not allow', async () => {
      const created = await idea(ALICE);
      await patch(created.id, JANE, { status: 'done' });
      const response = await patch(created.id, JANE, { status: 'in-progress' });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        "status cannot go from 'done' to 'in-progress'; from 'done' it can go to 'acknowledged'",
      );
    });

    it('answers 400 to a post marked a duplicate of itself, and takes another post', async () => {
      const original = await idea(BOB);
      const created = await idea(ALICE);
      const itself = await patch(created.id, JANE, {
        status: 'duplicate',
        duplicateOf: created.id,
      });
      expect(itself.status).toBe(400);
      expect(itself.body.error.message).toBe(
        'duplicateOf must be another post, not the post itself',
      );
      const ok = await patch(created.id, JANE, {
        status: 'duplicate',
        duplicateOf: original.id,
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        status: 'duplicate',
        duplicateOf: original.id,
      });
    });

    it('answers 404 for a missing post', async () => {
      const response = await patch('missing', JANE, { status: 'planned' });
      expect(response.status).toBe(404);
    });

    it('lets the author edit title and body, nobody else', async () => {
      const created = await idea(ALICE, { anonymous: true });
      const edited = await patch(created.id, ALICE, {
        title: 'Dark mode, please',
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        title: 'Dark mode, please',
        author: null,
        mine: true,
      });
      const denied = await patch(created.id, JANE, { body: 'Hijacked' });
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toBe('Only the author can edit a post');
    });

    it('lets a moderator hide a post, which then only moderators see', async () => {
      const created = await idea(ALICE);
      expect((await patch(created.id, JANE, { hidden: true })).status).toBe(
        403,
      );
      const hidden = await patch(created.id, ADMIN, { hidden: true });
      expect(hidden.status).toBe(200);
      expect(hidden.body.hidden).toBe(true);
      expect(auditEvents.map(e => [e.eventId, e.meta])).toEqual([
        [
          'feedback-moderate',
          { postId: created.id, productRef: X, action: 'hide' },
        ],
      ]);
      const list = (user: string) =>
        request(server)
          .get(api)
          .query({ productRef: X })
          .set('Authorization', as(user));
      expect((await list(BOB)).body.totalCount).toBe(0);
      expect((await list(ADMIN)).body.totalCount).toBe(1);
      const get = await request(server)
        .get(`${api}/${created.id}`)
        .set('Authorization', as(BOB));
      expect(get.status).toBe(404);
    });
  });

  describe('DELETE /feedback/:id', () => {
    it('lets a moderator delete a post, auditing it', async () => {
      const created = await idea(ALICE);
      const response = await request(server)
        .delete(`${api}/${created.id}`)
        .set('Authorization', as(ADMIN));
      expect(response.status).toBe(204);
      expect(await rowCounts()).toEqual(nothingWritten);
      expect(auditEvents).toEqual([
        {
          eventId: 'feedback-moderate',
          meta: { postId: created.id, productRef: X, action: 'delete' },
          outcome: 'success',
        },
      ]);
    });

    it('answers 403 to a caller without moderate', async () => {
      const created = await idea(ALICE);
      const response = await request(server)
        .delete(`${api}/${created.id}`)
        .set('Authorization', as(JANE));
      expect(response.status).toBe(403);
      expect((await rowCounts()).posts).toBe(1);
    });
  });

  describe('POST /feedback/:id/replies', () => {
    const reply = (id: string, user: string, body: object) =>
      request(server)
        .post(`${api}/${id}/replies`)
        .set('Authorization', as(user))
        .send(body);

    it('marks the product team reply official, audits and notifies the author', async () => {
      const created = await idea(ALICE);
      const response = await reply(created.id, JANE, { body: 'Thanks, on it' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        postId: created.id,
        author: JANE,
        official: true,
        byPostAuthor: false,
        body: 'Thanks, on it',
      });
      expect(auditEvents).toEqual([
        {
          eventId: 'feedback-official-reply',
          meta: {
            postId: created.id,
            productRef: X,
            replyId: response.body.id,
          },
          outcome: 'success',
        },
      ]);
      expect(sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: [ALICE] },
          payload: expect.objectContaining({
            title: 'The product team replied to your feedback "Dark mode"',
            description: 'Thanks, on it',
          }),
        },
      ]);
    });

    it('marks a post in the list once the team has replied, not for other replies', async () => {
      const answered = await idea(ALICE);
      const waiting = await idea(ALICE);
      await reply(answered.id, JANE, { body: 'Thanks, on it' });
      await reply(waiting.id, BOB, { body: '+1, same here' });
      const listed = await request(server)
        .get(api)
        .query({ productRef: X })
        .set('Authorization', as(ALICE));
      expect(listed.status).toBe(200);
      const marks = Object.fromEntries(
        listed.body.items.map(
          (item: { id: string; hasOfficialReply: boolean }) => [
            item.id,
            item.hasOfficialReply,
          ],
        ),
      );
      expect(marks).toEqual({ [answered.id]: true, [waiting.id]: false });
    });

    it('lets others reply unofficially, without an audit event', async () => {
      const created = await idea(ALICE);
      const response = await reply(created.id, BOB, { body: '+1, same here' });
      expect(response.status).toBe(201);
      expect(response.body.official).toBe(false);
      expect(auditEvents).toEqual([]);
      expect(sent).toHaveLength(1);
      // the author answering in their own thread notifies nobody
      sent.length = 0;
      const own = await reply(created.id, ALICE, { body: 'Thanks' });
      expect(own.body).toMatchObject({ byPostAuthor: true, author: ALICE });
      expect(sent).toEqual([]);
    });

    it('answers 403 to a caller the policy denies, 400 to an empty body, 404 for a missing post', async () => {
      const created = await idea(ALICE);
      expect((await reply(created.id, OUTSIDER, { body: 'Hi' })).status).toBe(
        403,
      );
      const empty = await reply(created.id, JANE, { body: '  ' });
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toBe('body must not be empty');
      expect((await reply('missing', JANE, { body: 'Hi' })).status).toBe(404);
      expect((await rowCounts()).replies).toBe(0);
    });
  });

  describe('DELETE /feedback/:id/replies/:replyId', () => {
    it('lets a moderator delete a reply; others get 403', async () => {
      const created = await idea(ALICE);
      const { body: r } = await request(server)
        .post(`${api}/${created.id}/replies`)
        .set('Authorization', as(BOB))
        .send({ body: 'spam' });
      const path = `${api}/${created.id}/replies/${r.id}`;
      expect(
        (await request(server).delete(path).set('Authorization', as(JANE)))
          .status,
      ).toBe(403);
      expect(
        (await request(server).delete(path).set('Authorization', as(ADMIN)))
          .status,
      ).toBe(204);
      expect((await rowCounts()).replies).toBe(0);
      expect(
        (await request(server).delete(path).set('Authorization', as(ADMIN)))
          .status,
      ).toBe(404);
    });
  });

  describe('PUT and DELETE /feedback/:id/vote', () => {
    it('toggles one vote per user', async () => {
      const created = await idea(ALICE);
      const vote = voteOn(created.id);
      expect((await vote('put', BOB)).body).toEqual({
        voteCount: 1,
        votedByMe: true,
      });
      expect((await vote('put', BOB)).body).toEqual({
        voteCount: 1,
        votedByMe: true,
      });
      expect((await vote('put', JANE)).body).toEqual({
        voteCount: 2,
        votedByMe: true,
      });
      expect((await vote('delete', BOB)).body).toEqual({
        voteCount: 1,
        votedByMe: false,
      });
      expect((await vote('delete', BOB)).body).toEqual({
        voteCount: 1,
        votedByMe: false,
      });
    });

    it('answers 403 to a caller the policy denies, 404 for a missing post, 400 for a rating', async () => {
      const created = await idea(ALICE);
      const denied = await request(server)
        .put(`${api}/${created.id}/vote`)
        .set('Authorization', as(OUTSIDER));
      expect(denied.status).toBe(403);
      const deniedUnvote = await request(server)
        .delete(`${api}/${created.id}/vote`)
        .set('Authorization', as(OUTSIDER));
      expect(deniedUnvote.status).toBe(403);
      const missing = await request(server)
        .put(`${api}/missing/vote`)
        .set('Authorization', as(BOB));
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe("No feedback post 'missing'");
      const rating = (
        await post(ALICE, { entityRef: X, type: 'rating', score: 4 })
      ).body;
      const onRating = await request(server)
        .put(`${api}/${rating.id}/vote`)
        .set('Authorization', as(BOB));
      expect(onRating.status).toBe(400);
      expect(onRating.body.error.message).toBe(
        `'${rating.id}' is a rating: only posts have a status, replies and votes`,
      );
      expect((await rowCounts()).votes).toBe(0);
    });
  });

  describe('a vote on a post read before', () => {
    it('needs no read of the post, and answers as before once the post is hidden or deleted', async () => {
      const created = await idea(ALICE);
      const postReads = postReadsFromNow();
      const vote = voteOn(created.id);

      expect((await vote('put', BOB)).body).toEqual({
        voteCount: 1,
        votedByMe: true,
      });
      expect(postReads).toHaveLength(1);
      expect((await vote('put', JANE)).body).toEqual({
        voteCount: 2,
        votedByMe: true,
      });
      expect((await vote('delete', BOB)).body).toEqual({
        voteCount: 1,
        votedByMe: false,
      });
      expect(postReads).toHaveLength(1);
      expect((await vote('put', OUTSIDER)).status).toBe(403);

      // hidden: a 404 as for any route, unless the caller moderates
      const hide = await request(server)
        .patch(`${api}/${created.id}`)
        .set('Authorization', as(ADMIN))
        .send({ hidden: true });
      expect(hide.status).toBe(200);
      const onHidden = await vote('put', BOB);
      expect(onHidden.status).toBe(404);
      expect(onHidden.body.error.message).toBe(
        `No feedback post '${created.id}'`,
      );
      expect((await vote('delete', JANE)).status).toBe(404);
      expect((await vote('put', ADMIN)).body).toEqual({
        voteCount: 2,
        votedByMe: true,
      });

      const deleted = await request(server)
        .delete(`${api}/${created.id}`)
        .set('Authorization', as(ADMIN));
      expect(deleted.status).toBe(204);
      expect((await vote('put', JANE)).status).toBe(404);
      expect((await rowCounts()).votes).toBe(0);
    });

    it('after a list of posts', async () => {
      const created = await idea(ALICE);
      const listed = await request(server)
        .get(api)
        .query({ productRef: X })
        .set('Authorization', as(BOB));
      expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([
        created.id,
      ]);
      const postReads = postReadsFromNow();
      expect((await voteOn(created.id)('put', BOB)).body).toEqual({
        voteCount: 1,
        votedByMe: true,
      });
      expect(postReads).toEqual([]);
    });
  });

  describe('GET /feedback/stats', () => {
    it('computes NPS over each user’s latest rating of the month, with trend and post metrics', async () => {
      const rate = (user: string, score: number) =>
        post(user, { entityRef: CLI, type: 'rating', score });
      await rate(ALICE, 10);
      await rate(BOB, 8);
      await rate(OWEN, 2);
      await rate(ALICE, 3); // replaces her 10 this month
      await rate(JANE, 9);
      const created = await idea(ALICE);
      await idea(BOB);
      await request(server)
        .post(`${api}/${created.id}/replies`)
        .set('Authorization', as(JANE))
        .send({ body: 'Looking' });

      const response = await request(server)
        .get(`${api}/stats`)
        .query({ productRef: X, months: '3' })
        .set('Authorization', mockCredentials.service.header());
      expect(response.status).toBe(200);
      const months = lastMonths(Date.now(), 3);
      expect(response.body).toEqual({
        productRef: X,
        months: 3,
        nps: -25,
        responses: 4,
        promoters: 1,
        passives: 1,
        detractors: 2,
        trend: [
          { month: months[0], nps: null, responses: 0 },
          { month: months[1], nps: null, responses: 0 },
          { month: months[2], nps: -25, responses: 4 },
        ],
        medianFirstResponseHours: 0,
        untriagedOver14Days: 0,
        replyRate: 0.5,
      });
    });

    it('has a null NPS without responses', async () => {
      const response = await request(server)
        .get(`${api}/stats`)
        .query({ productRef: Y, months: '1' })
        .set('Authorization', as(ALICE));
      expect(response.body).toMatchObject({
        nps: null,
        responses: 0,
        medianFirstResponseHours: null,
        replyRate: null,
      });
    });

    it('answers 403 to a caller the policy denies and 400 to an unknown window', async () => {
      const denied = await request(server)
        .get(`${api}/stats`)
        .query({ productRef: X })
        .set('Authorization', as(OUTSIDER));
      expect(denied.status).toBe(403);
      const bad = await request(server)
        .get(`${api}/stats`)
        .query({ productRef: X, months: '6' })
        .set('Authorization', as(ALICE));
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe("months must be 1, 3 or 12, got '6'");
    });
  });

  describe('GET /feedback/export', () => {
    it('gives the product team a CSV of ratings and posts', async () => {
      await post(BOB, {
        entityRef: X,
        type: 'rating',
        score: 7,
        body: '=cmd()',
      });
      await idea(BOB, { title: 'Say "hi"' });
      const response = await request(server)
        .get(`${api}/export`)
        .query({ productRef: X })
        .set('Authorization', as(JANE));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = response.text.trim().split('\r\n');
      expect(lines[0]).toBe(
        '"id","type","created_at","entity_ref","author","score","title","body","status","duplicate_of","votes","replies","hidden"',
      );
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain(`"rating"`);
      expect(lines[1]).toContain(`"${BOB}","7",,"'=cmd()"`);
      expect(lines[2]).toContain('"Say ""hi"""');
    });

    it('answers 403 to callers outside the product team', async () => {
      const response = await request(server)
        .get(`${api}/export`)
        .query({ productRef: X })
        .set('Authorization', as(ALICE));
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain(
        'platform-product.feedback.respond',
      );
    });
  });

  describe('round trips', () => {
    it('asks the permission backend once per request', async () => {
      const calls = async (send: () => Promise<{ status: number }>) => {
        const before = permissionCalls;
        const response = await send();
        expect(response.status).toBeLessThan(300);
        return permissionCalls - before;
      };
      const created = await idea(ALICE);
      const by = (user: string) => ({ Authorization: as(user) });
      await expect(
        calls(() => post(BOB, { entityRef: CLI, type: 'rating', score: 7 })),
      ).resolves.toBe(1);
      await expect(
        calls(() =>
          request(server)
            .get(`${api}?productRef=${encodeURIComponent(X)}&sort=votes`)
            .set(by(BOB)),
        ),
      ).resolves.toBe(1);
      await expect(
        calls(() => request(server).get(`${api}/${created.id}`).set(by(BOB))),
      ).resolves.toBe(1);
      await expect(
        calls(() =>
          request(server)
            .patch(`${api}/${created.id}`)
            .set(by(JANE))
            .send({ status: 'planned' }),
        ),
      ).resolves.toBe(1);
      await expect(
        calls(() =>
          request(server)
            .post(`${api}/${created.id}/replies`)
            .set(by(JANE))
            .send({ body: 'Soon' }),
        ),
      ).resolves.toBe(1);
      await expect(
        calls(() =>
          request(server).put(`${api}/${created.id}/vote`).set(by(BOB)),
        ),
      ).resolves.toBe(1);
      await expect(
        calls(() =>
          request(server)
            .get(`${api}/stats?productRef=${encodeURIComponent(X)}`)
            .set(by(BOB)),
        ),
      ).resolves.toBe(1);
      await expect(
        calls(() =>
          request(server)
            .get(`${api}/export?productRef=${encodeURIComponent(X)}`)
            .set(by(JANE)),
        ),
      ).resolves.toBe(1);
    });

    it("remembers a user's decisions for 5 seconds by default", async () => {
      decisionCache = { seconds: 5 };
      try {
        await start();
        const rate = async (user: string) => {
          const before = permissionCalls;
          const response = await post(user, {
            entityRef: CLI,
            type: 'rating',
            score: 9,
          });
          expect(response.status).toBe(201);
          return permissionCalls - before;
        };
        await expect(rate(BOB)).resolves.toBe(1);
        await expect(rate(BOB)).resolves.toBe(0);
        await expect(rate(ALICE)).resolves.toBe(1);
      } finally {
        decisionCache = { seconds: 0 };
      }
    });

    it('reads each entity from the catalog once a minute, each resolved to its own product', async () => {
      const rate = async (entityRef: string) => {
        const response = await post(ALICE, {
          entityRef,
          type: 'rating',
          score: 8,
        });
        return response.status === 201
          ? response.body.productRef
          : response.status;
      };
      await expect(rate(CLI)).resolves.toBe(X);
      await expect(rate(Y)).resolves.toBe(Y);
      await expect(rate('Component:default/X-CLI')).resolves.toBe(X);
      await expect(rate(Z)).resolves.toBe(Z);
      await expect(rate(CLI)).resolves.toBe(X);
      await expect(rate(Y)).resolves.toBe(Y);
      expect(catalogReads).toEqual([CLI, Y, Z]);
      // what is not a part of a product (or not there) is asked again, not cached
      await expect(rate(LONELY)).resolves.toBe(404);
      await expect(rate(LONELY)).resolves.toBe(404);
      await expect(rate('component:default/nope')).resolves.toBe(404);
      expect(catalogReads).toEqual([
        CLI,
        Y,
        Z,
        LONELY,
        LONELY,
        'component:default/nope',
      ]);
      await expect(
        knex('feedback_ratings')
          .groupBy('product_ref')
          .orderBy('product_ref')
          .select('product_ref')
          .count({ n: '*' }),
      ).resolves.toEqual([
        { product_ref: X, n: 3 },
        { product_ref: Y, n: 2 },
        { product_ref: Z, n: 1 },
      ]);
    });

    it('evaluates a conditional decision on the product itself, without another round trip', async () => {
      const onZ = await idea(CONDY, { entityRef: Z });
      const onX = await idea(CONDY);
      const triage = (id: string, status: string) =>
        request(server)
          .patch(`${api}/${id}`)
          .set('Authorization', as(CONDY))
          .send({ status });
      const before = permissionCalls;
      // CONDY is Z's product manager, not X's
      await expect(triage(onZ.id, 'acknowledged')).resolves.toMatchObject({
        status: 200,
      });
      await expect(triage(onZ.id, 'planned')).resolves.toMatchObject({
        status: 200,
      });
      await expect(triage(onX.id, 'planned')).resolves.toMatchObject({
        status: 403,
      });
      expect(permissionCalls - before).toBe(3);
      // the product entities, each read once for the conditions
      expect(catalogReads.filter(ref => ref === Z)).toHaveLength(2); // entity -> product, and the product
      expect(catalogReads.filter(ref => ref === X)).toHaveLength(1);
      const stored = await knex('feedback_posts')
        .whereIn('id', [onZ.id, onX.id])
        .orderBy('product_ref')
        .select('product_ref', 'status');
      expect(stored).toEqual([
        { product_ref: X, status: 'new' },
        { product_ref: Z, status: 'planned' },
      ]);
    });
  });

  it('never reveals the author of anonymous feedback: responses, export, notifications, audit, logs', async () => {
    const bodies: unknown[] = [];
    const call = async (req: request.Test) => {
      const response = await req;
      bodies.push(response.body, response.text);
      return response;
    };
    const created = (
      await call(
        request(server).post(api).set('Authorization', as(ALICE)).send({
          entityRef: CLI,
          type: 'problem',
          title: 'Flaky deploys',
          body: 'Sometimes',
          anonymous: true,
        }),
      )
    ).body;
    await call(
      request(server).post(api).set('Authorization', as(ALICE)).send({
        entityRef: X,
        type: 'rating',
        score: 2,
        body: 'Meh',
        anonymous: true,
      }),
    );
    // the author answers in the thread: still anonymous
    await call(
      request(server)
        .post(`${api}/${created.id}/replies`)
        .set('Authorization', as(ALICE))
        .send({ body: 'More details: it times out' }),
    );
    await call(
      request(server)
        .put(`${api}/${created.id}/vote`)
        .set('Authorization', as(BOB)),
    );
    await call(
      request(server)
        .post(`${api}/${created.id}/replies`)
        .set('Authorization', as(JANE))
        .send({ body: 'We see it too' }),
    );
    for (const status of ['acknowledged', 'done']) {
      await call(
        request(server)
          .patch(`${api}/${created.id}`)
          .set('Authorization', as(OWEN))
          .send({ status }),
      );
    }
    await call(
      request(server)
        .patch(`${api}/${created.id}`)
        .set('Authorization', as(ADMIN))
        .send({ hidden: true }),
    );
    for (const user of [JANE, ADMIN]) {
      await call(
        request(server)
          .get(api)
          .query({ productRef: X })
          .set('Authorization', as(user)),
      );
      await call(
        request(server)
          .get(api)
          .query({ productRef: X, type: 'rating' })
          .set('Authorization', as(user)),
      );
      await call(
        request(server)
          .get(`${api}/${created.id}`)
          .set('Authorization', as(user)),
      );
    }
    const exported = await call(
      request(server)
        .get(`${api}/export`)
        .query({ productRef: X })
        .set('Authorization', as(JANE)),
    );
    expect(exported.text).toContain('"anonymous"');

    // the author hears of the team reply and both status changes (not of their own reply)
    const toAlice = sent.filter(s =>
      JSON.stringify(s.recipients).includes(ALICE),
    );
    expect(toAlice.map(s => s.payload.title)).toEqual([
      'The product team replied to your feedback "Flaky deploys"',
      'Your feedback "Flaky deploys" is now acknowledged',
      'Your feedback "Flaky deploys" is now done',
    ]);
    // each of those went to the author alone
    expect(toAlice.map(s => s.recipients)).toEqual(
      Array(3).fill({ type: 'entity', entityRef: [ALICE] }),
    );

    const leaks = (value: unknown) =>
      /alice/i.test(JSON.stringify(value ?? ''));
    expect(bodies.filter(leaks)).toEqual([]);
    expect(sent.map(s => s.payload).filter(leaks)).toEqual([]);
    expect(auditEvents.filter(leaks)).toEqual([]);
    expect(logLines.filter(line => /alice/i.test(line))).toEqual([]);
    const rows = [
      ...(await knex('feedback_posts')),
      ...(await knex('feedback_ratings')),
      ...(await knex('feedback_replies')),
      ...(await knex('feedback_latest_ratings')),
    ];
    expect(rows.filter(leaks)).toEqual([]);
  });
});
