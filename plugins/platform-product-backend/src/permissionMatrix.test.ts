// Every route of the plugin x every kind of caller, under the demo's permission policy: the one
// table below is the expected status of each cell. A route the router serves without a row fails.
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  Call,
  Caller,
  CALLERS,
  routesOf,
  snapshotTables,
  startWorldBackend,
  WORLD,
  WorldBackend,
} from './__testUtils__/matrixWorld';
import { capturedRouters } from './__testUtils__/captureRouter';

jest.setTimeout(60_000);

// the plugin's router, as the plugin hands it to the http router: its routes are the table's rows
jest.mock('./router', () =>
  require('./__testUtils__/captureRouter').captureRouter(),
);

const X = WORLD.product;

/** What a cell sends: made fresh for each cell (a new post to delete...) or shared. */
type MakeCall = (w: WorldBackend, shared: Shared) => Promise<Call> | Call;
type Shared = { postId: string; announcementId: string; itemId: string };

const C = Object.keys(CALLERS) as Caller[];

/**
 * The expected status of each route (a row) for each caller (a column): no token, an invalid
 * token, a service principal, a user outside the product, a developer of a team that uses it,
 * its PM, a member of its owning team, an admin the policy allows everything, a user the policy
 * denies everything. Under the demo policy everyone reads and gives feedback; the product team
 * responds, announces, shapes the roadmap and refreshes; the admins group moderates.
 */
// prettier-ignore
const EXPECTED: Record<string, number[]> = {
  //                                               none bad  svc  out  adop pm   own  admn deny
  'GET /adoption':                                [401, 401, 200, 200, 200, 200, 200, 200, 403],
  'POST /announcements':                          [401, 401, 403, 403, 403, 201, 201, 201, 403],
  'GET /announcements':                           [401, 401, 200, 200, 200, 200, 200, 200, 200],
  'GET /announcements/feed':                      [401, 401, 200, 200, 200, 200, 200, 200, 403],
  'GET /announcements/banners':                   [401, 401, 200, 200, 200, 200, 200, 200, 200],
  'GET /announcements/:id':                       [401, 401, 200, 200, 200, 200, 200, 200, 403],
  'PATCH /announcements/:id':                     [401, 401, 403, 403, 403, 200, 200, 200, 403],
  'DELETE /announcements/:id':                    [401, 401, 403, 403, 403, 204, 204, 204, 403],
  'PUT /announcements/:id/read':                  [401, 401, 403, 200, 200, 200, 200, 200, 403],
  'PUT /announcements/:id/acknowledgement':       [401, 401, 403, 200, 200, 200, 200, 200, 403],
  'PUT /announcements/:id/dismissal':             [401, 401, 403, 204, 204, 204, 204, 204, 403],
  'GET /announcements/:id/reach':                 [401, 401, 403, 403, 403, 200, 200, 200, 403],
  'GET /announcements/:id/event.ics':             [401, 401, 200, 200, 200, 200, 200, 200, 403],
  'GET /follows':                                 [401, 401, 200, 200, 200, 200, 200, 200, 403],
  'PUT /follows':                                 [401, 401, 403, 200, 200, 200, 200, 200, 403],
  'DELETE /follows':                              [401, 401, 403, 200, 200, 200, 200, 200, 403],
  'POST /feedback':                               [401, 401, 403, 201, 201, 201, 201, 201, 403],
  'GET /feedback':                                [401, 401, 200, 200, 200, 200, 200, 200, 403],
  'GET /feedback/stats':                          [401, 401, 200, 200, 200, 200, 200, 200, 403],
  'GET /feedback/export':                         [401, 401, 403, 403, 403, 200, 200, 200, 403],
  'GET /feedback/:id':                            [401, 401, 200, 200, 200, 200, 200, 200, 403],
  'PATCH /feedback/:id':                          [401, 401, 403, 403, 403, 200, 200, 200, 403],
  'DELETE /feedback/:id':                         [401, 401, 403, 403, 403, 403, 403, 204, 403],
  'POST /feedback/:id/replies':                   [401, 401, 403, 201, 201, 201, 201, 201, 403],
  'DELETE /feedback/:id/replies/:replyId':        [401, 401, 403, 403, 403, 403, 403, 204, 403],
  'PUT /feedback/:id/vote':                       [401, 401, 403, 200, 200, 200, 200, 200, 403],
  'DELETE /feedback/:id/vote':                    [401, 401, 403, 200, 200, 200, 200, 200, 403],
  'GET /roadmap':                                 [401, 401, 200, 200, 200, 200, 200, 200, 403],
  'POST /roadmap/items':                          [401, 401, 403, 403, 403, 201, 201, 201, 403],
  'PATCH /roadmap/items/:id':                     [401, 401, 403, 403, 403, 200, 200, 200, 403],
  'DELETE /roadmap/items/:id':                    [401, 401, 403, 403, 403, 204, 204, 204, 403],
  'PUT /roadmap/items/:id/links/:feedbackId':     [401, 401, 403, 403, 403, 200, 200, 200, 403],
  'DELETE /roadmap/items/:id/links/:feedbackId':  [401, 401, 403, 403, 403, 200, 200, 200, 403],
  'GET /roadmap/items/:id/history':               [401, 401, 200, 200, 200, 200, 200, 200, 403],
  'GET /scorecards':                              [401, 401, 200, 200, 200, 200, 200, 200, 403],
  'GET /scorecards/history':                      [401, 401, 200, 200, 200, 200, 200, 200, 403],
  'POST /scorecards/refresh':                     [401, 401, 403, 403, 403, 200, 200, 200, 403],
  'GET /portfolio':                               [401, 401, 200, 200, 200, 200, 200, 200, 200],
  'GET /portfolio/export':                        [401, 401, 200, 200, 200, 200, 200, 200, 200],
};

