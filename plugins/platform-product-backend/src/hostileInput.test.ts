// Hostile input, table-driven: every route, every parameter, with wrong types, missing and extra
// fields, huge and empty values, control characters, malformed refs and refs of what is not a
// product. Each case must get a 4xx whose message names the problem, never a 5xx, and write nothing.
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  Call,
  CALLERS,
  routesOf,
  snapshotTables,
  startWorldBackend,
  WORLD,
  WorldBackend,
} from './__testUtils__/matrixWorld';
import { capturedRouters } from './__testUtils__/captureRouter';
import {
  badBodies,
  badIds,
  Case,
  fieldCases,
  Ids,
  NO_ID,
  NUL,
  queryCases,
  refBodyCases,
  refQueryCases,
  text,
  UNICODE,
} from './__testUtils__/hostileCases';

jest.setTimeout(60_000);

// the plugin's router, to check that every route it serves has cases
jest.mock('./router', () =>
  require('./__testUtils__/captureRouter').captureRouter(),
);

const X = WORLD.product;
const PART = WORLD.part;
const feedbackBase = { entityRef: X, type: 'idea', title: 'Faster' };
const announcementBase = {
  productRef: X,
  type: 'release',
  title: 'v2',
  summary: 'Faster',
  body: 'Details',
};
const itemBase = { productRef: X, title: 'SSO', horizon: 'next' };
const cursorOf = (key: unknown) =>
  Buffer.from(JSON.stringify(key)).toString('base64url');
const withBody =
  (body: object) =>
  (c: Case): Case => ({ ...c, call: (ids: Ids) => ({ ...c.call(ids), body }) });
const one = (
  route: string,
  label: string,
  call: (ids: Ids) => Call,
  status: number,
  message: string,
): Case => ({ route, label, call, status, message });

