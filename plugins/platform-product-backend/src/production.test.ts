// How the plugin behaves in production: error responses carry no stack trace or internal path,
// the backend refuses to start without the author secret, and no log line (audit events
// included) names the author of an anonymous post.
import { auditorServiceFactory } from '@backstage/backend-defaults/auditor';
import { TestDatabases } from '@backstage/backend-test-utils';
import { resolve } from 'node:path';
import { Response } from 'supertest';
import {
  Call,
  CALLERS,
  startWorldBackend,
  WORLD,
  WorldBackend,
} from './__testUtils__/matrixWorld';
import { startPlatformProductBackend } from './__testUtils__';

jest.setTimeout(60_000);

const X = WORLD.product;

/** What gives an error away: a stack frame, a source file, a folder of this machine. */
const INTERNALS: Record<string, RegExp> = {
  'a stack frame': /\s+at \S+ \(/,
  'a source file': /\.[cm]?[jt]s:\d+/,
  'a module': /node_modules/,
  'the repository folder': new RegExp(
    resolve(__dirname, '../../..').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  ),
};
const internalsOf = (response: Response) =>
  Object.keys(INTERNALS).filter(name => INTERNALS[name].test(response.text));

/** Requests that fail each their way: 400, 401, 403, 404, 409-like, 413, 429 and a 500. */
const FAILING: Array<
  [label: string, caller: keyof typeof CALLERS, call: Call]
> = [
  [
    'no token',
    'no token',
    { method: 'get', path: '/feedback', query: { productRef: X } },
  ],
  [
    'an invalid token',
    'invalid token',
    { method: 'get', path: '/roadmap', query: { productRef: X } },
  ],
  [
    'a denied user',
    'denied',
    { method: 'get', path: '/scorecards', query: { productRef: X } },
  ],
  [
    'a bad body',
    'pm',
    {
      method: 'post',
      path: '/feedback',
      body: { entityRef: X, type: 'idea', title: 5 },
    },
  ],
  [
    'malformed JSON',
    'pm',
    {
      method: 'post',
      path: '/feedback',
      raw: { type: 'application/json', data: '{"a":' },
    },
  ],
  [
    'a huge body',
    'pm',
    {
      method: 'post',
      path: '/feedback',
      body: { title: 'x'.repeat(1_100_000) },
    },
  ],
  [
    'no such product',
    'pm',
    {
      method: 'get',
      path: '/feedback/stats',
      query: { productRef: 'platformproduct:default/nope' },
    },
  ],
  [
    'no such post',
    'pm',
    { method: 'get', path: '/feedback/00000000-0000-0000-0000-000000000000' },
  ],
  [
    'a control character in an id',
    'pm',
    { method: 'get', path: '/announcements/a%00b' },
  ],
  [
    'a status it already has',
    'pm',
    { method: 'patch', path: '/feedback/:post', body: { status: 'new' } },
  ],
  [
    'too much feedback',
    'outsider',
    {
      method: 'post',
      path: '/feedback',
      body: { entityRef: X, type: 'rating', score: 5 },
    },
  ],
  [
    'a broken store',
    'pm',
    { method: 'get', path: '/roadmap', query: { productRef: X } },
  ],
];

describe('in production', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });
  const env = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = env;
  });

  /** Each failing request's status and the internals its response shows. */
  async function failures(nodeEnv: string, w?: WorldBackend) {
    process.env.NODE_ENV = nodeEnv;
    const backend =
      w ??
      (await startWorldBackend(await databases.init('SQLITE_3'), {
        feedback: { authorSecret: 'test secret', dailyLimitPerUser: 1 },
      }));
    const post = await backend.fixtures.post();
    // the outsider's one piece of feedback for the day
    await backend.as(WORLD.outsider, {
      method: 'post',
      path: '/feedback',
      body: { entityRef: X, type: 'rating', score: 9 },
    });
    const seen: string[] = [];
    for (const [label, caller, call] of FAILING) {
      if (label === 'a broken store') {
        await backend.knex.schema.renameTable('roadmap_items', 'gone');
      }
      const response = await backend.send(
        { ...call, path: call.path.replace(':post', post) },
        CALLERS[caller],
      );
      seen.push(
        `${label}: ${response.status} ${JSON.stringify(internalsOf(response))}`,
      );
    }
    await backend.stop();
    return seen;
  }

  it.each(databases.eachSupportedId())(
    'answers every failure without a stack trace or an internal path, on %s',
    async databaseId => {
      process.env.NODE_ENV = 'production';
      const w = await startWorldBackend(await databases.init(databaseId), {
        feedback: { authorSecret: 'test secret', dailyLimitPerUser: 1 },
      });
      await expect(failures('production', w)).resolves.toEqual([
        'no token: 401 []',
        'an invalid token: 401 []',
        'a denied user: 403 []',
        'a bad body: 400 []',
        'malformed JSON: 400 []',
        'a huge body: 413 []',
        'no such product: 404 []',
        'no such post: 404 []',
        'a control character in an id: 404 []',
        'a status it already has: 400 []',
        'too much feedback: 429 []',
        'a broken store: 500 []',
      ]);
    },
  );

  it('would show them in development: the check above can see a stack trace', async () => {
    const seen = await failures('development');
    expect(seen).toHaveLength(FAILING.length);
    // all but the 429, which the plugin's own handler answers without a stack in any mode, and
    // the 500, whose answer the framework rewrites ("An internal error occurred"), not always
    // with a stack
    expect(
      seen.filter(
        line =>
          !line.includes('"a stack frame"') &&
          !/^(too much feedback|a broken store):/.test(line),
      ),
    ).toEqual([]);
  });

  it('refuses to start without the author secret', async () => {
    process.env.NODE_ENV = 'production';
    await expect(
      startPlatformProductBackend({
        knex: await databases.init('SQLITE_3'),
        platformProduct: {},
      }),
    ).rejects.toThrow('platformProduct.feedback.authorSecret must be set');
  });

  it.each(databases.eachSupportedId())(
    'logs nothing, audit events included, that names the author of an anonymous post, on %s',
    async databaseId => {
      process.env.NODE_ENV = 'production';
      const w = await startWorldBackend(await databases.init(databaseId), {
        auditor: auditorServiceFactory,
      });
      const author = WORLD.outsider; // alice
      const as = (user: string, call: Call) => w.as(user, call);
      // the author posts anonymously, edits the post, replies in its thread and votes for it
      const post = await as(author, {
        method: 'post',
        path: '/feedback',
        body: {
          entityRef: X,
          type: 'problem',
          title: 'Flaky',
          anonymous: true,
        },
      });
      await as(author, {
        method: 'patch',
        path: `/feedback/${post.id}`,
        body: { body: 'Often' },
      });
      await as(author, {
        method: 'post',
        path: `/feedback/${post.id}/replies`,
        body: { body: 'Still' },
      });
      await as(author, { method: 'put', path: `/feedback/${post.id}/vote` });
      // the team triages and answers (audited), the admin hides and shows it (audited)
      await as(WORLD.pm, {
        method: 'patch',
        path: `/feedback/${post.id}`,
        body: { status: 'acknowledged' },
      });
      await as(WORLD.owner, {
        method: 'post',
        path: `/feedback/${post.id}/replies`,
        body: { body: 'On it' },
      });
      await as(WORLD.admin, {
        method: 'patch',
        path: `/feedback/${post.id}`,
        body: { hidden: true },
      });
      await as(WORLD.admin, {
        method: 'patch',
        path: `/feedback/${post.id}`,
        body: { hidden: false },
      });
      // a refused edit by the author fails after the write check: logged as a failure, if at all
      await w.send(
        {
          method: 'patch',
          path: `/feedback/${post.id}`,
          body: { status: 'done' },
        },
        CALLERS.outsider,
      );

      const audit = w.logLines.filter(line =>
        line.includes('"isAuditEvent":true'),
      );
      // the real auditor logged the team's and the admin's actions, with who did them
      expect(audit.map(line => line.slice(0, line.indexOf(' ')))).toEqual([
        'platform-product.feedback-status-change',
        'platform-product.feedback-status-change',
        'platform-product.feedback-official-reply',
        'platform-product.feedback-official-reply',
        'platform-product.feedback-moderate',
        'platform-product.feedback-moderate',
        'platform-product.feedback-moderate',
        'platform-product.feedback-moderate',
      ]);
      expect(audit.join('\n')).toContain(WORLD.pm);
      expect(w.logLines.filter(line => /alice/i.test(line))).toEqual([]);
      await w.stop();
    },
  );
});