/** What each route's cells send: made fresh for each cell (a post to delete...) or shared. */
const CALLS: Record<string, MakeCall> = {
  'GET /adoption': () => ({
    method: 'get',
    path: '/adoption',
    query: { productRef: X },
  }),
  'POST /announcements': () => ({
    method: 'post',
    path: '/announcements',
    body: {
      productRef: X,
      type: 'release',
      title: 'v2',
      summary: 'Faster',
      body: 'Details',
    },
  }),
  'GET /announcements': () => ({ method: 'get', path: '/announcements' }),
  'GET /announcements/feed': () => ({
    method: 'get',
    path: '/announcements/feed',
    query: { productRef: X },
  }),
  'GET /announcements/banners': () => ({
    method: 'get',
    path: '/announcements/banners',
  }),
  'GET /announcements/:id': (_, s) => ({
    method: 'get',
    path: `/announcements/${s.announcementId}`,
  }),
  'PATCH /announcements/:id': async w => ({
    method: 'patch',
    path: `/announcements/${await w.fixtures.announcement()}`,
    body: { title: 'Renamed' },
  }),
  'DELETE /announcements/:id': async w => ({
    method: 'delete',
    path: `/announcements/${await w.fixtures.announcement()}`,
  }),
  'PUT /announcements/:id/read': async w => ({
    method: 'put',
    path: `/announcements/${await w.fixtures.announcement()}/read`,
  }),
  'PUT /announcements/:id/acknowledgement': async w => ({
    method: 'put',
    path: `/announcements/${await w.fixtures.announcement(
      'deprecation',
    )}/acknowledgement`,
  }),
  'PUT /announcements/:id/dismissal': async w => ({
    method: 'put',
    path: `/announcements/${await w.fixtures.announcement('banner')}/dismissal`,
  }),
  'GET /announcements/:id/reach': (_, s) => ({
    method: 'get',
    path: `/announcements/${s.announcementId}/reach`,
  }),
  'GET /announcements/:id/event.ics': (_, s) => ({
    method: 'get',
    path: `/announcements/${s.announcementId}/event.ics`,
  }),
  'GET /follows': () => ({
    method: 'get',
    path: '/follows',
    query: { productRef: X },
  }),
  'PUT /follows': () => ({
    method: 'put',
    path: '/follows',
    query: { productRef: X },
  }),
  'DELETE /follows': () => ({
    method: 'delete',
    path: '/follows',
    query: { productRef: X },
  }),
  'POST /feedback': () => ({
    method: 'post',
    path: '/feedback',
    body: { entityRef: X, type: 'idea', title: 'Dark mode' },
  }),
  'GET /feedback': () => ({
    method: 'get',
    path: '/feedback',
    query: { productRef: X },
  }),
  'GET /feedback/stats': () => ({
    method: 'get',
    path: '/feedback/stats',
    query: { productRef: X },
  }),
  'GET /feedback/export': () => ({
    method: 'get',
    path: '/feedback/export',
    query: { productRef: X },
  }),
  'GET /feedback/:id': (_, s) => ({
    method: 'get',
    path: `/feedback/${s.postId}`,
  }),
  'PATCH /feedback/:id': async w => ({
    method: 'patch',
    path: `/feedback/${await w.fixtures.post()}`,
    body: { status: 'acknowledged' },
  }),
  'DELETE /feedback/:id': async w => ({
    method: 'delete',
    path: `/feedback/${await w.fixtures.post()}`,
  }),
  'POST /feedback/:id/replies': async w => ({
    method: 'post',
    path: `/feedback/${await w.fixtures.post()}/replies`,
    body: { body: 'Agreed' },
  }),
  'DELETE /feedback/:id/replies/:replyId': async w => {
    const postId = await w.fixtures.post();
    return {
      method: 'delete',
      path: `/feedback/${postId}/replies/${await w.fixtures.reply(postId)}`,
    };
  },
  'PUT /feedback/:id/vote': async w => ({
    method: 'put',
    path: `/feedback/${await w.fixtures.post()}/vote`,
  }),
  'DELETE /feedback/:id/vote': async w => ({
    method: 'delete',
    path: `/feedback/${await w.fixtures.post()}/vote`,
  }),
  'GET /roadmap': () => ({
    method: 'get',
    path: '/roadmap',
    query: { productRef: X },
  }),
  'POST /roadmap/items': () => ({
    method: 'post',
    path: '/roadmap/items',
    body: { productRef: X, title: 'SSO', horizon: 'next' },
  }),
  'PATCH /roadmap/items/:id': async w => ({
    method: 'patch',
    path: `/roadmap/items/${await w.fixtures.roadmapItem()}`,
    body: { title: 'Renamed' },
  }),
  'DELETE /roadmap/items/:id': async w => ({
    method: 'delete',
    path: `/roadmap/items/${await w.fixtures.roadmapItem()}`,
  }),
  'PUT /roadmap/items/:id/links/:feedbackId': async w => {
    const [itemId, postId] = await Promise.all([
      w.fixtures.roadmapItem(),
      w.fixtures.post(),
    ]);
    return { method: 'put', path: `/roadmap/items/${itemId}/links/${postId}` };
  },
  'DELETE /roadmap/items/:id/links/:feedbackId': async w => {
    const { itemId, postId } = await w.fixtures.link();
    return {
      method: 'delete',
      path: `/roadmap/items/${itemId}/links/${postId}`,
    };
  },
  'GET /roadmap/items/:id/history': (_, s) => ({
    method: 'get',
    path: `/roadmap/items/${s.itemId}/history`,
  }),
  'GET /scorecards': () => ({
    method: 'get',
    path: '/scorecards',
    query: { productRef: X },
  }),
  'GET /scorecards/history': () => ({
    method: 'get',
    path: '/scorecards/history',
    query: { productRef: X },
  }),
  'POST /scorecards/refresh': () => ({
    method: 'post',
    path: '/scorecards/refresh',
    body: { productRef: X },
  }),
  'GET /portfolio': () => ({ method: 'get', path: '/portfolio' }),
  'GET /portfolio/export': () => ({ method: 'get', path: '/portfolio/export' }),
};

