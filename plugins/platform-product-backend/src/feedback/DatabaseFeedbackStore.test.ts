// Over ~500 lines on purpose: one suite for the store's one interface, each case run on every engine
// (TestDatabases) against one migrated database per engine; split files would migrate again each.
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../__testUtils__/database';
import { DatabaseFeedbackStore } from './DatabaseFeedbackStore';
import { WriteLimitReached } from './FeedbackStore';
import {
  APRIL,
  DAY,
  HOUR,
  MARCH,
  nextId,
  OTHER,
  P,
  post,
  rating,
  personKey,
} from '../__testUtils__/feedbackRows';

jest.setTimeout(60_000);

describe('DatabaseFeedbackStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await migratedDatabase(databases, databaseId);
    return { knex, store: DatabaseFeedbackStore.create(knex, { personKey }) };
  }

  it.each(databases.eachSupportedId())(
    "counts each user's latest rating of a month once, keeping every rating as history, %p",
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.addRating(rating('a', 10));
      await store.addRating(rating('b', 7));
      await store.addRating(rating('c', 3));
      // a re-rates in March: promoter -> detractor
      await store.addRating(rating('a', 2, MARCH + HOUR));
      // same bucket again: no change
      await store.addRating(rating('b', 8, MARCH + 2 * HOUR));
      // April is another month; another product is elsewhere
      await store.addRating(rating('a', 9, APRIL));
      await store.addRating(rating('a', 0, MARCH, { productRef: OTHER }));

      await expect(
        store.npsByMonth(P, ['2026-02', '2026-03', '2026-04']),
      ).resolves.toEqual([
        { month: '2026-02', promoters: 0, passives: 0, detractors: 0 },
        { month: '2026-03', promoters: 0, passives: 1, detractors: 2 },
        { month: '2026-04', promoters: 1, passives: 0, detractors: 0 },
      ]);
      await expect(store.npsByMonth(OTHER, ['2026-03'])).resolves.toEqual([
        { month: '2026-03', promoters: 0, passives: 0, detractors: 1 },
      ]);
      const history = await store.listRatings({ productRef: P, limit: 100 });
      expect(history.totalCount).toBe(6);
      expect(history.items.map(r => r.score)).toEqual([9, 8, 2, 3, 7, 10]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the NPS counts right under concurrent ratings of the same users, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const scores = [10, 3, 8, 9, 0, 7, 10, 1];
      await Promise.all(
        scores.flatMap((score, i) => [
          store.addRating(rating(`u${i % 3}`, score, MARCH + i)),
          store.addRating(rating(`v${i}`, score, MARCH + i)),
        ]),
      );
      const [counts] = await store.npsByMonth(P, ['2026-03']);
      const latest = await knex('feedback_latest_ratings').where({
        product_ref: P,
      });
      expect(latest).toHaveLength(3 + scores.length);
      const bucket = (s: number) => {
        if (s >= 9) return 'promoters';
        return s >= 7 ? 'passives' : 'detractors';
      };
      const expected = { promoters: 0, passives: 0, detractors: 0 };
      latest.forEach(row => expected[bucket(Number(row.score))]++);
      expect(counts).toEqual({ month: '2026-03', ...expected });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'lists ratings by recency with keyset pages, search and author filter, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      for (let i = 0; i < 5; i++) {
        await store.addRating(
          rating(`u${i}`, i, MARCH + i * HOUR, {
            comment: i % 2 ? `100% slow ${i}` : null,
          }),
        );
      }
      const first = await store.listRatings({ productRef: P, limit: 2 });
      expect(first.items.map(r => r.score)).toEqual([4, 3]);
      expect(first.totalCount).toBe(5);
      const second = await store.listRatings({
        productRef: P,
        limit: 2,
        cursor: first.nextCursor!,
      });
      expect(second.items.map(r => r.score)).toEqual([2, 1]);
      const last = await store.listRatings({
        productRef: P,
        limit: 2,
        cursor: second.nextCursor!,
      });
      expect(last.items.map(r => r.score)).toEqual([0]);
      expect(last.nextCursor).toBeNull();

      const searched = await store.listRatings({
        productRef: P,
        limit: 10,
        q: '100% SLOW',
      });
      expect(searched.items.map(r => r.score)).toEqual([3, 1]);
      expect(searched.totalCount).toBe(2);
      await expect(
        store.listRatings({ productRef: P, limit: 10, q: '0%s' }),
      ).resolves.toMatchObject({ totalCount: 0 });

      const mine = await store.listRatings({
        productRef: P,
        limit: 10,
        authorHash: 'hash-u2',
      });
      expect(mine.items.map(r => r.score)).toEqual([2]);
      await expect(store.getRating(mine.items[0].id)).resolves.toEqual(
        mine.items[0],
      );
      await expect(store.getRating('missing')).resolves.toBeUndefined();
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'adds, reads and pages posts by recency and by votes, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const created = await store.addPost(
        post({ anonymous: true, authorRef: null, authorRefEncrypted: 'enc' }),
      );
      expect(created).toMatchObject({
        status: 'new',
        voteCount: 0,
        replyCount: 0,
        hidden: false,
        duplicateOf: null,
        firstTeamReplyAt: null,
      });
      await expect(store.getPost(created.id)).resolves.toEqual(created);
      await expect(store.getPost('missing')).resolves.toBeUndefined();

      const ids = [created.id];
      for (let i = 1; i < 7; i++) {
        ids.push((await store.addPost(post({ createdAt: MARCH + i }))).id);
      }
      // votes: post 3 gets 3, post 1 and 5 get 2 each, post 6 gets 1
      const votes: Array<[number, number]> = [
        [3, 3],
        [1, 2],
        [5, 2],
        [6, 1],
      ];
      for (const [index, count] of votes) {
        for (let v = 0; v < count; v++) {
          await store.addVote(ids[index], `user:default/v${v}`);
        }
      }

      const collect = async (sort: 'recent' | 'votes') => {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.listPosts({
            productRef: P,
            sort,
            limit: 2,
            cursor,
            includeHidden: false,
          });
          expect(page.totalCount).toBe(7);
          seen.push(...page.items.map(p => p.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return seen;
      };
      expect(await collect('recent')).toEqual([...ids].reverse());
      const tied = [ids[1], ids[5]].sort();
      const untouched = [ids[0], ids[2], ids[4]].sort();
      expect(await collect('votes')).toEqual([
        ids[3],
        ...tied,
        ids[6],
        ...untouched,
      ]);

      // the voter's own votes are marked on the page; without a voter, none is
      const page = (voterRef?: string) =>
        store.listPosts({
          productRef: P,
          sort: 'votes',
          limit: 10,
          includeHidden: false,
          voterRef,
        });
      const marked = await page('user:default/v1');
      expect(marked.items.filter(p => p.votedByMe).map(p => p.id)).toEqual([
        ids[3],
        ...tied,
      ]);
      expect((await page()).items.some(p => p.votedByMe)).toBe(false);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'filters posts by type, status, text, author and visibility, counting them, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const idea = await store.addPost(post({ title: 'Dark mode' }));
      const problem = await store.addPost(
        post({ type: 'problem', title: 'Deploys fail', body: '50% of_them' }),
      );
      const question = await store.addPost(
        post({ type: 'question', title: 'How?', authorHash: 'hash-bob' }),
      );
      const hidden = await store.addPost(post({ title: 'Spam' }));
      await store.addPost(post({ productRef: OTHER }));
      await store.updatePost(hidden.id, { hidden: true, updatedAt: APRIL });
      await store.updatePost(problem.id, {
        status: { from: 'new', to: 'planned' },
        updatedAt: APRIL,
      });

      const list = (extra: object) =>
        store.listPosts({
          productRef: P,
          sort: 'recent',
          limit: 10,
          includeHidden: false,
          ...extra,
        });
      const ids = (page: { items: Array<{ id: string }> }) =>
        page.items.map(p => p.id);

      await expect(list({})).resolves.toMatchObject({ totalCount: 3 });
      const withHidden = await list({ includeHidden: true });
      expect(withHidden.totalCount).toBe(4);
      expect(ids(withHidden)).toContain(hidden.id);
      const ideas = await list({ type: 'idea' });
      expect(ids(ideas)).toEqual([idea.id]);
      expect(ideas.totalCount).toBe(1);
      const planned = await list({ status: 'planned' });
      expect(ids(planned)).toEqual([problem.id]);
      expect(planned.totalCount).toBe(1);
      await expect(list({ status: 'new' })).resolves.toMatchObject({
        totalCount: 2,
      });
      const dark = await list({ q: 'DARK' });
      expect(ids(dark)).toEqual([idea.id]);
      expect(dark.totalCount).toBe(1);
      // % and _ are literal characters in a search
      expect(ids(await list({ q: '50% of_' }))).toEqual([problem.id]);
      expect(ids(await list({ q: '5%f' }))).toEqual([]);
      const bobs = await list({ authorHash: 'hash-bob' });
      expect(ids(bobs)).toEqual([question.id]);
      expect(bobs.totalCount).toBe(1);

      await store.deletePost(idea.id);
      await expect(list({})).resolves.toMatchObject({ totalCount: 2 });
      await expect(list({ type: 'idea' })).resolves.toMatchObject({
        totalCount: 0,
        items: [],
      });
      await expect(store.deletePost(idea.id)).resolves.toBe(false);
      await expect(() => list({ cursor: 'garbage' })).rejects.toThrow(
        "cursor 'garbage' is not a cursor of this list",
      );
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'changes a post only from the expected status, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const created = await store.addPost(post());
      const dup = await store.addPost(post());
      await expect(
        store.updatePost(dup.id, {
          status: { from: 'new', to: 'duplicate', duplicateOf: created.id },
          updatedAt: APRIL,
        }),
      ).resolves.toMatchObject({
        status: 'duplicate',
        duplicateOf: created.id,
        updatedAt: APRIL,
      });
      // a concurrent change already moved it
      await expect(
        store.updatePost(dup.id, {
          status: { from: 'new', to: 'done' },
          updatedAt: APRIL,
        }),
      ).resolves.toBeUndefined();
      await expect(
        store.updatePost(created.id, {
          title: 'Edited',
          body: 'New body',
          updatedAt: APRIL,
        }),
      ).resolves.toMatchObject({ title: 'Edited', body: 'New body' });
      await expect(
        store.updatePost('missing', { hidden: true, updatedAt: APRIL }),
      ).resolves.toBeUndefined();
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps replies in order and the time of the first team reply, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const created = await store.addPost(post());
      const reply = (official: boolean, createdAt: number) => ({
        id: nextId(),
        postId: created.id,
        authorRef: 'user:default/pm',
        authorHash: 'hash-pm',
        byPostAuthor: false,
        official,
        body: `at ${createdAt}`,
        createdAt,
      });
      const community = reply(false, MARCH + HOUR);
      const firstTeam = reply(true, MARCH + 2 * HOUR);
      const secondTeam = reply(true, MARCH + 3 * HOUR);
      await store.addReply(secondTeam);
      await store.addReply(community);
      await store.addReply(firstTeam);

      await expect(store.listReplies(created.id)).resolves.toEqual([
        community,
        firstTeam,
        secondTeam,
      ]);
      await expect(store.getPost(created.id)).resolves.toMatchObject({
        replyCount: 3,
        // the first team reply written (secondTeam) set it; coalesce keeps it
        firstTeamReplyAt: MARCH + 3 * HOUR,
      });
      await expect(store.getReply(community.id)).resolves.toEqual(community);

      await store.deleteReply(secondTeam.id);
      await expect(store.getPost(created.id)).resolves.toMatchObject({
        replyCount: 2,
        firstTeamReplyAt: MARCH + 2 * HOUR,
      });
      await store.deleteReply(firstTeam.id);
      await expect(store.getPost(created.id)).resolves.toMatchObject({
        replyCount: 1,
        firstTeamReplyAt: null,
      });
      await expect(store.deleteReply(firstTeam.id)).resolves.toBe(false);

      // deleting the post takes its thread and votes along
      await store.addVote(created.id, 'user:default/x');
      await store.deletePost(created.id);
      await expect(store.listReplies(created.id)).resolves.toEqual([]);
      await expect(knex('feedback_votes')).resolves.toEqual([]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'counts one vote per user, toggled, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const a = await store.addPost(post());
      const b = await store.addPost(post());
      await expect(store.addVote(a.id, 'user:default/x')).resolves.toBe(1);
      await expect(store.addVote(a.id, 'user:default/x')).resolves.toBe(1);
      await expect(store.addVote(a.id, 'user:default/y')).resolves.toBe(2);
      await expect(store.listVoters(a.id)).resolves.toEqual([
        'user:default/x',
        'user:default/y',
      ]);
      await expect(
        store.votedBy([a.id, b.id], 'user:default/x'),
      ).resolves.toEqual(new Set([a.id]));
      await expect(store.removeVote(a.id, 'user:default/x')).resolves.toBe(1);
      await expect(store.removeVote(a.id, 'user:default/x')).resolves.toBe(1);
      await expect(store.getPost(a.id)).resolves.toMatchObject({
        voteCount: 1,
      });
      await expect(store.votedBy([], 'user:default/x')).resolves.toEqual(
        new Set(),
      );
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'lands a vote only on a post there is, and on a hidden one only when asked to, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const shown = await store.addPost(post());
      const hidden = await store.addPost(post());
      await store.addVote(hidden.id, 'user:default/x');
      await store.updatePost(hidden.id, { hidden: true, updatedAt: APRIL });
      const missing = '00000000-0000-4000-8000-000000000000';

      await expect(
        store.addVote(missing, 'user:default/x'),
      ).resolves.toBeUndefined();
      await expect(
        store.removeVote(missing, 'user:default/x'),
      ).resolves.toBeUndefined();
      await expect(
        store.addVote(hidden.id, 'user:default/y'),
      ).resolves.toBeUndefined();
      await expect(
        store.removeVote(hidden.id, 'user:default/x'),
      ).resolves.toBeUndefined();
      await expect(store.listVoters(hidden.id)).resolves.toEqual([
        'user:default/x',
      ]);
      await expect(
        store.addVote(hidden.id, 'user:default/y', { includeHidden: true }),
      ).resolves.toBe(2);
      await expect(
        store.removeVote(hidden.id, 'user:default/x', { includeHidden: true }),
      ).resolves.toBe(1);
      await expect(store.getPost(hidden.id)).resolves.toMatchObject({
        voteCount: 1,
      });
      // a vote that changes nothing still tells the count; a visible post needs no option
      await expect(store.removeVote(shown.id, 'user:default/x')).resolves.toBe(
        0,
      );
      // the vote on the hidden post is the one left; none landed on the missing one
      await expect(
        knex('feedback_votes').select('post_id', 'voter_ref'),
      ).resolves.toEqual([{ post_id: hidden.id, voter_ref: 'user:default/y' }]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'computes post metrics: reply rate, median first response, untriaged, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const months = ['2026-03'];
      const addReplied = async (hours: number | null, createdAt = MARCH) => {
        const created = await store.addPost(post({ createdAt }));
        if (hours !== null) {
          await store.addReply({
            id: nextId(),
            postId: created.id,
            authorRef: 'user:default/pm',
            authorHash: 'hash-pm',
            byPostAuthor: false,
            official: true,
            body: 'On it',
            createdAt: createdAt + hours * HOUR,
          });
        }
        return created;
      };
      await expect(
        store.postMetrics(P, { months, untriagedBefore: APRIL }),
      ).resolves.toEqual({
        posts: 0,
        postsWithTeamReply: 0,
        medianFirstResponseMs: null,
        untriaged: 0,
      });

      await addReplied(1);
      await addReplied(5);
      await addReplied(2);
      await addReplied(null);
      // before the window: counts as untriaged only
      await addReplied(null, MARCH - 30 * DAY);
      await expect(
        store.postMetrics(P, { months, untriagedBefore: MARCH + DAY }),
      ).resolves.toEqual({
        posts: 4,
        postsWithTeamReply: 3,
        medianFirstResponseMs: 2 * HOUR,
        untriaged: 5,
      });
      await addReplied(10);
      await expect(
        store.postMetrics(P, { months, untriagedBefore: MARCH }),
      ).resolves.toEqual({
        posts: 5,
        postsWithTeamReply: 4,
        medianFirstResponseMs: 3.5 * HOUR,
        untriaged: 1,
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    "refuses a rating or post past its author's daily limit in the write itself, and exports a product's, %p",
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.addRating(rating('ann', 9, MARCH));
      await store.addRating(rating('ann', 9, MARCH - 2 * DAY));
      await store.addPost(post({ createdAt: MARCH + 1 }));
      await store.addPost(post({ productRef: OTHER }));
      // ann wrote 3 pieces since a day before MARCH, on every product: the limit counts them all
      const limit = (atMost: number) => ({ since: MARCH - DAY, atMost });
      const refused = rating('ann', 2, MARCH + 2);
      await expect(store.addRating(refused, limit(3))).rejects.toThrow(
        WriteLimitReached,
      );
      await expect(
        store.addPost(post({ createdAt: MARCH + 2 }), limit(3)),
      ).rejects.toThrow(WriteLimitReached);
      // nothing of a refused write is kept: neither the row nor what it counts for
      await expect(store.getRating(refused.id)).resolves.toBeUndefined();
      await expect(store.npsByMonth(P, ['2026-03'])).resolves.toEqual([
        { month: '2026-03', promoters: 1, passives: 0, detractors: 0 },
      ]);
      const metrics = { months: ['2026-03'], untriagedBefore: MARCH + DAY };
      await expect(store.postMetrics(P, metrics)).resolves.toMatchObject({
        posts: 1,
      });
      await expect(
        store.listPosts({
          productRef: P,
          sort: 'recent',
          limit: 10,
          includeHidden: false,
        }),
      ).resolves.toMatchObject({ totalCount: 1 });

      // under the limit, the write goes through, and then counts towards it
      await store.addRating(rating('ann', 2, MARCH + 3), limit(4));
      await expect(store.npsByMonth(P, ['2026-03'])).resolves.toEqual([
        { month: '2026-03', promoters: 0, passives: 0, detractors: 1 },
      ]);
      await expect(
        store.addPost(post({ createdAt: MARCH + 4 }), limit(4)),
      ).rejects.toThrow(WriteLimitReached);
      await store.addPost(post({ createdAt: MARCH + 4 }), limit(5));
      await expect(
        store.listPosts({
          productRef: P,
          sort: 'recent',
          limit: 10,
          includeHidden: false,
        }),
      ).resolves.toMatchObject({ totalCount: 2 });
      // another author is not held back by ann's feedback
      await store.addRating(rating('bob', 10, MARCH + 5), limit(1));
      await store.addPost(
        post({ authorHash: 'hash-bob', createdAt: MARCH + 5 }),
        limit(2),
      );

      const exported = await store.exportItems(P);
      expect(exported.ratings.map(r => r.createdAt)).toEqual([
        MARCH - 2 * DAY,
        MARCH,
        MARCH + 3,
        MARCH + 5,
      ]);
      expect(exported.posts.map(p => p.createdAt)).toEqual([
        MARCH + 1,
        MARCH + 4,
        MARCH + 5,
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the post metrics equal to a scan of the posts through status changes, replies, hiding and deleting, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const FEB = Date.parse('2026-02-20T08:00:00Z');
      const MARCH_1 = Date.parse('2026-03-01T09:00:00Z');
      const MARCH_12 = Date.parse('2026-03-12T06:00:00Z');
      const months = ['2026-03', '2026-04'];
      // the cutoff falls on March 12 at noon: the months before, the days of March
      // before the 12th, and that morning all count
      const untriagedBefore = Date.parse('2026-03-12T12:00:00Z');

      /** What the old queries computed, by scanning every post. */
      async function scanned() {
        const rows = await knex('feedback_posts')
          .where({ product_ref: P, hidden: false })
          .select('status', 'created_at', 'first_team_reply_at');
        const monthOfRow = (row: { created_at: unknown }) =>
          new Date(Number(row.created_at)).toISOString().slice(0, 7);
        const inWindow = rows.filter(row => months.includes(monthOfRow(row)));
        const times = inWindow
          .filter(row => row.first_team_reply_at !== null)
          .map(row => Number(row.first_team_reply_at) - Number(row.created_at))
          .sort((a, b) => a - b);
        const middle = Math.floor((times.length - 1) / 2);
        let median: number | null = null;
        if (times.length) {
          median =
            times.length % 2
              ? times[middle]
              : (times[middle] + times[middle + 1]) / 2;
        }
        return {
          posts: inWindow.length,
          postsWithTeamReply: times.length,
          medianFirstResponseMs: median,
          untriaged: rows.filter(
            row =>
              row.status === 'new' && Number(row.created_at) < untriagedBefore,
          ).length,
        };
      }
      const expectRight = async () => {
        const expected = await scanned();
        const actual = await store.postMetrics(P, { months, untriagedBefore });
        expect({ ...actual, medianFirstResponseMs: 0 }).toEqual({
          ...expected,
          medianFirstResponseMs: 0,
        });
        // exact to 0.1 hour up to 5 hours, to 1% beyond
        const expectedMedian = expected.medianFirstResponseMs ?? NaN;
        const actualMedian = actual.medianFirstResponseMs ?? NaN;
        expect(Number.isNaN(actualMedian)).toBe(Number.isNaN(expectedMedian));
        expect(
          Math.abs(actualMedian - expectedMedian) || 0,
        ).toBeLessThanOrEqual(Math.max(HOUR / 20, expectedMedian * 0.01) || 0);
        return actual;
      };
      const reply = async (
        postId: string,
        createdAt: number,
        official = true,
      ) => {
        const id = nextId();
        await store.addReply({
          id,
          postId,
          authorRef: 'user:default/pm',
          authorHash: 'hash-pm',
          byPostAuthor: false,
          official,
          body: 'Thanks',
          createdAt,
        });
        return id;
      };
      const change = (id: string, extra: object) =>
        store.updatePost(id, { updatedAt: APRIL, ...extra });

      await expectRight();
      const feb = await store.addPost(post({ createdAt: FEB }));
      const march1 = await store.addPost(post({ createdAt: MARCH_1 }));
      const morning = await store.addPost(post({ createdAt: MARCH_12 }));
      const afternoon = await store.addPost(
        post({ createdAt: MARCH_12 + 8 * HOUR }),
      );
      const april = await store.addPost(post({ createdAt: APRIL }));
      await store.addPost(post({ createdAt: MARCH_1, productRef: OTHER }));
      await expect(expectRight()).resolves.toMatchObject({
        posts: 4,
        untriaged: 3,
      });

      // replies: only the first official one counts, unofficial ones not at all
      await reply(march1.id, MARCH_1 + 2 * HOUR, false);
      const firstOfficial = await reply(march1.id, MARCH_1 + 3 * HOUR);
      await reply(march1.id, MARCH_1 + 4 * HOUR);
      await reply(april.id, APRIL + 30 * HOUR);
      await reply(morning.id, MARCH_12 + HOUR / 2);
      await expect(expectRight()).resolves.toMatchObject({
        postsWithTeamReply: 3,
        medianFirstResponseMs: 3 * HOUR,
      });
      // the first official reply goes: the next one is the first response now
      await store.deleteReply(firstOfficial);
      await expect(expectRight()).resolves.toMatchObject({
        medianFirstResponseMs: 4 * HOUR,
      });

      // triage: out of new and back into the workflow
      await change(feb.id, { status: { from: 'new', to: 'planned' } });
      await change(morning.id, { status: { from: 'new', to: 'acknowledged' } });
      await expect(expectRight()).resolves.toMatchObject({ untriaged: 1 });
      await change(morning.id, {
        status: { from: 'acknowledged', to: 'done' },
      });
      await expectRight();

      // hidden posts count nowhere, and again once shown
      await change(april.id, { hidden: true });
      await expect(expectRight()).resolves.toMatchObject({
        posts: 3,
        postsWithTeamReply: 2,
      });
      await change(march1.id, { hidden: true });
      await change(april.id, { hidden: false });
      // the middle two are 0.5 h and 30 h (kept to 1%)
      const shown = await expectRight();
      expect(shown.posts).toBe(3);
      expect(shown.medianFirstResponseMs! / HOUR).toBeCloseTo(15.25, 0);
      // a reply to a hidden post shows up once it is shown
      await reply(afternoon.id, MARCH_12 + 9 * HOUR);
      await change(afternoon.id, { hidden: true });
      await change(afternoon.id, { hidden: false });
      await expectRight();

      // deleting a post takes its share with it, hidden or not
      await store.deletePost(april.id);
      await store.deletePost(march1.id);
      await expect(expectRight()).resolves.toMatchObject({
        posts: 2,
        postsWithTeamReply: 2,
      });
      // the other product's post stayed its own
      await expect(
        store.postMetrics(OTHER, { months, untriagedBefore }),
      ).resolves.toEqual({
        posts: 1,
        postsWithTeamReply: 0,
        medianFirstResponseMs: null,
        untriaged: 1,
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'reads the first page of visible posts by votes from an index, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const created = await store.addPost(post({ createdAt: MARCH + i }));
        ids.push(created.id);
        for (let v = 0; v < i % 3; v++) {
          await store.addVote(created.id, `user:default/v${v}`);
        }
      }
      await store.updatePost(ids[5], { hidden: true, updatedAt: APRIL });
      const page = await store.listPosts({
        productRef: P,
        sort: 'votes',
        limit: 3,
        includeHidden: false,
      });
      expect(page.items.map(p => [p.id, p.voteCount])).toEqual(
        [
          [ids[2], 2],
          [ids[1], 1],
          [ids[4], 1],
        ].sort((a, b) =>
          b[1] === a[1] ? String(a[0]).localeCompare(String(b[0])) : 0,
        ),
      );
      expect(page.totalCount).toBe(5);

      const sql = knex('feedback_posts')
        .where({ product_ref: P, hidden: false })
        .orderBy([
          { column: 'vote_count', order: 'desc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(21)
        .toSQL();
      const plan = JSON.stringify(
        databaseId === 'SQLITE_3'
          ? await knex.raw(`EXPLAIN QUERY PLAN ${sql.sql}`, sql.bindings)
          : await knex.transaction(async tx => {
              // a tiny table would be read in full otherwise
              await tx.raw('SET LOCAL enable_seqscan = off');
              const explained = await tx.raw(
                `EXPLAIN ${sql.sql}`,
                sql.bindings,
              );
              return explained.rows;
            }),
      );
      // either votes index reads the page in order (PostgreSQL may prefer the older one
      // on a table this small)
      expect(plan).toMatch(/feedback_posts_(visible_)?votes_idx/);
      expect(plan).not.toMatch(/TEMP B-TREE|Sort/);
      await knex.destroy();
    },
  );
});
