import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  ADMIN,
  ALICE,
  BOB,
  CONDY,
  JANE,
  OWEN,
  startRoadmapBackend,
  until,
  X,
} from '../__testUtils__';
import { AuthorIdentity } from '../feedback/AuthorIdentity';
import { chunks } from '../shared/chunks';

jest.setTimeout(60_000);

const LINK = (itemId: string) =>
  `/catalog/default/platformproduct/x/roadmap?item=${itemId}`;

/** Each recipient of these sends, with how many of them reached them. */
function recipientsOf(sends: NotificationSendOptions[]) {
  const counts = new Map<string, number>();
  for (const send of sends) {
    const { entityRef } = send.recipients as { entityRef: string[] };
    for (const ref of entityRef) counts.set(ref, (counts.get(ref) ?? 0) + 1);
  }
  return counts;
}

describe('roadmap notifications', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let backend: Awaited<ReturnType<typeof startRoadmapBackend>>;

  beforeEach(async () => {
    backend = await startRoadmapBackend(databases);
  });

  const as = (user: string) => backend.call(user);
  const shipNotices = () =>
    backend.sent.filter(send => send.payload.title.startsWith('You asked'));

  it('tells the author and voters of a linked post once each which item carries it, not the PM', async () => {
    const item = await backend.roadmapItem({ targetQuarter: '2027-Q1' });
    const post = await backend.feedbackPost(ALICE, [BOB, OWEN, JANE, ALICE]);
    await as(JANE).put(`/roadmap/items/${item.id}/links/${post.id}`);
    expect(backend.sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: expect.arrayContaining([ALICE, BOB, OWEN]),
        },
        payload: {
          title: 'On the roadmap: Dark mode',
          description: `"${post.title}" is now carried by "Dark mode" (next, 2027-Q1) on the roadmap of Product X.`,
          link: LINK(item.id),
          topic: 'platform-product-roadmap',
        },
      },
    ]);
    expect(recipientsOf(backend.sent)).toEqual(
      new Map([ALICE, BOB, OWEN].map(ref => [ref, 1])),
    );
    // linking again tells nobody again
    await as(JANE).put(`/roadmap/items/${item.id}/links/${post.id}`);
    expect(backend.sent).toHaveLength(1);
  });

  it('ships: every linked post done, every author and voter told once, the anonymous author alone and unnamed', async () => {
    const item = await backend.roadmapItem();
    // ALICE wrote one post and voted on the two others; CONDY wrote one anonymously
    const p1 = await backend.feedbackPost(ALICE, [BOB, ADMIN]);
    const p2 = await backend.feedbackPost(BOB, [ALICE, ADMIN]);
    const p3 = await backend.feedbackPost(CONDY, [ALICE], {
      anonymous: true,
      title: 'Faster rollbacks',
    });
    for (const post of [p1, p2, p3]) {
      await as(JANE).put(`/roadmap/items/${item.id}/links/${post.id}`);
    }
    const bodies: unknown[] = [];
    const shipped = await as(JANE).patch(`/roadmap/items/${item.id}`, {
      status: 'shipped',
    });
    bodies.push(shipped.body);
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({
      status: 'shipped',
      demand: { posts: 3, people: 4, votes: 5 },
    });
    expect(
      shipped.body.linkedPosts.map((p: { status: string }) => p.status),
    ).toEqual(['done', 'done', 'done']);
    expect(backend.auditEvents.at(-1)).toMatchObject({
      eventId: 'roadmap-item-ship',
      meta: { itemId: item.id, productRef: X, from: 'planned', to: 'shipped' },
      outcome: 'success',
    });

    await until(() => recipientsOf(shipNotices()).size === 4);
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(recipientsOf(shipNotices())).toEqual(
      new Map([ALICE, BOB, ADMIN, CONDY].map(ref => [ref, 1])),
    );
    const payload = {
      title: 'You asked, we shipped: Dark mode',
      description:
        'Product X has shipped "Dark mode", which you asked for or voted for. Thank you!',
      link: LINK(item.id),
      topic: 'platform-product-roadmap',
      scope: `platform-product:roadmap:${item.id}:shipped`,
    };
    expect(shipNotices().map(send => send.payload)).toEqual([payload, payload]);
    // the anonymous author's notification is their own
    expect(
      shipNotices().filter(send =>
        JSON.stringify(send.recipients).includes(CONDY),
      ),
    ).toEqual([
      { recipients: { type: 'entity', entityRef: [CONDY] }, payload },
    ]);

    // the anonymous author appears in no answer, history, export, audit event, log or row,
    // nor in anyone else's notification
    for (const get of [
      as(JANE).get('/roadmap', { productRef: X }),
      as(JANE).get(`/roadmap/items/${item.id}/history`),
      as(JANE).get('/feedback', { productRef: X }),
      as(JANE).get(`/feedback/${p3.id}`),
      as(JANE).get('/feedback/export', { productRef: X }),
    ]) {
      const response = await get;
      expect(response.status).toBe(200);
      bodies.push(response.body, response.text);
    }
    for (const post of [p1, p2, p3]) {
      const response = await as(ALICE).get(`/feedback/${post.id}`);
      expect(response.body.status).toBe('done');
      expect(response.body.roadmapItem).toMatchObject({ status: 'shipped' });
    }
    const leaks = (value: unknown) =>
      /condy/i.test(JSON.stringify(value ?? ''));
    expect(bodies.filter(leaks)).toEqual([]);
    expect(
      backend.sent
        .filter(
          send =>
            JSON.stringify(send.recipients) !==
            JSON.stringify({ type: 'entity', entityRef: [CONDY] }),
        )
        .filter(leaks),
    ).toEqual([]);
    expect(backend.auditEvents.filter(leaks)).toEqual([]);
    expect(backend.logLines.filter(line => /condy/i.test(line))).toEqual([]);
    const rows = [
      ...(await backend.knex('roadmap_items')),
      ...(await backend.knex('roadmap_item_history')),
      ...(await backend.knex('roadmap_item_people')),
    ];
    expect(rows.filter(leaks)).toEqual([]);
  });

  it('ships an item of 2,000 posts and 10,000 people at once: each told once, in chunks', async () => {
    const item = await backend.roadmapItem();
    const identity = new AuthorIdentity('test secret');
    const authors = Array.from(
      { length: 2000 },
      (_, i) => `user:default/a${i}`,
    );
    const voters = Array.from({ length: 8000 }, (_, i) => `user:default/v${i}`);
    const posts = authors.map((author, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      product_ref: X,
      entity_ref: X,
      type: 'idea',
      title: `Idea ${i}`,
      status: 'planned',
      anonymous: false,
      author_ref: author,
      author_hash: identity.hash(author),
      vote_count: 5,
      roadmap_item_id: item.id,
      created_at: 1,
      updated_at: 1,
    }));
    // four voters a post, and each author votes for the next post
    const votes = [
      ...voters.map((voter, i) => ({
        post_id: posts[i % 2000].id,
        voter_ref: voter,
        created_at: 1,
      })),
      ...authors.map((author, i) => ({
        post_id: posts[(i + 1) % 2000].id,
        voter_ref: author,
        created_at: 1,
      })),
    ];
    const { knex } = backend;
    for (const part of chunks(posts, 200))
      await knex('feedback_posts').insert(part);
    for (const part of chunks(votes, 300))
      await knex('feedback_votes').insert(part);

    // its time is the bench's (bench/scenarios/roadmap.mjs), not a test's
    const shipped = await as(JANE).patch(`/roadmap/items/${item.id}`, {
      status: 'shipped',
    });
    expect(shipped.status).toBe(200);

    await until(() => recipientsOf(shipNotices()).size === 10_000);
    await new Promise(resolve => setTimeout(resolve, 200));
    const counts = recipientsOf(shipNotices());
    expect(counts.size).toBe(10_000);
    expect([...counts.values()].every(count => count === 1)).toBe(true);
    expect(shipNotices()).toHaveLength(20);
    await expect(
      knex('feedback_posts').where('status', 'done').count({ c: '*' }),
    ).resolves.toEqual([{ c: 2000 }]);
  });

  it('tells again, once, the people a failed send missed: the scheduled task retries the untold shipment', async () => {
    const sent: NotificationSendOptions[] = [];
    let failing = true;
    const scheduler = mockServices.scheduler();
    const flaky = await startRoadmapBackend(databases, {
      scheduler,
      notifications: {
        send: async options => {
          if (failing && options.payload.title.startsWith('You asked')) {
            failing = false;
            throw new Error('notifications backend restarting');
          }
          sent.push(options);
        },
      },
    });
    const item = await flaky.roadmapItem();
    const post = await flaky.feedbackPost(ALICE, [BOB, OWEN]);
    await flaky.call(JANE).put(`/roadmap/items/${item.id}/links/${post.id}`);
    const shipped = await flaky
      .call(JANE)
      .patch(`/roadmap/items/${item.id}`, { status: 'shipped' });
    expect(shipped.status).toBe(200);
    const told = () =>
      flaky
        .knex('roadmap_items')
        .where({ id: item.id })
        .first('ship_notified_at');
    const delivered = () =>
      sent.filter(send => send.payload.title.startsWith('You asked'));

    await until(async () => !failing);
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(delivered()).toEqual([]);
    await expect(told()).resolves.toEqual({ ship_notified_at: null });

    // two minutes later, the task tells them; a later run tells nobody again
    await flaky
      .knex('roadmap_items')
      .where({ id: item.id })
      .update({ closed_at: Date.now() - 3 * 60_000 });
    await scheduler.triggerTask('platform-product-roadmap-shipments');
    await until(async () => delivered().length > 0);
    await scheduler.triggerTask('platform-product-roadmap-shipments');
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(recipientsOf(delivered())).toEqual(
      new Map([ALICE, BOB, OWEN].map(ref => [ref, 1])),
    );
    expect(delivered()[0].payload.scope).toBe(
      `platform-product:roadmap:${item.id}:shipped`,
    );
    expect((await told())?.ship_notified_at).toEqual(expect.any(Number));
  });
});
