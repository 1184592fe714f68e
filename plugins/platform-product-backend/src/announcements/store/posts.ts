import { Knex } from 'knex';
import {
  ANNOUNCEMENT_TOTAL_COUNT_CAP,
  ANNOUNCEMENT_UNREAD_COUNT_CAP,
} from '@platform-product/plugin-platform-product-common';
import { decodeCursor, encodeCursor } from '../../shared/paging';
import {
  countOf,
  forUpdate,
  likePattern,
  rowsOf,
  transaction,
} from '../../shared/sql';
import {
  AnnouncementChange,
  AnnouncementPage,
  AnnouncementQuery,
  AnnouncementWithMarks,
  NewAnnouncement,
  StoredAnnouncement,
} from '../AnnouncementStore';
import {
  fieldColumns,
  inScope,
  published,
  Row,
  rowOfPost,
  tagsColumn,
  toAnnouncement,
  withMarks,
} from './rows';

/** The posts themselves: their rows and tags, the list, its counts and the banners. */
export class AnnouncementPosts {
  constructor(private readonly db: Knex, private readonly postgres: boolean) {}

  async create(
    post: NewAnnouncement & { publishedAt: number | null },
  ): Promise<StoredAnnouncement> {
    await this.db.transaction(async tx => {
      await tx('announcements').insert({
        id: post.id,
        product_ref: post.productRef,
        author_ref: post.authorRef,
        ...fieldColumns(post),
        published_at: post.publishedAt,
        sort_at: post.publishedAt ?? post.publishAt ?? post.createdAt,
        created_at: post.createdAt,
        updated_at: post.createdAt,
      });
      if (post.tags.length) {
        await tx('announcement_tags').insert(
          post.tags.map(tag => ({ announcement_id: post.id, tag })),
        );
      }
    });
    return (await this.get(post.id))!;
  }

  async get(
    id: string,
    viewerRef?: string,
  ): Promise<AnnouncementWithMarks | undefined> {
    const row = await withMarks(this.db, this.postgres, viewerRef)
      .where('a.id', id)
      .first();
    return row ? toAnnouncement(row) : undefined;
  }

  async update(
    id: string,
    change: AnnouncementChange & { publishedAt?: number },
    expectedUpdatedAt: number,
    updatedAt: number,
  ): Promise<StoredAnnouncement | undefined> {
    const updated = await this.db.transaction(async tx => {
      const row: Row | undefined = await forUpdate(
        this.postgres,
        tx<Row>('announcements').where('id', id).first(),
      );
      if (!row || Number(row.updated_at) !== expectedUpdatedAt) {
        return false;
      }
      const columns: Partial<Row> = {
        ...fieldColumns(change),
        updated_at: updatedAt,
      };
      if (change.publishedAt !== undefined) {
        columns.published_at = change.publishedAt;
        columns.sort_at = change.publishedAt;
      } else if (row.published_at === null && change.publishAt !== undefined) {
        columns.sort_at = change.publishAt ?? Number(row.created_at);
      }
      await tx('announcements').where('id', id).update(columns);
      if (change.tags !== undefined) {
        await tx('announcement_tags').where('announcement_id', id).delete();
        if (change.tags.length) {
          await tx('announcement_tags').insert(
            change.tags.map(tag => ({ announcement_id: id, tag })),
          );
        }
      }
      return true;
    });
    return updated ? this.get(id) : undefined;
  }

  async delete(id: string): Promise<boolean> {
    return transaction(this.db, async tx => {
      // the announcement's row first, as a delivery running meanwhile takes it: the two then
      // wait for each other in one order instead of deadlocking (and a deadlock still retries)
      const row = await forUpdate(
        this.postgres,
        tx('announcements').where('id', id).first('id'),
      );
      if (!row) return false;
      // children first: SQLite may run without foreign key enforcement
      for (const table of [
        'announcement_tags',
        'announcement_reads',
        'announcement_deliveries',
        'announcement_dismissals',
      ]) {
        await tx(table).where('announcement_id', id).delete();
      }
      return (await tx('announcements').where('id', id).delete()) > 0;
    });
  }

