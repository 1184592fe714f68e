// Over ~500 lines on purpose: one suite for the store's one interface, each case run on every engine
// (TestDatabases) against one migrated database per engine; split files would migrate again each.
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { announcementRow as post, T0 } from '../__testUtils__/announcementRows';
import { migratedDatabase } from '../__testUtils__/database';
import { HOUR, nextId, OTHER, P } from '../__testUtils__/feedbackRows';
import { BOB } from '../__testUtils__/people';
import { DatabaseAnnouncementStore } from './DatabaseAnnouncementStore';

jest.setTimeout(60_000);

const ANN = 'user:default/ann';

const base = {
  global: true,
  upcoming: false,
  unread: false,
  now: T0 + HOUR,
  limit: 20,
};

describe('DatabaseAnnouncementStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await migratedDatabase(databases, databaseId);
    return { knex, store: DatabaseAnnouncementStore.create(knex) };
  }

  it.each(databases.eachSupportedId())(
    'creates, reads, updates and deletes a post with its tags, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const event = { kind: 'workshop' as const, start: T0, end: T0 + HOUR };
      const created = await store.create(
        post({
          type: 'event',
          tags: ['kubernetes', 'ci'],
          event: { ...event, location: 'Room 1' },
        }),
      );
      expect(created).toMatchObject({
        productRef: P,
        type: 'event',
        tags: ['ci', 'kubernetes'],
        event: { ...event, location: 'Room 1' },
        publishedAt: T0,
        updatedAt: T0,
      });

      // a stale expected version changes nothing
      await expect(
        store.update(created.id, { title: 'Lost' }, T0 - 1, T0 + 1),
      ).resolves.toBeUndefined();
      const updated = await store.update(
        created.id,
        { title: 'Version 2.1', tags: ['ci', 'docs'], pinned: true },
        T0,
        T0 + 1,
      );
      expect(updated).toMatchObject({
        title: 'Version 2.1',
        tags: ['ci', 'docs'],
        pinned: true,
        updatedAt: T0 + 1,
      });

      await store.markRead(created.id, ANN, T0);
      await store.dismiss(created.id, ANN, T0);
      await expect(store.delete(created.id)).resolves.toBe(true);
      await expect(store.get(created.id)).resolves.toBeUndefined();
      for (const table of [
        'announcement_tags',
        'announcement_reads',
        'announcement_dismissals',
      ]) {
        await expect(knex(table)).resolves.toEqual([]);
      }
      await expect(store.delete(created.id)).resolves.toBe(false);
    },
  );

  it.each(databases.eachSupportedId())(
    'names the products with posts, published only or with drafts and scheduled ones, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await expect(store.productRefsWithPosts(true)).resolves.toEqual([]);
      const c = 'platformproduct:default/c';
      await store.create(post({ productRef: OTHER }));
      await store.create(post({ productRef: OTHER }));
      await store.create(post({ productRef: null }));
      await store.create(
        post({ productRef: c, draft: true, publishedAt: null }),
      );
      await store.create(post({ productRef: P, publishedAt: null }));
      await store.create(post({ productRef: P }));
      await expect(store.productRefsWithPosts(false)).resolves.toEqual([
        OTHER,
        P,
      ]);
      await expect(store.productRefsWithPosts(true)).resolves.toEqual([
        c,
        OTHER,
        P,
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists pinned first, then newest first, page by page, with totals and read marks, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const ids: Record<string, string> = {};
      const add = async (
        name: string,
        extra: Parameters<typeof post>[0] = {},
      ) => {
        ids[name] = (await store.create(post(extra))).id;
      };
      await add('old', { publishedAt: T0 - 3 * HOUR });
      await add('pinnedOld', { publishedAt: T0 - 5 * HOUR, pinned: true });
      await add('new', { publishedAt: T0 - HOUR });
      await add('same1', { publishedAt: T0 - 2 * HOUR });
      await add('same2', { publishedAt: T0 - 2 * HOUR });
      await add('global', { productRef: null, publishedAt: T0 - 4 * HOUR });
      await add('other', { productRef: OTHER, publishedAt: T0 });
      // not listed: a draft, a scheduled post, an expired post
      await add('draft', { draft: true, publishedAt: null, publishAt: null });
      await add('scheduled', { publishAt: T0 + 5 * HOUR, publishedAt: null });
      await add('expired', { expiresAt: T0 });
      await store.markRead(ids.new, ANN, T0);

      const all = [];
      let cursor: string | undefined;
      do {
        const page = await store.list({
          ...base,
          productRefs: [P],
          viewerRef: ANN,
          limit: 2,
          cursor,
        });
        expect(page).toMatchObject({
          totalCount: 6,
          totalCountCapped: false,
          unreadCount: 5,
          unreadCountCapped: false,
        });
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(all.map(item => item.id)).toEqual([
        ids.pinnedOld,
        ids.new,
        ids.same2,
        ids.same1,
        ids.old,
        ids.global,
      ]);
      expect(all[1].readAt).toBe(T0);
      expect(all[0].readAt).toBeNull();

      const unread = await store.list({
        ...base,
        productRefs: [P],
        global: false,
        viewerRef: ANN,
        unread: true,
      });
      expect(unread.items.map(item => item.id)).not.toContain(ids.new);
      expect(unread.totalCount).toBe(4);

      // without products: every product's and the global ones
      const everything = await store.list({ ...base, viewerRef: BOB });
      expect(everything.totalCount).toBe(7);
      expect(everything.unreadCount).toBe(7);

      // drafts, scheduled and expired posts of the products one may edit
      const editing = await store.list({
        ...base,
        productRefs: [P],
        global: false,
        editable: { productRefs: [P], global: false },
      });
      expect(editing.items.map(item => item.id)).toEqual(
        expect.arrayContaining([ids.draft, ids.scheduled, ids.expired]),
      );
      expect(editing.totalCount).toBe(8);
      const notEditing = await store.list({
        ...base,
        productRefs: [P],
        global: false,
        editable: { productRefs: [], global: false },
      });
      expect(notEditing.totalCount).toBe(5);

      await expect(store.list({ ...base, cursor: 'nonsense' })).rejects.toThrow(
        "cursor 'nonsense' is not a cursor of this list",
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'counts exactly up to the caps (1,000 posts, 100 unread) and caps beyond, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const first = await store.create(post({ publishedAt: T0 - HOUR }));
      const [row] = await knex('announcements').where('id', first.id);
      // 1,000 published posts of P, one draft; the viewer has read 899 of them
      const ids = [first.id];
      const rows = [];
      for (let i = 1; i < 1000; i++) {
        const id = nextId();
        ids.push(id);
        rows.push({ ...row, id, sort_at: Number(row.sort_at) - i });
      }
      await knex.batchInsert('announcements', rows, 200);
      await store.create(post({ draft: true, publishedAt: null }));
      await knex.batchInsert(
        'announcement_reads',
        ids.slice(0, 899).map(id => ({
          announcement_id: id,
          user_ref: ANN,
          read_at: T0,
          acknowledged_at: null,
        })),
        200,
      );
      const list = (extra: object = {}) =>
        store.list({
          ...base,
          productRefs: [P],
          global: false,
          viewerRef: ANN,
          ...extra,
        });

      const exact = await list();
      expect(exact).toMatchObject({
        totalCount: 1000,
        totalCountCapped: false,
        unreadCount: 100,
        unreadCountCapped: true,
      });
      expect(exact.items).toHaveLength(20);
      // the draft makes 1,001 for who may edit it
      await expect(
        list({ editable: { productRefs: [P], global: false } }),
      ).resolves.toMatchObject({ totalCount: 1000, totalCountCapped: true });

      await store.markRead(ids[899], ANN, T0);
      await expect(list()).resolves.toMatchObject({
        unreadCount: 100,
        unreadCountCapped: false,
      });
      await store.markRead(ids[900], ANN, T0);
      await expect(list()).resolves.toMatchObject({
        unreadCount: 99,
        unreadCountCapped: false,
      });
      await expect(list({ unread: true })).resolves.toMatchObject({
        totalCount: 99,
        totalCountCapped: false,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'filters by type, tag and text, and lists upcoming events soonest first, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const now = T0 + HOUR;
      const event = (start: number, title: string) =>
        store.create(
          post({
            type: 'event',
            title,
            event: { kind: 'demo', start, end: start + HOUR, location: null },
          }),
        );
      const past = await event(T0 - 3 * HOUR, 'Past demo');
      const later = await event(T0 + 48 * HOUR, 'Later demo');
      const soon = await event(T0 + 2 * HOUR, 'Soon demo');
      const running = await event(T0 + HOUR / 2, 'Running demo');
      const tagged = await store.create(
        post({ tags: ['kubernetes', 'ci'], body: 'About 100% _pods_' }),
      );
      await store.create(post({ type: 'incident', title: 'Outage' }));

      const upcoming = await store.list({
        ...base,
        upcoming: true,
        limit: 2,
        now,
      });
      expect(upcoming.items.map(item => item.id)).toEqual([
        running.id,
        soon.id,
      ]);
      expect(upcoming.totalCount).toBe(3);
      const next = await store.list({
        ...base,
        upcoming: true,
        limit: 2,
        now,
        cursor: upcoming.nextCursor!,
      });
      expect(next.items.map(item => item.id)).toEqual([later.id]);
      expect(next.nextCursor).toBeNull();

      const byTag = await store.list({ ...base, tag: 'kubernetes' });
      expect(byTag.items.map(item => item.id)).toEqual([tagged.id]);
      // each item carries its own tags, sorted; a post without tags has none
      expect(byTag.items[0].tags).toEqual(['ci', 'kubernetes']);
      const byType = await store.list({ ...base, type: 'incident' });
      expect(byType.items.map(item => item.title)).toEqual(['Outage']);
      expect(byType.items[0].tags).toEqual([]);
      // LIKE wildcards in q are literal
      const byText = await store.list({ ...base, q: '100%' });
      expect(byText.items.map(item => item.id)).toEqual([tagged.id]);
      const byTitle = await store.list({ ...base, q: 'PAST' });
      expect(byTitle.items.map(item => item.id)).toEqual([past.id]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps reads, acknowledgements, dismissals and follows idempotent, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const banner = await store.create(
        post({ type: 'incident', pinned: true }),
      );
      const globalBanner = await store.create(
        post({ type: 'maintenance', pinned: true, productRef: null }),
      );
      await store.create(post({ type: 'release', pinned: true }));
      await store.create(post({ type: 'incident', pinned: false }));

      await store.markRead(banner.id, ANN, T0);
      await store.acknowledge(banner.id, ANN, T0 + 1);
      await store.acknowledge(banner.id, ANN, T0 + 2);
      await store.markRead(banner.id, ANN, T0 + 3);
      await expect(store.get(banner.id, ANN)).resolves.toMatchObject({
        readAt: T0,
        acknowledgedAt: T0 + 1,
      });

      const query = { types: ['maintenance', 'incident'], now: T0 + HOUR };
      await expect(
        store.banners({ ...query, productRef: P, viewerRef: ANN }),
      ).resolves.toEqual([expect.objectContaining({ id: banner.id })]);
      await expect(
        store.banners({ ...query, productRef: null, viewerRef: ANN }),
      ).resolves.toEqual([expect.objectContaining({ id: globalBanner.id })]);
      await store.dismiss(banner.id, ANN, T0);
      await store.dismiss(banner.id, ANN, T0 + 1);
      await expect(
        store.banners({ ...query, productRef: P, viewerRef: ANN }),
      ).resolves.toEqual([]);
      await expect(
        store.banners({ ...query, productRef: P, viewerRef: BOB }),
      ).resolves.toHaveLength(1);
      await expect(knex('announcement_dismissals')).resolves.toHaveLength(1);

      await store.follow(P, ANN, T0);
      await store.follow(P, ANN, T0);
      await store.follow(P, BOB, T0);
      await expect(store.followState(P, ANN)).resolves.toEqual({
        following: true,
        followers: 2,
      });
      await store.unfollow(P, ANN);
      await expect(store.followState(P, ANN)).resolves.toEqual({
        following: false,
        followers: 1,
      });
      await expect(store.followers(P)).resolves.toEqual([BOB]);
    },
  );

  it.each(databases.eachSupportedId())(
    'claims a due post once, records its audience once and counts its reach, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const now = T0 + HOUR;
      const stale = now - 10 * 60_000;
      const due = await store.create(
        post({ type: 'deprecation', effectiveAt: T0, publishedAt: null }),
      );
      await store.create(post({ publishAt: T0 + 2 * HOUR, publishedAt: null }));
      await store.create(
        post({ draft: true, publishAt: T0, publishedAt: null }),
      );

      await expect(store.dueForDelivery(now, stale, 10)).resolves.toEqual([
        due.id,
      ]);
      const [a, b] = await Promise.all([
        store.claimDelivery(due.id, 'claim-a', now, stale),
        store.claimDelivery(due.id, 'claim-b', now, stale),
      ]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      const winner = a ? 'claim-a' : 'claim-b';
      const loser = a ? 'claim-b' : 'claim-a';
      expect(a ?? b).toMatchObject({
        publishedAt: now,
        audienceRecorded: false,
      });
      await expect(store.dueForDelivery(now, stale, 10)).resolves.toEqual([]);

      const audience = [
        { userRef: 'user:default/a1', teamRef: 'group:default/a' },
        { userRef: 'user:default/a2', teamRef: 'group:default/a' },
        { userRef: 'user:default/b1', teamRef: 'group:default/b' },
        { userRef: 'user:default/f', teamRef: null },
      ];
      await expect(
        store.recordAudience(due.id, loser, audience, now),
      ).resolves.toBe(false);
      await expect(
        store.recordAudience(due.id, winner, audience, now),
      ).resolves.toBe(true);
      // recorded once: a second call adds nothing
      await store.recordAudience(
        due.id,
        winner,
        [{ userRef: 'user:default/late', teamRef: null }],
        now,
      );
      await expect(store.pendingRecipients(due.id, 2)).resolves.toEqual([
        'user:default/a1',
        'user:default/a2',
      ]);
      await expect(
        store.markNotified(due.id, loser, ['user:default/a1'], now),
      ).resolves.toBe(false);
      await store.markNotified(
        due.id,
        winner,
        ['user:default/a1', 'user:default/a2'],
        now,
      );
      await expect(store.pendingRecipients(due.id, 10)).resolves.toEqual([
        'user:default/b1',
        'user:default/f',
      ]);
      // a claim older than the timeout can be taken over
      await expect(
        store.claimDelivery(due.id, 'claim-c', now + 1, now + 2),
      ).resolves.toMatchObject({ audienceRecorded: true, publishedAt: now });
      await expect(store.finishDelivery(due.id, winner, now)).resolves.toBe(
        false,
      );
      await expect(store.finishDelivery(due.id, 'claim-c', now)).resolves.toBe(
        true,
      );
      await expect(
        store.claimDelivery(due.id, 'claim-d', now + 5, now + 5),
      ).resolves.toBeUndefined();

      await store.acknowledge(due.id, 'user:default/a1', now);
      await store.markRead(due.id, 'user:default/b1', now);
      await store.markRead(due.id, 'user:default/outsider', now);
      await expect(store.reach(due.id)).resolves.toEqual({
        audienceUsers: 4,
        readUsers: 3,
        acknowledgedUsers: 1,
        audienceTeams: 2,
        reachedTeams: 2,
        acknowledgedTeams: 1,
        pendingAcknowledgement: [
          { team: 'group:default/a', users: ['user:default/a2'] },
          { team: 'group:default/b', users: ['user:default/b1'] },
          { team: null, users: ['user:default/f'] },
        ],
      });
    },
  );
});
