import { TestDatabases } from '@backstage/backend-test-utils';
import { FEEDBACK_STATUSES } from '@platform-product/plugin-platform-product-common';
import { DatabaseAnnouncementStore } from '../announcements/DatabaseAnnouncementStore';
import { DatabaseFeedbackStore } from '../feedback/DatabaseFeedbackStore';
import { DatabaseRoadmapStore } from '../roadmap/DatabaseRoadmapStore';
import { announcementRow, T0 } from '../__testUtils__/announcementRows';
import { migratedDatabase } from '../__testUtils__/database';
import {
  APRIL,
  DAY,
  MARCH,
  nextId,
  OTHER,
  P,
  personKey,
  post,
} from '../__testUtils__/feedbackRows';
import { recountAggregates } from '../__testUtils__/recount';
import { item, writer } from '../__testUtils__/roadmapRows';

/**
 * Concurrent writers lose nothing (issue 14, item 3): 8 clients, each 5,000 mixed writes
 * (ratings, posts, votes, unvotes, status changes, hides, roadmap links, reads of
 * announcements) through the stores, at once, on every engine; then every aggregate kept on
 * write is recounted from its rows (src/__testUtils__/recount.ts) and must be equal.
 * PLATFORM_PRODUCT_WRITERS_OPS changes the writes per client (e.g. 500 for a quick run).
 */
const CLIENTS = 8;
const OPS = Number(process.env.PLATFORM_PRODUCT_WRITERS_OPS ?? 5000);

jest.setTimeout(15 * 60_000);