describe('permission matrix', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    let w: WorldBackend;
    let shared: Shared;

    beforeAll(async () => {
      capturedRouters.length = 0;
      w = await startWorldBackend(await databases.init(databaseId));
      const [postId, announcementId, itemId] = await Promise.all([
        w.fixtures.post(),
        w.fixtures.announcement(),
        w.fixtures.roadmapItem(),
      ]);
      shared = { postId, announcementId, itemId };
    });

    afterAll(() => w.stop());

    it('has one row per route the router serves, and a status for every caller', () => {
      expect(capturedRouters).toHaveLength(1);
      const served = routesOf(capturedRouters[0]);
      const rows = Object.keys(EXPECTED);
      expect(served.filter(route => !rows.includes(route))).toEqual([]);
      expect(rows.filter(route => !served.includes(route))).toEqual([]);
      expect(Object.keys(CALLS).sort()).toEqual([...rows].sort());
      for (const [route, statuses] of Object.entries(EXPECTED)) {
        expect([route, statuses.length]).toEqual([route, C.length]);
      }
    });

    it('answers each caller on each route as the table says; a refused mutation writes nothing', async () => {
      const cells: string[] = [];
      const expected: string[] = [];
      // refused mutations that changed a row; refusals without a message
      const writes: string[] = [];
      const unexplained: string[] = [];
      for (const [route, statuses] of Object.entries(EXPECTED)) {
        for (const [i, caller] of C.entries()) {
          const call = await CALLS[route](w, shared);
          const refusedWrite = call.method !== 'get' && statuses[i] >= 400;
          if (refusedWrite) await w.settled();
          const before = refusedWrite ? await snapshotTables(w.knex) : [];
          const response = await w.send(call, CALLERS[caller]);
          cells.push(`${route} as ${caller}: ${response.status}`);
          expected.push(`${route} as ${caller}: ${statuses[i]}`);
          if (refusedWrite) {
            const after = await snapshotTables(w.knex);
            if (after.join('\n') !== before.join('\n')) {
              writes.push(`${route} as ${caller}`);
            }
          }
          if (response.status >= 400 && !response.body.error?.message) {
            unexplained.push(`${route} as ${caller}`);
          }
        }
      }
      expect(cells).toEqual(expected);
      expect(writes).toEqual([]);
      expect(unexplained).toEqual([]);
      expect(cells).toHaveLength(Object.keys(EXPECTED).length * C.length);
    });
  });
});
