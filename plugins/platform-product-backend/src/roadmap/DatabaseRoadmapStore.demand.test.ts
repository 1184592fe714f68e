import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { DatabaseFeedbackStore } from '../feedback/DatabaseFeedbackStore';
import { OTHER, post } from '../__testUtils__/feedbackRows';
import {
  addItems,
  demandOf,
  item,
  roadmapStores,
  T0,
  writer,
} from '../__testUtils__/roadmapRows';
import { DatabaseRoadmapStore } from './DatabaseRoadmapStore';

jest.setTimeout(60_000);

const user = (name: string) => `user:default/${name}`;
const by = (name: string, extra: object = {}) =>
  post({ authorRef: user(name), authorHash: `hash-${name}`, ...extra });
const anonymously = (name: string) =>
  by(name, {
    anonymous: true,
    authorRef: null,
    authorRefEncrypted: `encrypted-${name}`,
  });
const allowed = () => {};

/** Posts per status as the list counts say, and as the rows say. */
async function statusCounts(knex: Knex) {
  type Count = { status: string; count: unknown };
  const kept: Count[] = await knex('feedback_post_counts')
    .groupBy('status')
    .select('status')
    .sum({ count: 'count' });
  const rows: Count[] = await knex('feedback_posts')
    .groupBy('status')
    .select('status')
    .count({ count: '*' });
  const asMap = (list: Count[]) =>
    Object.fromEntries(
      list
        .map(row => [row.status, Number(row.count)] as const)
        .filter(([, count]) => count !== 0),
    );
  return { kept: asMap(kept), fromRows: asMap(rows) };
}