/** A small seeded PRNG: the same mix on every run and engine. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const USERS = Array.from({ length: 40 }, (_, i) => `user:default/u${i}`);
const STATUSES = FEEDBACK_STATUSES.filter(s => s !== 'duplicate');

describe('concurrent writers', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    `leave every aggregate equal to its rows after ${CLIENTS} clients x ${OPS} mixed writes, %p`,
    async databaseId => {
      const knex = await migratedDatabase(databases, databaseId);
      const feedback = DatabaseFeedbackStore.create(knex, { personKey });
      const roadmap = DatabaseRoadmapStore.create(knex, { personKey });
      const announcements = DatabaseAnnouncementStore.create(knex);

      const postIds: string[] = [];
      for (let i = 0; i < 20; i++) {
        const author = USERS[i % USERS.length];
        const added = await feedback.addPost(
          post({
            productRef: i % 2 ? OTHER : P,
            authorRef: author,
            authorHash: personKey(author),
          }),
        );
        postIds.push(added.id);
      }
      const itemIds: string[] = [];
      for (const productRef of [P, P, OTHER]) {
        const created = await roadmap.createItem(
          item({ productRef }),
          () => {},
          writer(),
        );
        itemIds.push(created.id);
      }
      const announcementIds: string[] = [];
      for (let i = 0; i < 10; i++) {
        const created = await announcements.create(
          announcementRow({ productRef: i % 3 ? P : null }),
        );
        announcementIds.push(created.id);
      }

      const counts: Record<string, number> = {};
      let failures = 0;
      const client = async (n: number) => {
        const next = random(n + 1);
        const pick = <T>(list: readonly T[]) =>
          list[Math.floor(next() * list.length)];
        for (let i = 0; i < OPS; i++) {
          const roll = next();
          const user = pick(USERS);
          const at =
            (next() < 0.5 ? MARCH : APRIL) + Math.floor(next() * 20 * DAY);
          let op: string;
          try {
            if (roll < 0.18) {
              op = 'rating';
              await feedback.addRating({
                id: nextId(),
                productRef: next() < 0.5 ? P : OTHER,
                entityRef: P,
                score: Math.floor(next() * 11),
                comment: null,
                anonymous: false,
                authorRef: user,
                authorHash: personKey(user),
                createdAt: at,
              });
            } else if (roll < 0.3) {
              op = 'post';
              const added = await feedback.addPost(
                post({
                  productRef: next() < 0.5 ? P : OTHER,
                  type: pick(['idea', 'problem', 'question', 'praise']),
                  authorRef: user,
                  authorHash: personKey(user),
                  createdAt: at,
                }),
              );
              postIds.push(added.id);
            } else if (roll < 0.52) {
              op = 'vote';
              await feedback.addVote(pick(postIds), user);
            } else if (roll < 0.68) {
              op = 'unvote';
              await feedback.removeVote(pick(postIds), user);
            } else if (roll < 0.78) {
              op = 'status';
              const current = await feedback.getPost(pick(postIds));
              if (current) {
                await feedback.updatePost(current.id, {
                  status: { from: current.status, to: pick(STATUSES) },
                  updatedAt: at,
                });
              }
            } else if (roll < 0.8) {
              op = 'hide';
              await feedback.updatePost(pick(postIds), {
                hidden: next() < 0.5,
                updatedAt: at,
              });
            } else if (roll < 0.83) {
              op = 'link';
              const itemId = pick(itemIds);
              const postId = pick(postIds);
              if (next() < 0.6) {
                await roadmap.linkPost(itemId, postId, () => {}, writer(at));
              } else {
                await roadmap.unlinkPost(itemId, postId, writer(at));
              }
            } else if (roll < 0.95) {
              op = 'read';
              await announcements.markRead(pick(announcementIds), user, T0);
            } else {
              op = 'list';
              await announcements.list({
                productRefs: [P],
                global: true,
                upcoming: false,
                unread: false,
                viewerRef: user,
                now: T0 + DAY,
                limit: 20,
              });
            }
          } catch (error) {
            // a link check's or a concurrent change's refusal is an answer, anything else is not
            failures += 1;
            throw error;
          }
          counts[op] = (counts[op] ?? 0) + 1;
        }
      };
      const started = Date.now();
      await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
      const seconds = (Date.now() - started) / 1000;

      const { checked, drift } = await recountAggregates(knex, personKey);

      // unread counts are computed on read: each user's equals the posts minus their reads
      const reads: Array<{ user_ref: string; n: number | string }> = await knex(
        'announcement_reads',
      )
        .groupBy('user_ref')
        .select('user_ref', knex.raw('count(*) as n'));
      const readsOf = new Map(reads.map(r => [r.user_ref, Number(r.n)]));
      for (const user of USERS.slice(0, 8)) {
        const page = await announcements.list({
          productRefs: [P],
          global: true,
          upcoming: false,
          unread: false,
          viewerRef: user,
          now: T0 + DAY,
          limit: 1,
        });
        expect({ user, unread: page.unreadCount }).toEqual({
          user,
          unread: announcementIds.length - (readsOf.get(user) ?? 0),
        });
      }

      // eslint-disable-next-line no-console
      console.log(
        `${databaseId}: ${CLIENTS} x ${OPS} writes in ${seconds.toFixed(
          1,
        )} s, ${JSON.stringify(counts)}; recounted ${JSON.stringify(checked)}`,
      );
      expect(failures).toBe(0);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(
        CLIENTS * OPS,
      );
      expect(drift).toEqual([]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'the recount sees a counter that moved without its rows, %p',
    async databaseId => {
      const knex = await migratedDatabase(databases, databaseId);
      const feedback = DatabaseFeedbackStore.create(knex, { personKey });
      const added = await feedback.addPost(post());
      await feedback.addVote(added.id, USERS[0]);
      await feedback.addRating({
        id: nextId(),
        productRef: P,
        entityRef: P,
        score: 9,
        comment: null,
        anonymous: false,
        authorRef: USERS[1],
        authorHash: personKey(USERS[1]),
        createdAt: MARCH,
      });
      expect((await recountAggregates(knex, personKey)).drift).toEqual([]);
      await knex('feedback_posts')
        .where('id', added.id)
        .update({ vote_count: 2 });
      await knex('feedback_nps_months').update({ promoters: 0 });
      expect((await recountAggregates(knex, personKey)).drift).toEqual([
        expect.objectContaining({
          aggregate: 'feedback_posts.votes',
          stored: 2,
          recounted: 1,
        }),
        expect.objectContaining({
          aggregate: 'feedback_nps_months.promoters',
          stored: 0,
          recounted: 1,
        }),
      ]);
      await knex.destroy();
    },
  );
});