  async list(query: AnnouncementQuery): Promise<AnnouncementPage> {
    const { now, editable } = query;
    const notReadBy = (inner: Knex.QueryBuilder, viewerRef: string) =>
      inner.whereNotExists(
        rowOfPost(this.db, 'announcement_reads', 'user_ref', viewerRef),
      );
    // the same filters for the page (with the viewer's marks joined) and for the count
    const filter = (rows: Knex.QueryBuilder) => {
      inScope(rows, query).where(visible => {
        visible.where(shown => published(shown, now));
        if (editable) {
          visible.orWhere(mine => {
            if (editable.productRefs) {
              mine.whereIn('a.product_ref', editable.productRefs);
            } else {
              mine.whereNotNull('a.product_ref');
            }
            if (editable.global) mine.orWhereNull('a.product_ref');
          });
        }
      });
      if (query.type) rows.where('a.type', query.type);
      if (query.tag) {
        rows.whereExists(
          rowOfPost(this.db, 'announcement_tags', 'tag', query.tag),
        );
      }
      if (query.q) {
        const pattern = likePattern(query.q);
        rows.where(inner =>
          inner
            .whereRaw("lower(a.title) like ? escape '\\'", [pattern])
            .orWhereRaw("lower(a.summary) like ? escape '\\'", [pattern])
            .orWhereRaw("lower(a.body) like ? escape '\\'", [pattern]),
        );
      }
      if (query.upcoming) {
        rows.where('a.type', 'event').where('a.event_end', '>', now);
      }
      if (query.unread && query.viewerRef) {
        notReadBy(rows, query.viewerRef);
      }
      return rows;
    };

    // Counts stop after cap + 1 posts, so they cost about the same at any number of posts.
    // Unordered on purpose: with the list's ORDER BY, PostgreSQL reads and sorts every post in
    // scope at 20,000 posts (seq scan + top-N sort, ~125 ms) rather than walk the index; without
    // it, it stops after the first cap + 1 matches of a scan (~1 ms), as SQLite does.
    const capped = (rows: Knex.QueryBuilder, cap: number) =>
      this.db
        .from(
          rows
            .select(this.db.raw('1'))
            .limit(cap + 1)
            .as('capped'),
        )
        .count('*');

    const page = filter(withMarks(this.db, this.postgres, query.viewerRef));
    if (query.upcoming) {
      page.orderBy([
        { column: 'a.event_start', order: 'asc' },
        { column: 'a.id', order: 'asc' },
      ]);
      if (query.cursor) {
        const [start, id] = decodeCursor(query.cursor, 'ns');
        page.whereRaw('(a.event_start, a.id) > (?, ?)', [start, id]);
      }
    } else {
      page.orderBy([
        { column: 'a.pinned', order: 'desc' },
        { column: 'a.sort_at', order: 'desc' },
        { column: 'a.id', order: 'desc' },
      ]);
      if (query.cursor) {
        const [pinned, sortAt, id] = decodeCursor(query.cursor, 'nns');
        page.whereRaw('(a.pinned, a.sort_at, a.id) < (?, ?, ?)', [
          Boolean(pinned),
          sortAt,
          id,
        ]);
      }
    }

    const unreadInScope = query.viewerRef
      ? capped(
          notReadBy(
            published(inScope(this.db('announcements as a'), query), now),
            query.viewerRef,
          ),
          ANNOUNCEMENT_UNREAD_COUNT_CAP,
        )
      : this.db.raw('0');
    const [rows, counts] = await Promise.all([
      page.limit(query.limit + 1) as Promise<Row[]>,
      this.db.select({
        total: capped(
          filter(this.db('announcements as a')),
          ANNOUNCEMENT_TOTAL_COUNT_CAP,
        ),
        unread: unreadInScope,
      }),
    ]);
    const total = countOf(counts, 'total');
    const unread = countOf(counts, 'unread');
    const items = rows.slice(0, query.limit).map(toAnnouncement);
    const last = rows[query.limit - 1];
    let nextCursor: string | null = null;
    if (rows.length > query.limit) {
      nextCursor = encodeCursor(
        query.upcoming
          ? [Number(last.event_start), last.id]
          : [last.pinned ? 1 : 0, Number(last.sort_at), last.id],
      );
    }
    return {
      items,
      totalCount: Math.min(total, ANNOUNCEMENT_TOTAL_COUNT_CAP),
      totalCountCapped: total > ANNOUNCEMENT_TOTAL_COUNT_CAP,
      nextCursor,
      unreadCount: Math.min(unread, ANNOUNCEMENT_UNREAD_COUNT_CAP),
      unreadCountCapped: unread > ANNOUNCEMENT_UNREAD_COUNT_CAP,
    };
  }

  /**
   * A loose index scan: one probe of announcements_list_idx per product, where
   * SELECT DISTINCT reads every post (the unfiltered list runs this on every request).
   */
  async productRefsWithPosts(includeUnpublished: boolean): Promise<string[]> {
    const onlyPublished = includeUnpublished
      ? ''
      : ' and published_at is not null';
    const result = await this.db.raw(
      `with recursive products (ref) as (
         select (select min(product_ref) from announcements
                 where product_ref is not null${onlyPublished})
         union all
         select (select min(product_ref) from announcements
                 where product_ref > products.ref${onlyPublished})
         from products where products.ref is not null
       )
       select ref from products where ref is not null`,
    );
    return rowsOf<{ ref: string }>(result).map(row => row.ref);
  }
  async banners(query: {
    productRef: string | null;
    types: string[];
    viewerRef?: string;
    now: number;
  }): Promise<StoredAnnouncement[]> {
    const rows = published(this.db<Row>('announcements as a'), query.now)
      .select('a.*', tagsColumn(this.db, this.postgres))
      .where('a.pinned', true)
      .whereIn('a.type', query.types)
      .orderBy([
        { column: 'a.sort_at', order: 'desc' },
        { column: 'a.id', order: 'desc' },
      ])
      .limit(20);
    if (query.productRef) rows.where('a.product_ref', query.productRef);
    else rows.whereNull('a.product_ref');
    if (query.viewerRef) {
      rows.whereNotExists(
        rowOfPost(
          this.db,
          'announcement_dismissals',
          'user_ref',
          query.viewerRef,
        ),
      );
    }
    return (await rows).map(toAnnouncement);
  }
}