/** Every route's cases: what is sent (as the admin, whom the policy allows everything) and what must come back. */
// prettier-ignore
const CASES: Case[] = [
  // adoption
  ...refQueryCases('GET /adoption'),

  // feedback
  ...badBodies('POST /feedback', () => '/feedback', feedbackBase),
  ...refBodyCases('POST /feedback', feedbackBase, 'entityRef', { valid: [PART] }),
  ...fieldCases('POST /feedback', () => '/feedback', feedbackBase, [
    ['type missing', { type: undefined }, 400, 'type is required'],
    ['type unknown', { type: 'rant' }, 400, 'type must be one of'],
    ['type a number', { type: 3 }, 400, 'type must be one of'],
    ...text('title', 200, '200'),
    ...text('body', 10_000, '10,000'),
    ['a score on a post', { score: 5 }, 400, 'score is only for ratings'],
    ['a rating without a score', { type: 'rating', title: undefined }, 400, 'score is required for a rating'],
    ['a score as text', { type: 'rating', title: undefined, score: '5' }, 400, 'score must be an integer from 0 to 10, got "5"'],
    ['a score of 11', { type: 'rating', title: undefined, score: 11 }, 400, 'score must be an integer from 0 to 10, got 11'],
    ['a score of 1.5', { type: 'rating', title: undefined, score: 1.5 }, 400, 'score must be an integer from 0 to 10, got 1.5'],
    ['anonymous as text', { anonymous: 'yes' }, 400, 'anonymous must be true or false'],
  ]),
  ...refQueryCases('GET /feedback'),
  ...queryCases('GET /feedback', [
    ['type unknown', { productRef: X, type: 'rant' }, 400, 'type must be one of'],
    ['status unknown', { productRef: X, status: 'x' }, 400, 'status must be one of'],
    ['sort unknown', { productRef: X, sort: 'x' }, 400, 'sort must be one of recent, votes'],
    ['limit not a number', { productRef: X, limit: 'ten' }, 400, 'limit must be a number'],
    ['limit 0', { productRef: X, limit: 0 }, 400, 'limit must be from 1 to 100'],
    ['limit 101', { productRef: X, limit: 101 }, 400, 'limit must be from 1 to 100'],
    ['limit 1.5', { productRef: X, limit: 1.5 }, 400, 'limit must be a whole number'],
    ['q huge', { productRef: X, q: 'x'.repeat(201) }, 400, 'q must be at most 200 characters'],
    ['q with a NUL', { productRef: X, q: NUL }, 400, 'q must not contain control characters'],
    ['q given twice', { productRef: X, q: ['a', 'b'] }, 400, 'q must be given once'],
    ['cursor garbage', { productRef: X, cursor: 'garbage' }, 400, "cursor 'garbage' is not a cursor of this list"],
    ['cursor with a NUL', { productRef: X, cursor: cursorOf([1, NUL]) }, 400, 'is not a cursor of this list'],
    ['mine as text', { productRef: X, mine: 'yes' }, 400, 'mine must be one of true, false'],
  ]),
  ...refQueryCases('GET /feedback/stats'),
  ...queryCases('GET /feedback/stats', [
    ['months 2', { productRef: X, months: '2' }, 400, "months must be 1, 3 or 12, got '2'"],
    ['months given twice', { productRef: X, months: ['1', '3'] }, 400, 'months must be given once'],
  ]),
  ...refQueryCases('GET /feedback/export'),
  ...badIds('GET /feedback/:id', id => `/feedback/${id}`, 'No feedback post'),
  ...badIds('PATCH /feedback/:id', id => `/feedback/${id}`, 'No feedback post').map(withBody({ status: 'acknowledged' })),
  ...badBodies('PATCH /feedback/:id', ids => `/feedback/${ids.postId}`, { status: 'acknowledged' }),
  ...fieldCases('PATCH /feedback/:id', ids => `/feedback/${ids.postId}`, {}, [
    ['nothing', {}, 400, 'nothing to change'],
    ['status unknown', { status: 'x' }, 400, 'status must be one of'],
    ['status null', { status: null }, 400, 'status must be one of'],
    ['duplicate without duplicateOf', { status: 'duplicate' }, 400, 'duplicateOf is required when status is duplicate'],
    ['duplicateOf of no post', { status: 'duplicate', duplicateOf: NO_ID }, 400, `duplicateOf '${NO_ID}' is no post of`],
    ['duplicateOf a number', { status: 'duplicate', duplicateOf: 5 }, 400, 'duplicateOf must be a post id'],
    ['duplicateOf with a NUL', { status: 'duplicate', duplicateOf: NUL }, 400, 'duplicateOf must not contain control characters'],
    ['hidden as text', { hidden: 'yes' }, 400, 'hidden must be true or false'],
    ['title with a NUL', { title: NUL }, 400, 'title must not contain control characters'],
  ]),
  one('PATCH /feedback/:id', 'a rating', ids => ({ method: 'patch', path: `/feedback/${ids.ratingId}`, body: { status: 'acknowledged' } }), 400, 'is a rating'),
  ...badIds('DELETE /feedback/:id', id => `/feedback/${id}`, 'No feedback post'),
  ...badIds('POST /feedback/:id/replies', id => `/feedback/${id}/replies`, 'No feedback post').map(withBody({ body: 'Agreed' })),
  ...badBodies('POST /feedback/:id/replies', ids => `/feedback/${ids.postId}/replies`, { body: 'Agreed' }),
  ...fieldCases('POST /feedback/:id/replies', ids => `/feedback/${ids.postId}/replies`, { body: 'Agreed' }, [
    ['body missing', { body: undefined }, 400, 'body must be a string'],
    ...text('body', 10_000, '10,000'),
  ]),
  ...badIds('DELETE /feedback/:id/replies/:replyId', id => `/feedback/${id}/replies/${NO_ID}`, 'No feedback post'),
  ...badIds('DELETE /feedback/:id/replies/:replyId', (id, ids) => `/feedback/${ids.postId}/replies/${id}`, 'No reply'),
  ...badIds('PUT /feedback/:id/vote', id => `/feedback/${id}/vote`, 'No feedback post'),
  one('PUT /feedback/:id/vote', 'a rating', ids => ({ method: 'put', path: `/feedback/${ids.ratingId}/vote` }), 400, 'is a rating'),
  ...badIds('DELETE /feedback/:id/vote', id => `/feedback/${id}/vote`, 'No feedback post'),

  // announcements
  ...badBodies('POST /announcements', () => '/announcements', announcementBase),
  ...refBodyCases('POST /announcements', announcementBase, 'productRef', { optional: true }),
  ...fieldCases('POST /announcements', () => '/announcements', announcementBase, [
    ['type unknown', { type: 'memo' }, 400, 'type must be one of'],
    ...text('title', 200, '200'),
    ...text('summary', 500, '500'),
    ['body with a NUL', { body: NUL }, 400, 'body must not contain control characters'],
    ['tags not a list', { tags: 'a' }, 400, 'tags must be a list of tags'],
    ['a tag with a NUL', { tags: [NUL] }, 400, 'tags.0'],
    ['pinned as text', { pinned: 'yes' }, 400, 'pinned must be true or false'],
    ['publishAt not a date', { publishAt: 'tomorrow' }, 400, "publishAt must be an ISO 8601 date-time with a time zone, like 2026-12-01T09:00:00Z, got 'tomorrow'"],
    ['expiresAt before publishAt', { publishAt: '2030-01-02T00:00:00Z', expiresAt: '2030-01-01T00:00:00Z' }, 400, 'expiresAt must be after publishAt'],
    ['an event on a release', { event: { start: '2030-01-01T10:00:00Z', end: '2030-01-01T11:00:00Z' } }, 400, 'event is only for events'],
    ['an event without start', { type: 'event', event: { end: '2030-01-01T11:00:00Z' } }, 400, 'event.start is required'],
    ['a deprecation without effectiveAt', { type: 'deprecation' }, 400, 'effectiveAt is required for a deprecation'],
    ['onBehalfOf malformed', { onBehalfOf: 'x' }, 400, "onBehalfOf must be an entity reference like 'kind:namespace/name', got 'x'"],
    ['onBehalfOf not a group', { onBehalfOf: PART }, 400, 'onBehalfOf must be a group'],
  ]),
  ...queryCases('GET /announcements', [
    ['productRef malformed', { productRef: 'x' }, 400, 'productRef must be an entity reference'],
    ['productRef of no entity', { productRef: 'platformproduct:default/nope' }, 404, "'platformproduct:default/nope'"],
    ['productRef of a part', { productRef: PART }, 404, `'${PART}'`],
    ['entityRef malformed', { entityRef: 'x' }, 400, 'entityRef must be an entity reference'],
    ['entityRef of no entity', { entityRef: 'component:default/nope' }, 404, "'component:default/nope'"],
    ['entityRef with a NUL', { entityRef: `component:default/${NUL}` }, 400, 'entityRef must not contain control characters'],
    ['type unknown', { type: 'memo' }, 400, 'type must be one of'],
    ['tag with a NUL', { tag: NUL }, 400, 'tag'],
    ['q with a NUL', { q: NUL }, 400, 'q must not contain control characters'],
    ['upcoming as text', { upcoming: 'yes' }, 400, 'upcoming must be one of true, false'],
    ['limit 0', { limit: 0 }, 400, 'limit must be from 1 to 100'],
    ['cursor garbage', { cursor: 'garbage' }, 400, 'is not a cursor of this list'],
    ['cursor with a NUL', { cursor: cursorOf([1, NUL]) }, 400, 'is not a cursor of this list'],
  ]),
  ...refQueryCases('GET /announcements/feed', 'productRef', { optional: true }),
  ...refQueryCases('GET /announcements/banners', 'productRef', { optional: true }),
  ...badIds('GET /announcements/:id', id => `/announcements/${id}`, 'No announcement'),
  ...badIds('PATCH /announcements/:id', id => `/announcements/${id}`, 'No announcement').map(withBody({ title: 'T' })),
  ...badBodies('PATCH /announcements/:id', ids => `/announcements/${ids.announcementId}`, { title: 'T' }),
  ...fieldCases('PATCH /announcements/:id', ids => `/announcements/${ids.announcementId}`, {}, [
    ['nothing', {}, 400, 'nothing to change'],
    ['type unknown', { type: 'memo' }, 400, 'type must be one of'],
    ['title with a NUL', { title: NUL }, 400, 'title must not contain control characters'],
    ['an event removed from an event', { event: null }, 400, 'event is required for an event'],
  ]),
  ...badIds('DELETE /announcements/:id', id => `/announcements/${id}`, 'No announcement'),
  ...badIds('PUT /announcements/:id/read', id => `/announcements/${id}/read`, 'No announcement'),
  ...badIds('PUT /announcements/:id/acknowledgement', id => `/announcements/${id}/acknowledgement`, 'No announcement'),
  one('PUT /announcements/:id/acknowledgement', 'of an event', ids => ({ method: 'put', path: `/announcements/${ids.announcementId}/acknowledgement` }), 400, 'only deprecation posts ask for an acknowledgement'),
  ...badIds('PUT /announcements/:id/dismissal', id => `/announcements/${id}/dismissal`, 'No announcement'),
  one('PUT /announcements/:id/dismissal', 'of no banner', ids => ({ method: 'put', path: `/announcements/${ids.announcementId}/dismissal` }), 400, 'is no banner'),
  ...badIds('GET /announcements/:id/reach', id => `/announcements/${id}/reach`, 'No announcement'),
  ...badIds('GET /announcements/:id/event.ics', id => `/announcements/${id}/event.ics`, 'No announcement'),
  ...refQueryCases('GET /follows'),
  ...refQueryCases('PUT /follows'),
  ...refQueryCases('DELETE /follows'),

  // roadmap
  ...refQueryCases('GET /roadmap'),
  ...badBodies('POST /roadmap/items', () => '/roadmap/items', itemBase),
  ...refBodyCases('POST /roadmap/items', itemBase, 'productRef'),
  ...fieldCases('POST /roadmap/items', () => '/roadmap/items', itemBase, [
    ['title missing', { title: undefined }, 400, 'title must be a string'],
    ...text('title', 200, '200'),
    ['description huge', { description: 'x'.repeat(20_001) }, 400, 'description must be at most 20,000 characters'],
    ['description with a NUL', { description: NUL }, 400, 'description must not contain control characters'],
    ['horizon unknown', { horizon: 'someday' }, 400, 'horizon must be one of'],
    ['horizon missing', { horizon: undefined }, 400, 'horizon is required'],
    ['a closed status', { status: 'shipped' }, 400, 'status must be an open status'],
    ['targetQuarter malformed', { targetQuarter: '2027-Q5' }, 400, "targetQuarter must be a quarter like 2027-Q1, got '2027-Q5'"],
  ]),
  ...badIds('PATCH /roadmap/items/:id', id => `/roadmap/items/${id}`, 'No roadmap item').map(withBody({ title: 'T' })),
  ...badBodies('PATCH /roadmap/items/:id', ids => `/roadmap/items/${ids.itemId}`, { title: 'T' }),
  ...fieldCases('PATCH /roadmap/items/:id', ids => `/roadmap/items/${ids.itemId}`, {}, [
    ['nothing', {}, 400, 'nothing to change'],
    ['position -1', { position: -1 }, 400, 'position must be 0 or more'],
    ['position 1.5', { position: 1.5 }, 400, 'position must be a whole number'],
    ['position as text', { position: '1' }, 400, 'position must be a number'],
    ['status unknown', { status: 'x' }, 400, 'status must be one of'],
    ['title with a NUL', { title: NUL }, 400, 'title must not contain control characters'],
  ]),
  ...badIds('DELETE /roadmap/items/:id', id => `/roadmap/items/${id}`, 'No roadmap item'),
  ...badIds('PUT /roadmap/items/:id/links/:feedbackId', (id, ids) => `/roadmap/items/${id}/links/${ids.postId}`, 'No roadmap item'),
  ...badIds('PUT /roadmap/items/:id/links/:feedbackId', (id, ids) => `/roadmap/items/${ids.itemId}/links/${id}`, 'No feedback post'),
  one('PUT /roadmap/items/:id/links/:feedbackId', 'a rating', ids => ({ method: 'put', path: `/roadmap/items/${ids.itemId}/links/${ids.ratingId}` }), 400, 'is a rating'),
  ...badIds('DELETE /roadmap/items/:id/links/:feedbackId', (id, ids) => `/roadmap/items/${id}/links/${ids.postId}`, 'No roadmap item'),
  ...badIds('GET /roadmap/items/:id/history', id => `/roadmap/items/${id}/history`, 'No roadmap item'),

  // scorecards
  ...refQueryCases('GET /scorecards'),
  ...refQueryCases('GET /scorecards/history'),
  ...queryCases('GET /scorecards/history', [
    ['days 0', { productRef: X, days: 0 }, 400, 'days must be from 1 to 365'],
    ['days 366', { productRef: X, days: 366 }, 400, 'days must be from 1 to 365'],
    ['days as text', { productRef: X, days: 'ten' }, 400, 'days must be a number'],
  ]),
  ...badBodies('POST /scorecards/refresh', () => '/scorecards/refresh', { productRef: X }),
  ...refBodyCases('POST /scorecards/refresh', { productRef: X }, 'productRef'),
  ...['GET /portfolio', 'GET /portfolio/export'].flatMap(route => queryCases(route, [
    ['owner malformed', { owner: 'x' }, 400, "owner must be an entity reference like 'kind:namespace/name', got 'x'"],
    ['owner with a NUL', { owner: `group:default/${NUL}` }, 400, 'owner must not contain control characters'],
    ['lifecycle unknown', { lifecycle: 'x' }, 400, 'lifecycle must be one of'],
    ['level unknown', { level: 'x' }, 400, 'level must be one of'],
    ['sort unknown', { sort: 'x' }, 400, 'sort must be one of'],
  ])),
];

