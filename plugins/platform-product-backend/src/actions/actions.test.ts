// The actions end to end in the plugin: registered with a mock actions registry (which checks
// input and output against the actions' schemas, as the real one does), called as allowed and
// denied users and with bad input, on SQLite and PostgreSQL.
import {
  BackstageCredentials,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import {
  ALICE,
  BOB,
  CLI,
  JANE,
  OUTSIDER,
  productEntities,
  RecordedAuditEvent,
  startPlatformProductBackend,
  X,
} from '../__testUtils__';

jest.setTimeout(60_000);

const ACTIONS = [
  'get-platform-product',
  'get-product-feedback-summary',
  'submit-product-feedback',
  'list-product-announcements',
  'create-product-announcement',
  'get-product-roadmap',
  'get-product-scorecard',
];

/** The demo policy in short: OUTSIDER may do nothing, only JANE (PM of X) responds and posts. */
function allowed(permission: string, user: string | undefined) {
  if (user === OUTSIDER) return false;
  if (/\.(respond|moderate)$|announcement\./.test(permission)) {
    return user === JANE;
  }
  return true;
}

const permissions: PermissionsService = {
  authorize: async (requests, { credentials }) =>
    requests.map(r => ({
      result: allowed(r.permission.name, userOf(credentials))
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    })),
  authorizeConditional: async (requests, { credentials }) =>
    requests.map(r => ({
      result: allowed(r.permission.name, userOf(credentials))
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    })),
};

function userOf(credentials: BackstageCredentials) {
  return (credentials.principal as { userEntityRef?: string }).userEntityRef;
}

describe('platform product actions', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let stop: () => Promise<void>;
    let auditEvents: RecordedAuditEvent[];
    let registry: ReturnType<typeof actionsRegistryServiceMock>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      registry = actionsRegistryServiceMock();
      ({ stop, auditEvents } = await startPlatformProductBackend({
        knex,
        entities: productEntities,
        permissions,
        platformProduct: {
          // BOB reaches the limit; the others stay below it
          feedback: { authorSecret: 'test secret', dailyLimitPerUser: 3 },
          permissions: { decisionCacheTtl: { seconds: 0 } },
        },
        features: [
          createServiceFactory({
            service: actionsRegistryServiceRef,
            deps: {},
            factory: () => registry,
          }),
        ],
      }));
    });

    afterAll(() => stop());

    const call = (name: string, user: string | undefined, input: JsonObject) =>
      registry
        .invoke({
          id: `test:${name}`,
          input,
          credentials: user
            ? mockCredentials.user(user)
            : mockCredentials.service(),
        })
        .then(({ output }) => output as any);

    const count = async (table: string) =>
      Number((await knex(table).count({ n: '*' }))[0].n);

    it('registers every action with its schemas, the reads as read-only', async () => {
      const { actions } = await registry.list();
      expect(actions.map(action => action.name).sort()).toEqual(
        [...ACTIONS].sort(),
      );
      for (const action of actions) {
        expect(action.description.length).toBeGreaterThan(100);
        expect(action.schema.input).toMatchObject({ type: 'object' });
        expect(action.schema.output).toMatchObject({ type: 'object' });
        expect(action.attributes.readOnly).toBe(
          action.name.startsWith('get-') || action.name.startsWith('list-'),
        );
      }
      // the actions about one product take it the same way
      const productRefs = actions
        .filter(action => action.schema.input.properties?.productRef)
        .map(action => ({
          name: action.name,
          productRef: action.schema.input.properties?.productRef,
        }));
      expect(productRefs.map(p => p.name).sort()).toEqual([
        'create-product-announcement',
        'get-product-feedback-summary',
        'get-product-roadmap',
        'get-product-scorecard',
        'list-product-announcements',
      ]);
      // the announcement draft's productRef is optional for a global post, said in its own words
      const [first, ...rest] = productRefs
        .filter(p => p.name !== 'create-product-announcement')
        .map(p => p.productRef);
      expect(first).toEqual({
        type: 'string',
        description: expect.stringContaining(
          '"platformproduct:default/deployment-platform"',
        ),
      });
      expect(rest).toEqual([first, first, first]);
    });

    describe('get-platform-product', () => {
      it('describes a product by name, by ref and from one of its parts', async () => {
        const byName = await call('get-platform-product', ALICE, {
          product: 'x',
        });
        expect(byName).toMatchObject({
          productRef: X,
          name: 'x',
          title: 'Product X',
          productManager: JANE,
          owner: 'group:default/platform-team',
          lifecycle: 'production',
          parts: [CLI],
          adoptingTeams: [],
        });
        await expect(
          call('get-platform-product', ALICE, { product: X }),
        ).resolves.toEqual(byName);
        await expect(
          call('get-platform-product', ALICE, { entityRef: CLI }),
        ).resolves.toEqual(byName);
      });

      it('denies a caller the policy denies', async () => {
        await expect(
          call('get-platform-product', OUTSIDER, { product: 'x' }),
        ).rejects.toMatchObject({
          name: 'NotAllowedError',
          message: expect.stringContaining('platform-product.product.read'),
        });
      });

      it('answers bad input with a clear error', async () => {
        await expect(
          call('get-platform-product', ALICE, {}),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining('give product'),
        });
        await expect(
          call('get-platform-product', ALICE, { product: CLI }),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining('must be a PlatformProduct'),
        });
        await expect(
          call('get-platform-product', ALICE, { product: 'nope' }),
        ).rejects.toMatchObject({ name: 'NotFoundError' });
      });
    });

    describe('submit-product-feedback and get-product-feedback-summary', () => {
      it('writes the calling user feedback and summarizes it', async () => {
        const post = await call('submit-product-feedback', ALICE, {
          entityRef: CLI,
          type: 'idea',
          title: 'Preview environments',
          body: 'One per pull request.',
        });
        expect(post).toMatchObject({
          productRef: X,
          entityRef: CLI,
          type: 'idea',
          status: 'new',
          author: ALICE,
          anonymous: false,
        });
        const rating = await call('submit-product-feedback', ALICE, {
          entityRef: X,
          type: 'rating',
          score: 10,
        });
        expect(rating).toMatchObject({ type: 'rating', score: 10 });

        const summary = await call('get-product-feedback-summary', JANE, {
          productRef: X,
          months: 3,
        });
        expect(summary).toMatchObject({
          productRef: X,
          months: 3,
          nps: 100,
          responses: 1,
          promoters: 1,
          postCount: 1,
          untriagedOver14Days: 0,
          topPosts: [
            {
              id: post.id,
              title: 'Preview environments',
              status: 'new',
              voteCount: 0,
            },
          ],
        });
        expect(summary.trend).toHaveLength(3);
      });

      it('denies a caller the policy denies, and writes nothing', async () => {
        const before = await count('feedback_posts');
        await expect(
          call('submit-product-feedback', OUTSIDER, {
            entityRef: X,
            type: 'idea',
            title: 'Let me in',
          }),
        ).rejects.toMatchObject({
          name: 'NotAllowedError',
          message: expect.stringContaining('platform-product.feedback.create'),
        });
        // feedback is a person's: a service may not submit any
        await expect(
          call('submit-product-feedback', undefined, {
            entityRef: X,
            type: 'idea',
            title: 'As a robot',
          }),
        ).rejects.toMatchObject({ name: 'NotAllowedError' });
        await expect(
          call('get-product-feedback-summary', OUTSIDER, { productRef: X }),
        ).rejects.toMatchObject({
          name: 'NotAllowedError',
          message: expect.stringContaining('platform-product.feedback.read'),
        });
        expect(await count('feedback_posts')).toBe(before);
      });

      it('answers bad input with an error naming the field, and writes nothing', async () => {
        const [posts, ratings] = [
          await count('feedback_posts'),
          await count('feedback_ratings'),
        ];
        await expect(
          call('submit-product-feedback', ALICE, {
            entityRef: X,
            type: 'rating',
          }),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: 'score is required for a rating',
        });
        await expect(
          call('submit-product-feedback', ALICE, {
            entityRef: X,
            type: 'wish',
            title: 'More',
          }),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining('type must be one of'),
        });
        await expect(
          call('submit-product-feedback', ALICE, {
            entityRef: X,
            type: 'rating',
            score: 11,
          }),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining(
            'score must be an integer from 0 to 10',
          ),
        });
        await expect(
          call('get-product-feedback-summary', JANE, {
            productRef: X,
            months: 5,
          }),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: "months must be 1, 3 or 12, got '5'",
        });
        expect(await count('feedback_posts')).toBe(posts);
        expect(await count('feedback_ratings')).toBe(ratings);
      });

      it("answers the daily limit with its message, as an error the agent's client knows", async () => {
        for (const score of [1, 2, 3]) {
          await call('submit-product-feedback', BOB, {
            entityRef: X,
            type: 'rating',
            score,
          });
        }
        const ratings = await count('feedback_ratings');
        await expect(
          call('submit-product-feedback', BOB, {
            entityRef: X,
            type: 'rating',
            score: 4,
          }),
        ).rejects.toMatchObject({
          name: 'NotAllowedError',
          message:
            'You have given 3 pieces of feedback in the last 24 hours, the most allowed; try again later',
        });
        expect(await count('feedback_ratings')).toBe(ratings);
      });
    });

    describe('create-product-announcement and list-product-announcements', () => {
      it('saves a draft by default, audited with the caller; publishes only when asked', async () => {
        const draft = await call('create-product-announcement', JANE, {
          productRef: X,
          type: 'release',
          title: 'CLI 2.0',
          summary: 'Rollbacks in one command.',
          body: 'Run `x rollback`.',
        });
        expect(draft).toMatchObject({
          productRef: X,
          state: 'draft',
          author: JANE,
          publishedAt: null,
        });
        expect(
          auditEvents.find(
            event =>
              event.eventId === 'announcement-create' &&
              (event.meta as JsonObject).announcementId === draft.id,
          ),
        ).toMatchObject({
          meta: { productRef: X, actor: JANE, via: 'actions-registry' },
          outcome: 'success',
        });

        // a draft is nobody's news yet
        const before = await call('list-product-announcements', ALICE, {
          productRef: X,
        });
        expect(before.items).toEqual([]);

        const published = await call('create-product-announcement', JANE, {
          productRef: X,
          type: 'maintenance',
          title: 'Maintenance on Sunday',
          summary: 'Deploys pause from 8 to 10.',
          body: 'Nothing to do.',
          draft: false,
        });
        expect(published).toMatchObject({ state: 'published' });
        const after = await call('list-product-announcements', ALICE, {
          productRef: X,
        });
        expect(after).toMatchObject({
          totalCount: 1,
          nextCursor: null,
          items: [
            {
              id: published.id,
              type: 'maintenance',
              title: 'Maintenance on Sunday',
              summary: 'Deploys pause from 8 to 10.',
              readByMe: false,
            },
          ],
        });
      });

      it('denies whom the policy denies, and writes nothing', async () => {
        const before = await count('announcements');
        await expect(
          call('create-product-announcement', ALICE, {
            productRef: X,
            type: 'release',
            title: 'Not mine',
            summary: 'No.',
            body: 'No.',
          }),
        ).rejects.toMatchObject({
          name: 'NotAllowedError',
          message: expect.stringContaining(
            'platform-product.announcement.manage',
          ),
        });
        await expect(
          call('list-product-announcements', OUTSIDER, { productRef: X }),
        ).rejects.toMatchObject({ name: 'NotAllowedError' });
        expect(await count('announcements')).toBe(before);
      });

      it('answers bad input with an error naming the field, and writes nothing', async () => {
        const before = await count('announcements');
        await expect(
          call('create-product-announcement', JANE, {
            productRef: X,
            type: 'deprecation',
            title: 'Old API goes',
            summary: 'Move on.',
            body: 'Soon.',
          }),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining('effectiveAt is required'),
        });
        await expect(
          call('list-product-announcements', ALICE, { type: 'gossip' }),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining('type must be one of'),
        });
        expect(await count('announcements')).toBe(before);
      });
    });

    describe('get-product-roadmap and get-product-scorecard', () => {
      it('answer the product roadmap and scorecard', async () => {
        await expect(
          call('get-product-roadmap', ALICE, { productRef: X }),
        ).resolves.toEqual({
          productRef: X,
          items: [],
          history: [],
          lastUpdatedAt: null,
        });
        const card = await call('get-product-scorecard', ALICE, {
          productRef: X,
        });
        expect(card).toMatchObject({ productRef: X });
        expect(card.score).toBeGreaterThanOrEqual(0);
        expect(card.checks).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ id: 'lifecycle', status: 'pass' }),
            expect.objectContaining({
              id: 'vision',
              status: 'fail',
              advice: expect.stringContaining('spec.vision'),
            }),
          ]),
        );
      });

      it('deny a caller the policy denies', async () => {
        for (const name of ['get-product-roadmap', 'get-product-scorecard']) {
          await expect(
            call(name, OUTSIDER, { productRef: X }),
          ).rejects.toMatchObject({
            name: 'NotAllowedError',
            message: expect.stringContaining('platform-product.product.read'),
          });
        }
      });

      it('answer a bad ref with a clear error', async () => {
        for (const name of ['get-product-roadmap', 'get-product-scorecard']) {
          await expect(
            call(name, ALICE, { productRef: 'x' }),
          ).rejects.toMatchObject({
            name: 'InputError',
            message: expect.stringContaining(
              "productRef must be an entity reference like 'kind:namespace/name'",
            ),
          });
        }
      });
    });
  });
});
