// Over ~500 lines on purpose: the roadmap REST surface end to end (one started backend a test,
// from __testUtils__), one describe per route; every bad-input case of the issue has its test
// here, asserting the status, the message and that nothing was written. Notifications and
// anonymity: router.notifications.test.ts.
import { TestDatabases } from '@backstage/backend-test-utils';
import { ROADMAP_TITLE_MAX } from '@platform-product/plugin-platform-product-common';
import {
  ADMIN,
  ALICE,
  BOB,
  CONDY,
  JANE,
  OUTSIDER,
  OWEN,
  READER,
  service,
  startRoadmapBackend,
  X,
  Y,
  Z,
} from '../__testUtils__';

jest.setTimeout(60_000);

describe('roadmap routes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let backend: Awaited<ReturnType<typeof startRoadmapBackend>>;

  beforeEach(async () => {
    backend = await startRoadmapBackend(databases);
  });

  const as = (user: string) => backend.call(user);
  const roadmapOf = async (user: string, productRef = X) => {
    const response = await as(user).get('/roadmap', { productRef });
    expect(response.status).toBe(200);
    return response.body;
  };
  /** A refused request: its status and message, and nothing written. */
  const refusal = (status: number, message: string) => ({
    status,
    message,
    wrote: false,
  });

  /** Fields refused on creation and on change alike. */
  const badFields: Array<[string, object, string]> = [
    [
      'an unknown horizon',
      { horizon: 'soon' },
      "horizon must be one of now, next, later, got 'soon'",
    ],
    [
      'an unknown status',
      { status: 'done' },
      "status must be one of exploring, planned, in-progress, shipped, dropped, got 'done'",
    ],
    [
      'a malformed quarter',
      { targetQuarter: '27-Q1' },
      "targetQuarter must be a quarter like 2027-Q1, got '27-Q1'",
    ],
    [
      'a title over 200 characters',
      { title: 'x'.repeat(ROADMAP_TITLE_MAX + 1) },
      'title must be at most 200 characters, got 201',
    ],
  ];
  const notManagerOfX = refusal(
    403,
    "You are not allowed to update 'platformproduct:default/x' (platform-product.roadmap.manage)",
  );

  describe('GET /roadmap', () => {
    it('answers an empty roadmap for a product without items', async () => {
      await expect(roadmapOf(ALICE)).resolves.toEqual({
        productRef: X,
        items: [],
        history: [],
        lastUpdatedAt: null,
      });
    });

    it('orders open items by horizon and position, closed ones newest first', async () => {
      const later = await backend.roadmapItem({ horizon: 'later', title: 'L' });
      const next = await backend.roadmapItem({ title: 'N1' });
      const now = await backend.roadmapItem({ horizon: 'now', title: 'Now' });
      const next2 = await backend.roadmapItem({ title: 'N2' });
      const shipped = await backend.roadmapItem({ title: 'S' });
      const dropped = await backend.roadmapItem({ title: 'D' });
      await as(JANE).patch(`/roadmap/items/${shipped.id}`, {
        status: 'shipped',
      });
      await as(JANE).patch(`/roadmap/items/${dropped.id}`, {
        status: 'dropped',
      });
      const roadmap = await roadmapOf(ALICE);
      expect(roadmap.items.map((i: { id: string }) => i.id)).toEqual([
        now.id,
        next.id,
        next2.id,
        later.id,
      ]);
      expect(roadmap.history.map((i: { id: string }) => i.id)).toEqual([
        dropped.id,
        shipped.id,
      ]);
      expect(roadmap.history[0]).toMatchObject({
        status: 'dropped',
        closedAt: expect.any(String),
      });
      expect(roadmap.lastUpdatedAt).toBe(roadmap.history[0].updatedAt);
    });

    it('shows demand to anyone who may read the product, the posts only to feedback readers', async () => {
      const item = await backend.roadmapItem();
      const post = await backend.feedbackPost(ALICE, [BOB]);
      await as(JANE).put(`/roadmap/items/${item.id}/links/${post.id}`);
      const [shown] = (await roadmapOf(ALICE)).items;
      expect(shown.demand).toEqual({ posts: 1, people: 2, votes: 1 });
      expect(shown.linkedPosts).toEqual([
        {
          id: post.id,
          entityRef: X,
          type: 'idea',
          title: post.title,
          status: 'planned',
          voteCount: 1,
        },
      ]);
      const [forReader] = (await roadmapOf(READER)).items;
      expect(forReader.demand).toEqual({ posts: 1, people: 2, votes: 1 });
      expect(forReader.linkedPosts).toEqual([]);
    });

    it('shows the five most voted posts of an item; demand counts them all', async () => {
      const item = await backend.roadmapItem();
      const voters = [BOB, OWEN, CONDY, JANE, ADMIN, ALICE];
      for (let i = 0; i < 7; i++) {
        const post = await backend.feedbackPost(ALICE, voters.slice(0, i % 6));
        await as(JANE).put(`/roadmap/items/${item.id}/links/${post.id}`);
      }
      const [shown] = (await roadmapOf(JANE)).items;
      expect(shown.demand).toEqual({ posts: 7, people: 6, votes: 15 });
      expect(
        shown.linkedPosts.map((p: { voteCount: number }) => p.voteCount),
      ).toEqual([5, 4, 3, 2, 1]);
    });

    it('is open to services', async () => {
      await backend.roadmapItem();
      const response = await backend
        .call('')
        .get('/roadmap', { productRef: X })
        .set('Authorization', service());
      expect(response.status).toBe(200);
      expect(response.body.items).toHaveLength(1);
    });

    it.each([
      [{}, 400, 'productRef is required'],
      [
        { productRef: 'platformproduct:default/missing' },
        404,
        "No PlatformProduct 'platformproduct:default/missing' in the catalog",
      ],
    ])('answers %j with %i', async (query, status, message) => {
      const response = await as(ALICE).get('/roadmap', query);
      expect(response.status).toBe(status);
      expect(response.body.error.message).toContain(message);
    });

    it('answers 403 to a caller who may not read the product', async () => {
      const response = await as(OUTSIDER).get('/roadmap', { productRef: X });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        "You are not allowed to read 'platformproduct:default/x' (platform-product.product.read)",
      );
    });
  });

  describe('POST /roadmap/items', () => {
    it('adds an item last in its horizon, made by the caller of the credentials', async () => {
      await backend.roadmapItem({ horizon: 'now' });
      const response = await as(OWEN).post('/roadmap/items', {
        productRef: 'PlatformProduct:x',
        title: ' Canary deploys ',
        description: 'Roll out to **5%** first',
        horizon: 'now',
        status: 'exploring',
        targetQuarter: '2027-Q1',
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        productRef: X,
        title: 'Canary deploys',
        description: 'Roll out to **5%** first',
        horizon: 'now',
        position: 1,
        status: 'exploring',
        targetQuarter: '2027-Q1',
        demand: { posts: 0, people: 0, votes: 0 },
        linkedPosts: [],
        createdBy: OWEN,
        createdAt: expect.any(String),
        updatedAt: response.body.createdAt,
        closedAt: null,
      });
      expect(backend.auditEvents.at(-1)).toEqual({
        eventId: 'roadmap-item-create',
        meta: { itemId: response.body.id, productRef: X },
        outcome: 'success',
      });
    });

    it("lets a product's PM through a conditional decision, on their product only", async () => {
      const response = await as(CONDY).post('/roadmap/items', {
        productRef: Z,
        title: 'Z next',
        horizon: 'next',
      });
      expect(response.status).toBe(201);
      expect(
        await backend.attempt(() =>
          as(CONDY).post('/roadmap/items', {
            productRef: X,
            title: 'Not mine',
            horizon: 'next',
          }),
        ),
      ).toEqual(notManagerOfX);
    });

    it('answers 403 to a user outside the team, and to a service', async () => {
      const body = { productRef: X, title: 'T', horizon: 'now' };
      expect(
        await backend.attempt(() => as(ALICE).post('/roadmap/items', body)),
      ).toEqual(notManagerOfX);
      const response = await backend
        .call('')
        .post('/roadmap/items', body)
        .set('Authorization', service());
      expect(response.status).toBe(403);
    });

    it.each([
      ...badFields,
      [
        'a closed status',
        { status: 'shipped' },
        'status must be an open status (exploring, planned or in-progress)',
      ],
      ['an empty title', { title: '  ' }, 'title must not be empty'],
      ['a position', { position: 0 }, 'Unrecognized key: "position"'],
    ])('answers 400 to %s, writing nothing', async (_case, change, message) => {
      expect(
        await backend.attempt(() =>
          as(JANE).post('/roadmap/items', {
            productRef: X,
            title: 'T',
            horizon: 'now',
            ...change,
          }),
        ),
      ).toEqual(refusal(400, message));
    });

    it('answers 404 for a product that is not in the catalog', async () => {
      expect(
        await backend.attempt(() =>
          as(JANE).post('/roadmap/items', {
            productRef: 'platformproduct:default/missing',
            title: 'T',
            horizon: 'now',
          }),
        ),
      ).toEqual(
        refusal(
          404,
          "No PlatformProduct 'platformproduct:default/missing' in the catalog",
        ),
      );
    });
  });

  describe('PATCH /roadmap/items/:id', () => {
    it('edits fields and moves within and between horizons, each change in the history', async () => {
      const a = await backend.roadmapItem({ horizon: 'now', title: 'A' });
      const b = await backend.roadmapItem({ horizon: 'now', title: 'B' });
      const c = await backend.roadmapItem({ horizon: 'next', title: 'C' });
      const edited = await as(JANE).patch(`/roadmap/items/${a.id}`, {
        title: 'A2',
        targetQuarter: '2027-Q2',
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        title: 'A2',
        targetQuarter: '2027-Q2',
      });
      // C from next to the top of now
      const moved = await as(OWEN).patch(`/roadmap/items/${c.id}`, {
        horizon: 'now',
        position: 0,
      });
      expect(moved.body).toMatchObject({ horizon: 'now', position: 0 });
      // B to the top, within now
      await as(JANE).patch(`/roadmap/items/${b.id}`, { position: 0 });
      const roadmap = await roadmapOf(ALICE);
      expect(
        roadmap.items.map((i: { title: string; position: number }) => [
          i.title,
          i.position,
        ]),
      ).toEqual([
        ['B', 0],
        ['C', 1],
        ['A2', 2],
      ]);
      const history = await as(ALICE).get(`/roadmap/items/${c.id}/history`);
      expect(history.status).toBe(200);
      expect(history.body.entries).toEqual([
        {
          id: expect.any(String),
          itemId: c.id,
          action: 'move',
          actor: OWEN,
          at: moved.body.updatedAt,
          changes: [{ field: 'horizon', from: 'next', to: 'now' }],
        },
        expect.objectContaining({ action: 'create', actor: JANE }),
      ]);
      const aHistory = await as(ALICE).get(`/roadmap/items/${a.id}/history`);
      expect(aHistory.body.entries[0]).toMatchObject({
        action: 'update',
        actor: JANE,
        changes: [
          { field: 'title', from: 'A', to: 'A2' },
          { field: 'targetQuarter', from: null, to: '2027-Q2' },
        ],
      });
      expect(roadmap.lastUpdatedAt).toBe(roadmap.items[0].updatedAt);
      expect(
        backend.auditEvents
          .filter(e => e.eventId === 'roadmap-item-update')
          .map(e => (e.meta as { action: string }).action),
      ).toEqual(['update', 'move', 'move']);
    });

    it('drops an item: its links stay, planned posts go back to acknowledged; it can be reopened', async () => {
      const item = await backend.roadmapItem({ horizon: 'now' });
      const post = await backend.feedbackPost(ALICE);
      await as(JANE).put(`/roadmap/items/${item.id}/links/${post.id}`);
      const dropped = await as(JANE).patch(`/roadmap/items/${item.id}`, {
        status: 'dropped',
      });
      expect(dropped.status).toBe(200);
      expect(dropped.body).toMatchObject({
        status: 'dropped',
        closedAt: expect.any(String),
        demand: { posts: 1 },
      });
      const feedback = await as(ALICE).get(`/feedback/${post.id}`);
      expect(feedback.body).toMatchObject({
        status: 'acknowledged',
        roadmapItem: { id: item.id, status: 'dropped' },
      });
      expect(backend.auditEvents.at(-1)).toMatchObject({
        eventId: 'roadmap-item-drop',
        meta: {
          itemId: item.id,
          productRef: X,
          from: 'planned',
          to: 'dropped',
        },
      });
      const reopened = await as(JANE).patch(`/roadmap/items/${item.id}`, {
        status: 'planned',
        horizon: 'later',
      });
      expect(reopened.body).toMatchObject({
        status: 'planned',
        horizon: 'later',
        position: 0,
        closedAt: null,
      });
      expect((await as(ALICE).get(`/feedback/${post.id}`)).body.status).toBe(
        'planned',
      );
    });

    describe('refuses, writing nothing', () => {
      it.each([
        ...badFields,
        [
          'nothing',
          {},
          'nothing to change: give title, description, horizon, position, status or targetQuarter',
        ],
        ['a negative position', { position: -1 }, 'position must be 0 or more'],
        [
          'a position past the end of its horizon',
          { position: 2 },
          "position 2 is out of range: 'next' has 2 open item(s), so the position goes from 0 to 1",
        ],
        [
          'a position past the end of another horizon',
          { horizon: 'now', position: 1 },
          "position 1 is out of range: 'now' has 0 open item(s), so the position goes from 0 to 0",
        ],
      ])('%s: 400', async (_case, change, message) => {
        const item = await backend.roadmapItem();
        await backend.roadmapItem();
        expect(
          await backend.attempt(() =>
            as(JANE).patch(`/roadmap/items/${item.id}`, change),
          ),
        ).toEqual(refusal(400, message));
      });

      it.each([
        [
          'shipping twice',
          'shipped',
          { status: 'shipped' },
          'is already shipped: an item ships once',
        ],
        [
          'a status the workflow forbids',
          'shipped',
          { status: 'planned' },
          "is shipped: its status cannot go to 'planned'; a shipped item is final (add a new item instead)",
        ],
        [
          'moving a closed item',
          'dropped',
          { horizon: 'now' },
          'is dropped: a closed item cannot be moved; reopen it with an open status first',
        ],
      ])('%s: 409', async (_case, closedAs, change, message) => {
        const item = await backend.roadmapItem();
        await as(JANE).patch(`/roadmap/items/${item.id}`, { status: closedAs });
        expect(
          await backend.attempt(() =>
            as(JANE).patch(`/roadmap/items/${item.id}`, change),
          ),
        ).toEqual(refusal(409, `Roadmap item '${item.id}' ${message}`));
      });

      it('a missing item: 404; a caller outside the team: 403', async () => {
        expect(
          await backend.attempt(() =>
            as(JANE).patch('/roadmap/items/missing', { title: 'T' }),
          ),
        ).toEqual(refusal(404, "No roadmap item 'missing'"));
        const item = await backend.roadmapItem();
        expect(
          await backend.attempt(() =>
            as(ALICE).patch(`/roadmap/items/${item.id}`, { title: 'T' }),
          ),
        ).toEqual(notManagerOfX);
      });
    });
  });

  describe('DELETE /roadmap/items/:id', () => {
    it('deletes an item, closes the gap and lets go of its posts', async () => {
      const a = await backend.roadmapItem({ horizon: 'now' });
      const b = await backend.roadmapItem({ horizon: 'now' });
      const post = await backend.feedbackPost(ALICE);
      await as(JANE).put(`/roadmap/items/${a.id}/links/${post.id}`);
      const response = await as(OWEN).delete(`/roadmap/items/${a.id}`);
      expect(response.status).toBe(204);
      const roadmap = await roadmapOf(ALICE);
      expect(roadmap.items).toMatchObject([{ id: b.id, position: 0 }]);
      expect((await as(ALICE).get(`/feedback/${post.id}`)).body).toMatchObject({
        status: 'acknowledged',
        roadmapItem: null,
      });
      expect(backend.auditEvents.at(-1)).toMatchObject({
        eventId: 'roadmap-item-delete',
        outcome: 'success',
      });
      expect(
        await backend.attempt(() => as(OWEN).delete(`/roadmap/items/${a.id}`)),
      ).toEqual(refusal(404, `No roadmap item '${a.id}'`));
      expect(
        await backend.attempt(() => as(BOB).delete(`/roadmap/items/${b.id}`)),
      ).toEqual(notManagerOfX);
    });
  });

  describe('PUT|DELETE /roadmap/items/:id/links/:feedbackId', () => {
    it('links an open post (planned now), shows the item on the post, and unlinks it', async () => {
      const item = await backend.roadmapItem({ targetQuarter: '2027-Q1' });
      const post = await backend.feedbackPost(ALICE, [BOB], {
        entityRef: 'component:default/x-cli',
      });
      const linked = await as(JANE).put(
        `/roadmap/items/${item.id}/links/${post.id}`,
      );
      expect(linked.status).toBe(200);
      expect(linked.body).toMatchObject({
        postStatus: 'planned',
        item: {
          demand: { posts: 1, people: 2, votes: 1 },
          linkedPosts: [{ id: post.id, entityRef: 'component:default/x-cli' }],
        },
      });
      const summary = {
        id: item.id,
        title: 'Dark mode',
        status: 'planned',
        horizon: 'next',
        targetQuarter: '2027-Q1',
      };
      const list = await as(BOB).get('/feedback', { productRef: X });
      expect(list.body.items).toMatchObject([
        { id: post.id, roadmapItem: summary },
      ]);
      const ratings = await as(BOB).get('/feedback', {
        productRef: X,
        type: 'rating',
      });
      expect(ratings.status).toBe(200);
      expect(
        (await as(BOB).get(`/feedback/${post.id}`)).body.roadmapItem,
      ).toEqual(summary);
      // linking again changes nothing
      const again = await as(JANE).put(
        `/roadmap/items/${item.id}/links/${post.id}`,
      );
      expect(again.body.item.demand).toEqual({ posts: 1, people: 2, votes: 1 });

      const unlinked = await as(JANE).delete(
        `/roadmap/items/${item.id}/links/${post.id}`,
      );
      expect(unlinked.status).toBe(200);
      expect(unlinked.body).toMatchObject({
        postStatus: 'acknowledged',
        item: { demand: { posts: 0, people: 0, votes: 0 }, linkedPosts: [] },
      });
      expect(
        (await as(BOB).get(`/feedback/${post.id}`)).body.roadmapItem,
      ).toBeNull();
      const history = await as(ALICE).get(`/roadmap/items/${item.id}/history`);
      expect(
        history.body.entries.map((e: { action: string; changes: unknown }) => [
          e.action,
          e.changes,
        ]),
      ).toEqual([
        ['unlink', [{ field: 'unlink', from: post.id }]],
        ['link', [{ field: 'link', to: post.id }]],
        ['create', expect.any(Array)],
      ]);
      expect(
        backend.auditEvents
          .filter(e => e.eventId.startsWith('roadmap-item-'))
          .map(e => e.eventId),
      ).toEqual([
        'roadmap-item-create',
        'roadmap-item-link',
        'roadmap-item-link',
        'roadmap-item-unlink',
      ]);
    });

    it('moves a post linked to another item, and keeps a post in progress as it is', async () => {
      const a = await backend.roadmapItem();
      const b = await backend.roadmapItem();
      const post = await backend.feedbackPost(ALICE, [BOB]);
      await as(JANE).patch(`/feedback/${post.id}`, { status: 'in-progress' });
      await as(JANE).put(`/roadmap/items/${a.id}/links/${post.id}`);
      const moved = await as(JANE).put(
        `/roadmap/items/${b.id}/links/${post.id}`,
      );
      expect(moved.body).toMatchObject({
        postStatus: 'in-progress',
        item: { id: b.id, demand: { posts: 1, people: 2 } },
      });
      const roadmap = await roadmapOf(ALICE);
      expect(
        roadmap.items.map((i: { demand: { posts: number } }) => i.demand.posts),
      ).toEqual([0, 1]);
    });

    describe('refuses, writing nothing', () => {
      it('a missing post: 404; a rating: 400; a missing item: 404', async () => {
        const item = await backend.roadmapItem();
        expect(
          await backend.attempt(() =>
            as(JANE).put(`/roadmap/items/${item.id}/links/missing`),
          ),
        ).toEqual(refusal(404, "No feedback post 'missing'"));
        const rating = await as(ALICE).post('/feedback', {
          entityRef: X,
          type: 'rating',
          score: 9,
        });
        expect(
          await backend.attempt(() =>
            as(JANE).put(`/roadmap/items/${item.id}/links/${rating.body.id}`),
          ),
        ).toEqual(
          refusal(
            400,
            `'${rating.body.id}' is a rating: only feedback posts can be linked to a roadmap item`,
          ),
        );
        const post = await backend.feedbackPost(ALICE);
        expect(
          await backend.attempt(() =>
            as(JANE).put(`/roadmap/items/missing/links/${post.id}`),
          ),
        ).toEqual(refusal(404, "No roadmap item 'missing'"));
      });

      it('a post of another product: 400', async () => {
        const item = await backend.roadmapItem();
        const other = await backend.feedbackPost(ALICE, [], { entityRef: Y });
        expect(
          await backend.attempt(() =>
            as(JANE).put(`/roadmap/items/${item.id}/links/${other.id}`),
          ),
        ).toEqual(
          refusal(
            400,
            `Feedback post '${other.id}' is about '${Y}', not '${X}': an item carries posts on its own product or its parts`,
          ),
        );
      });

      it('a duplicate or declined post, or a closed item: 409', async () => {
        const item = await backend.roadmapItem();
        const original = await backend.feedbackPost(ALICE);
        const duplicate = await backend.feedbackPost(BOB);
        await as(JANE).patch(`/feedback/${duplicate.id}`, {
          status: 'duplicate',
          duplicateOf: original.id,
        });
        expect(
          await backend.attempt(() =>
            as(JANE).put(`/roadmap/items/${item.id}/links/${duplicate.id}`),
          ),
        ).toEqual(
          refusal(
            409,
            `Feedback post '${duplicate.id}' is a duplicate of '${original.id}': link the post it duplicates`,
          ),
        );
        await as(JANE).patch(`/feedback/${original.id}`, {
          status: 'declined',
        });
        expect(
          await backend.attempt(() =>
            as(JANE).put(`/roadmap/items/${item.id}/links/${original.id}`),
          ),
        ).toEqual(
          refusal(
            409,
            `Feedback post '${original.id}' was declined: reopen it (acknowledged) before linking it`,
          ),
        );
        const open = await backend.feedbackPost(OWEN);
        await as(JANE).patch(`/roadmap/items/${item.id}`, {
          status: 'shipped',
        });
        expect(
          await backend.attempt(() =>
            as(JANE).put(`/roadmap/items/${item.id}/links/${open.id}`),
          ),
        ).toEqual(
          refusal(
            409,
            `Roadmap item '${item.id}' is shipped: posts are linked to open items only`,
          ),
        );
      });

      it('a caller outside the team: 403; a service: 403', async () => {
        const item = await backend.roadmapItem();
        const post = await backend.feedbackPost(ALICE);
        expect(
          await backend.attempt(() =>
            as(ALICE).put(`/roadmap/items/${item.id}/links/${post.id}`),
          ),
        ).toEqual(notManagerOfX);
        const response = await backend
          .call('')
          .put(`/roadmap/items/${item.id}/links/${post.id}`)
          .set('Authorization', service());
        expect(response.status).toBe(403);
      });
    });
  });

  describe('GET /roadmap/items/:id/history', () => {
    it('answers 404 for a missing item and 403 to a caller who may not read the product', async () => {
      const item = await backend.roadmapItem();
      expect(
        (await as(ALICE).get('/roadmap/items/missing/history')).status,
      ).toBe(404);
      const denied = await as(OUTSIDER).get(
        `/roadmap/items/${item.id}/history`,
      );
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain(
        'platform-product.product.read',
      );
    });
  });
});