/** How many cases the table has (kept here so that a lost case shows). */
const CASE_COUNT = 430;

describe('hostile input', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    let w: WorldBackend;
    let ids: Ids;

    beforeAll(async () => {
      w = await startWorldBackend(await databases.init(databaseId));
      const [postId, ratingId, announcementId, itemId] = await Promise.all([
        w.fixtures.post(),
        w
          .as(WORLD.author, {
            method: 'post',
            path: '/feedback',
            body: { entityRef: X, type: 'rating', score: 9 },
          })
          .then(rating => rating.id as string),
        w.fixtures.announcement(),
        w.fixtures.roadmapItem(),
      ]);
      const replyId = await w.fixtures.reply(postId);
      ids = { postId, ratingId, replyId, announcementId, itemId };
      await w.settled();
    });

    afterAll(() => w.stop());

    it('has cases for every route the router serves', () => {
      const covered = new Set(CASES.map(c => c.route));
      expect(routesOf(capturedRouters[0]).filter(r => !covered.has(r))).toEqual(
        [],
      );
      expect(CASES.length).toBe(CASE_COUNT);
    });

    it('answers what is no product with the same 404 to a caller the policy denies', async () => {
      const noProduct = CASES.filter(c =>
        /(productRef|entityRef) (of no entity|of a part|of an entity of no product)/.test(
          c.label,
        ),
      );
      const answers = async (header: string) =>
        Promise.all(
          noProduct.map(async c => {
            const response = await w.send(c.call(ids), header);
            return `${c.route} ${c.label}: ${response.status}`;
          }),
        );
      const denied = await answers(CALLERS.denied);
      expect(denied).toEqual(await answers(CALLERS.admin));
      expect(denied.filter(line => !line.endsWith(': 404'))).toEqual([]);
    });

    it('keeps unicode text as it was sent', async () => {
      const post = await w.as(WORLD.outsider, {
        method: 'post',
        path: '/feedback',
        body: {
          entityRef: X,
          type: 'idea',
          title: UNICODE,
          body: `${UNICODE}\n\tmore`,
        },
      });
      expect([post.title, post.body]).toEqual([UNICODE, `${UNICODE}\n\tmore`]);
      const item = await w.as(WORLD.pm, {
        method: 'post',
        path: '/roadmap/items',
        body: {
          productRef: X,
          title: UNICODE,
          description: UNICODE,
          horizon: 'later',
        },
      });
      const read = await w.as(WORLD.pm, {
        method: 'get',
        path: `/feedback/${post.id}`,
      });
      expect([read.title, item.title, item.description]).toEqual([
        UNICODE,
        UNICODE,
        UNICODE,
      ]);
    });

    it('answers every case with a 4xx that names the problem, and writes nothing', async () => {
      const answers: string[] = [];
      const expected: string[] = [];
      const writes: string[] = [];
      const before = await snapshotTables(w.knex);
      for (const c of CASES) {
        const response = await w.send(c.call(ids), CALLERS.admin);
        const message: string = response.body?.error?.message ?? response.text;
        const name = `${c.route} ${c.label}`;
        answers.push(
          `${name}: ${response.status} ${
            message.includes(c.message) ? 'names it' : message.slice(0, 300)
          }`,
        );
        expected.push(`${name}: ${c.status} names it`);
        // after each call that may write; the reads are checked together at the end
        if (c.call(ids).method !== 'get') {
          const after = await snapshotTables(w.knex);
          if (after.join('\n') !== before.join('\n')) {
            writes.push(name);
            before.splice(0, before.length, ...after);
          }
        }
      }
      if ((await snapshotTables(w.knex)).join('\n') !== before.join('\n')) {
        writes.push('one of the reads');
      }
      expect(answers).toEqual(expected);
      expect(writes).toEqual([]);
    });
  });
});