describe('DatabaseRoadmapStore: links and demand', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  let knex: Knex;
  let roadmap: DatabaseRoadmapStore;
  let feedback: DatabaseFeedbackStore;

  async function setup(databaseId: TestDatabaseId) {
    ({ knex, roadmap, feedback } = await roadmapStores(databases, databaseId));
  }

  /** The counters and weights kept on write are what the rows say. */
  async function expectExact(itemId: string) {
    const demand = await demandOf(knex, itemId);
    expect(demand.kept).toEqual(demand.fromRows);
    return demand.kept;
  }

  const link = (itemId: string, postId: string, at = T0) =>
    roadmap.linkPost(itemId, postId, allowed, writer(at));

  it.each(databases.eachSupportedId())(
    'keeps demand equal to what the rows say through links, votes, moves and deletions, %p',
    async databaseId => {
      await setup(databaseId);
      const [a, b] = await addItems(roadmap, [item(), item()]);
      const p1 = await feedback.addPost(by('ann'));
      const p2 = await feedback.addPost(anonymously('bob'));
      const p3 = await feedback.addPost(by('cid'));
      await feedback.addVote(p1.id, user('bob'));
      await feedback.addVote(p1.id, user('dan'));
      await feedback.addVote(p2.id, user('ann'));
      await feedback.addVote(p3.id, user('ann'));

      await link(a.id, p1.id);
      expect(await expectExact(a.id)).toMatchObject({
        posts: 1,
        votes: 2,
        people: 3,
      });
      // bob wrote p2 anonymously and voted on p1: one person; ann too
      await link(a.id, p2.id);
      expect(await expectExact(a.id)).toMatchObject({
        posts: 2,
        votes: 3,
        people: 3,
      });
      await feedback.addVote(p2.id, user('eve'));
      await feedback.addVote(p2.id, user('eve')); // idempotent
      expect((await expectExact(a.id)).people).toBe(4);
      await feedback.removeVote(p1.id, user('dan'));
      await feedback.removeVote(p1.id, user('dan'));
      expect((await expectExact(a.id)).people).toBe(3);
      // an author voting for their own post is still one person
      await feedback.addVote(p1.id, user('ann'));
      expect(await expectExact(a.id)).toMatchObject({ votes: 4, people: 3 });

      // a post moves from the item that carried it
      await link(b.id, p3.id);
      expect((await expectExact(b.id)).people).toBe(2);
      const moved = await link(a.id, p3.id);
      expect(moved).toMatchObject({ previousItemId: b.id, changed: true });
      expect(await expectExact(b.id)).toMatchObject({ posts: 0, people: 0 });
      expect(await expectExact(a.id)).toMatchObject({ posts: 3, people: 4 });
      await expect(roadmap.history(b.id)).resolves.toMatchObject([
        { action: 'unlink', changes: [{ field: 'unlink', from: p3.id }] },
        { action: 'link', changes: [{ field: 'link', to: p3.id }] },
        { action: 'create' },
      ]);
      // linking again changes nothing
      await expect(link(a.id, p3.id)).resolves.toMatchObject({
        changed: false,
      });

      // a moderator deletes a linked post: its people stay where they count elsewhere (bob
      // wrote p2, ann voted on it)
      await feedback.deletePost(p1.id);
      expect(await expectExact(a.id)).toMatchObject({
        posts: 2,
        votes: 3,
        people: 4,
      });
      await roadmap.unlinkPost(a.id, p2.id, writer());
      expect(await expectExact(a.id)).toMatchObject({
        posts: 1,
        votes: 1,
        people: 2,
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    "moves the posts' statuses with their feedback counters: link, unlink, ship, %p",
    async databaseId => {
      await setup(databaseId);
      const [a] = await addItems(roadmap, [item()]);
      const fresh = await feedback.addPost(by('ann'));
      const started = await feedback.addPost(by('bob'));
      await feedback.updatePost(started.id, {
        status: { from: 'new', to: 'in-progress' },
        updatedAt: T0,
      });
      await expect(link(a.id, fresh.id)).resolves.toMatchObject({
        post: { status: 'planned', roadmapItemId: a.id },
      });
      await expect(link(a.id, started.id)).resolves.toMatchObject({
        post: { status: 'in-progress' },
      });
      const counts = await statusCounts(knex);
      expect(counts.kept).toEqual(counts.fromRows);
      expect(counts.kept).toEqual({ planned: 1, 'in-progress': 1 });

      await roadmap.unlinkPost(a.id, fresh.id, writer());
      await expect(feedback.getPost(fresh.id)).resolves.toMatchObject({
        status: 'acknowledged',
        roadmapItemId: null,
      });
      await link(a.id, fresh.id);

      const extra = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          feedback.addPost(by(`u${i}`, { type: i % 2 ? 'idea' : 'problem' })),
        ),
      );
      for (const one of extra) await link(a.id, one.id);
      const shipped = await roadmap.updateItem(
        a.id,
        () => ({
          action: 'ship',
          status: 'shipped',
          linkedPosts: {
            from: ['new', 'acknowledged', 'planned', 'in-progress'],
            to: 'done',
          },
        }),
        writer(T0 + 1),
      );
      expect(shipped).toMatchObject({ status: 'shipped', closedAt: T0 + 1 });
      const after = await statusCounts(knex);
      expect(after.kept).toEqual(after.fromRows);
      expect(after.kept).toEqual({ done: 32 });
      // the posts' "still new" metrics moved with them
      const [{ fresh: stillNew }] = await knex('feedback_post_months').sum({
        fresh: 'new_posts',
      });
      expect(Number(stillNew)).toBe(0);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a link the check refuses, writing nothing, %p',
    async databaseId => {
      await setup(databaseId);
      const [a] = await addItems(roadmap, [item()]);
      const p = await feedback.addPost(by('ann', { productRef: OTHER }));
      await expect(
        roadmap.linkPost(
          a.id,
          p.id,
          (current, carried) => {
            if (carried.productRef !== current.productRef) {
              throw new ConflictError('another product');
            }
          },
          writer(),
        ),
      ).rejects.toThrow('another product');
      await expect(feedback.getPost(p.id)).resolves.toMatchObject({
        status: 'new',
        roadmapItemId: null,
      });
      expect(await expectExact(a.id)).toMatchObject({ posts: 0 });
      await expect(roadmap.history(a.id)).resolves.toHaveLength(1);
      await expect(link(a.id, 'missing')).resolves.toBeUndefined();
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'counts each person once under concurrent votes, unvotes and links, %p',
    async databaseId => {
      await setup(databaseId);
      const [a] = await addItems(roadmap, [item()]);
      const posts = await Promise.all(
        ['ann', 'bob', 'cid'].map(name => feedback.addPost(by(name))),
      );
      const voters = Array.from({ length: 12 }, (_, i) => user(`v${i}`));
      await Promise.all(
        voters.slice(0, 6).map(voter => feedback.addVote(posts[0].id, voter)),
      );
      // votes on all three posts while they are being linked, and some taken back
      await Promise.all([
        ...posts.map(one => link(a.id, one.id)),
        ...voters.flatMap(voter =>
          posts.map(one => feedback.addVote(one.id, voter)),
        ),
        ...voters
          .slice(0, 4)
          .map(voter => feedback.removeVote(posts[0].id, voter)),
      ]);
      const kept = await expectExact(a.id);
      expect(kept.posts).toBe(3);
      expect(kept.people).toBe(3 + 12);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'shows the most voted visible posts of each item, and who is behind them, %p',
    async databaseId => {
      await setup(databaseId);
      const [a, b] = await addItems(roadmap, [item(), item()]);
      const posts = [];
      for (const [i, name] of ['ann', 'bob', 'cid', 'dan'].entries()) {
        const one = await feedback.addPost(
          i === 3 ? anonymously(name) : by(name),
        );
        for (let v = 0; v < i; v++)
          await feedback.addVote(one.id, user(`v${v}`));
        await link(i < 3 ? a.id : b.id, one.id);
        posts.push(one);
      }
      await feedback.updatePost(posts[2].id, { hidden: true, updatedAt: T0 });
      const top = await roadmap.topLinkedPosts([a.id, b.id], 1);
      expect(top.map(one => [one.itemId, one.id, one.voteCount])).toEqual([
        [a.id, posts[1].id, 1],
        [b.id, posts[3].id, 3],
      ]);
      const people = await roadmap.peopleOf(a.id);
      expect(people.named.sort()).toEqual(
        [user('ann'), user('bob'), user('cid'), user('v0'), user('v1')].sort(),
      );
      expect(people.anonymousAuthors).toEqual([]);
      await expect(roadmap.peopleOf(b.id)).resolves.toEqual({
        named: expect.arrayContaining([user('v0'), user('v1'), user('v2')]),
        anonymousAuthors: ['encrypted-dan'],
      });
      await expect(roadmap.summaries([a.id, 'missing'])).resolves.toEqual(
        new Map([
          [
            a.id,
            {
              id: a.id,
              title: a.title,
              status: 'planned',
              horizon: 'next',
              targetQuarter: null,
            },
          ],
        ]),
      );
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'lets go of the posts of a deleted item: planned back to acknowledged, %p',
    async databaseId => {
      await setup(databaseId);
      const [a] = await addItems(roadmap, [item()]);
      const p = await feedback.addPost(by('ann'));
      await feedback.addVote(p.id, user('bob'));
      await link(a.id, p.id);
      await roadmap.deleteItem(a.id, writer());
      await expect(feedback.getPost(p.id)).resolves.toMatchObject({
        status: 'acknowledged',
        roadmapItemId: null,
      });
      await expect(knex('roadmap_item_people')).resolves.toEqual([]);
      // a vote after that moves no demand of a gone item
      await expect(feedback.addVote(p.id, user('cid'))).resolves.toBe(2);
      const counts = await statusCounts(knex);
      expect(counts.kept).toEqual(counts.fromRows);
      await knex.destroy();
    },
  );
});
