import { chunks } from '../shared/chunks';
import { decodeCursor, encodeCursor } from '../shared/paging';
import { countOf, forUpdate, isPostgres, likePattern } from '../shared/sql';
import {
  ANNOUNCEMENT_TOTAL_COUNT_CAP,
  ANNOUNCEMENT_UNREAD_COUNT_CAP,
} from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import {
  AnnouncementChange,
  AnnouncementPage,
  AnnouncementQuery,
  AnnouncementStore,
  AnnouncementWithMarks,
  DeliveryRecipient,
  NewAnnouncement,
  ReachCounts,
  StoredAnnouncement,
} from './AnnouncementStore';

type Row = {
  id: string;
  product_ref: string | null;
  type: string;
  title: string;
  summary: string;
  body: string;
  pinned: boolean | number;
  draft: boolean | number;
  author_ref: string;
  on_behalf_of: string | null;
  publish_at: number | string | null;
  published_at: number | string | null;
  expires_at: number | string | null;
  effective_at: number | string | null;
  sort_at: number | string;
  event_kind: string | null;
  event_start: number | string | null;
  event_end: number | string | null;
  event_location: string | null;
  delivered_at: number | string | null;
  audience_recorded_at?: number | string | null;
  delivery_claim?: string | null;
  created_at: number | string;
  updated_at: number | string;
  read_at?: number | string | null;
  acknowledged_at?: number | string | null;
  /** from tagsColumn: an array on PostgreSQL, JSON text on SQLite */
  tags: string[] | string | null;
};

const num = (value: number | string | null | undefined) =>
  value === null || value === undefined ? null : Number(value);

function tagsOf(row: Row): string[] {
  const tags: string[] =
    typeof row.tags === 'string' ? JSON.parse(row.tags) : row.tags ?? [];
  return tags.sort();
}

function toAnnouncement(row: Row): AnnouncementWithMarks {
  return {
    id: row.id,
    productRef: row.product_ref,
    type: row.type as StoredAnnouncement['type'],
    title: row.title,
    summary: row.summary,
    body: row.body,
    tags: tagsOf(row),
    pinned: Boolean(row.pinned),
    draft: Boolean(row.draft),
    authorRef: row.author_ref,
    onBehalfOf: row.on_behalf_of,
    publishAt: num(row.publish_at),
    publishedAt: num(row.published_at),
    expiresAt: num(row.expires_at),
    effectiveAt: num(row.effective_at),
    event:
      row.event_start === null
        ? null
        : {
            kind: (row.event_kind ?? 'other') as NonNullable<
              StoredAnnouncement['event']
            >['kind'],
            start: Number(row.event_start),
            end: Number(row.event_end),
            location: row.event_location,
          },
    deliveredAt: num(row.delivered_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    readAt: num(row.read_at),
    acknowledgedAt: num(row.acknowledged_at),
  };
}

/** The columns of the post's own fields (not its delivery state). */
function fieldColumns(post: Omit<AnnouncementChange, 'tags'>) {
  const columns: Partial<Row> = {};
  if (post.type !== undefined) columns.type = post.type;
  if (post.title !== undefined) columns.title = post.title;
  if (post.summary !== undefined) columns.summary = post.summary;
  if (post.body !== undefined) columns.body = post.body;
  if (post.pinned !== undefined) columns.pinned = post.pinned;
  if (post.draft !== undefined) columns.draft = post.draft;
  if (post.onBehalfOf !== undefined) columns.on_behalf_of = post.onBehalfOf;
  if (post.publishAt !== undefined) columns.publish_at = post.publishAt;
  if (post.expiresAt !== undefined) columns.expires_at = post.expiresAt;
  if (post.effectiveAt !== undefined) columns.effective_at = post.effectiveAt;
  if (post.event !== undefined) {
    columns.event_kind = post.event?.kind ?? null;
    columns.event_start = post.event?.start ?? null;
    columns.event_end = post.event?.end ?? null;
    columns.event_location = post.event?.location ?? null;
  }
  return columns;
}

/** rows per statement: well under the bound-parameter limits of SQLite and PostgreSQL */
const CHUNK = 500;

export class DatabaseAnnouncementStore implements AnnouncementStore {
  static create(db: Knex) {
    return new DatabaseAnnouncementStore(db);
  }

  private readonly isPostgres: boolean;

  private constructor(private readonly db: Knex) {
    this.isPostgres = isPostgres(db);
  }

  /** Row locks on PostgreSQL; SQLite serializes writers anyway. */
  private forUpdate<T extends Knex.QueryBuilder>(query: T): T {
    return forUpdate(this.isPostgres, query);
  }

  /**
   * The post's tags as a column of its row (`a` is the post), so a read is one round trip:
   * a correlated subquery, evaluated for the rows returned only (after the LIMIT).
   */
  private tagsColumn(db: Knex = this.db) {
    return this.isPostgres
      ? db.raw(
          'array(select t.tag from announcement_tags t where t.announcement_id = a.id order by t.tag) as tags',
        )
      : db.raw(
          '(select json_group_array(t.tag) from announcement_tags t where t.announcement_id = a.id) as tags',
        );
  }

  /** The post with the viewer's marks: one join, no viewer matches ''. */
  private withMarks(viewerRef: string | undefined, db: Knex = this.db) {
    return db<Row>('announcements as a')
      .leftJoin('announcement_reads as r', join =>
        join
          .on('r.announcement_id', '=', 'a.id')
          .andOn('r.user_ref', '=', db.raw('?', [viewerRef ?? ''])),
      )
      .select('a.*', 'r.read_at', 'r.acknowledged_at', this.tagsColumn(db));
  }

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
    const row = await this.withMarks(viewerRef).where('a.id', id).first();
    return row ? toAnnouncement(row) : undefined;
  }

  async update(
    id: string,
    change: AnnouncementChange & { publishedAt?: number },
    expectedUpdatedAt: number,
    updatedAt: number,
  ): Promise<StoredAnnouncement | undefined> {
    const updated = await this.db.transaction(async tx => {
      const row: Row | undefined = await this.forUpdate(
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
    return this.db.transaction(async tx => {
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

  private published(query: Knex.QueryBuilder, now: number) {
    return query
      .whereNotNull('a.published_at')
      .where(unexpired =>
        unexpired.whereNull('a.expires_at').orWhere('a.expires_at', '>', now),
      );
  }

  /** Posts of the given products (or of all products) and, with `global`, the global ones. */
  private inScope(
    query: Knex.QueryBuilder,
    scope: { productRefs?: string[]; global: boolean },
  ) {
    if (scope.productRefs) {
      const refs = scope.productRefs;
      if (scope.global) {
        // One condition on an expression, not `in (...) or is null`: SQLite would read every
        // post of those products by announcements_list_idx and sort them all for the page
        // (1.5 s at 200,000 posts); like this it walks announcements_all_idx in list order.
        return query.whereRaw(
          `coalesce(a.product_ref, '') in (${refs.map(() => '?').join(', ')}${
            refs.length ? ', ' : ''
          }'')`,
          refs,
        );
      }
      return query.whereIn('a.product_ref', refs);
    }
    return scope.global ? query : query.whereNotNull('a.product_ref');
  }

  async list(query: AnnouncementQuery): Promise<AnnouncementPage> {
    const { now, editable } = query;
    const notReadBy = (inner: Knex.QueryBuilder, viewerRef: string) =>
      inner.whereNotExists(
        this.db('announcement_reads as u')
          .select(this.db.raw('1'))
          .whereRaw('u.announcement_id = a.id')
          .andWhere('u.user_ref', viewerRef),
      );
    // the same filters for the page (with the viewer's marks joined) and for the count
    const filter = (rows: Knex.QueryBuilder) => {
      this.inScope(rows, query).where(visible => {
        visible.where(published => this.published(published, now));
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
          this.db('announcement_tags as t')
            .select(this.db.raw('1'))
            .whereRaw('t.announcement_id = a.id')
            .andWhere('t.tag', query.tag),
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

    const page = filter(this.withMarks(query.viewerRef));
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
            this.published(
              this.inScope(this.db('announcements as a'), query),
              now,
            ),
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
    const published = includeUnpublished ? '' : ' and published_at is not null';
    const result = await this.db.raw(
      `with recursive products (ref) as (
         select (select min(product_ref) from announcements
                 where product_ref is not null${published})
         union all
         select (select min(product_ref) from announcements
                 where product_ref > products.ref${published})
         from products where products.ref is not null
       )
       select ref from products where ref is not null`,
    );
    const rows: Array<{ ref: string }> = this.isPostgres ? result.rows : result;
    return rows.map(row => row.ref);
  }

  async markRead(
    id: string,
    userRef: string,
    now: number,
    acknowledge: boolean,
  ): Promise<void> {
    const insert = this.db('announcement_reads')
      .insert({
        announcement_id: id,
        user_ref: userRef,
        read_at: now,
        acknowledged_at: acknowledge ? now : null,
      })
      .onConflict(['announcement_id', 'user_ref']);
    if (acknowledge) {
      await insert.merge({
        acknowledged_at: this.db.raw(
          'coalesce(announcement_reads.acknowledged_at, ?)',
          [now],
        ),
      });
    } else {
      await insert.ignore();
    }
  }

  async dismiss(id: string, userRef: string, now: number): Promise<void> {
    await this.db('announcement_dismissals')
      .insert({ announcement_id: id, user_ref: userRef, dismissed_at: now })
      .onConflict(['announcement_id', 'user_ref'])
      .ignore();
  }

  async banners(query: {
    productRef: string | null;
    types: string[];
    viewerRef?: string;
    now: number;
  }): Promise<StoredAnnouncement[]> {
    const rows = this.published(this.db<Row>('announcements as a'), query.now)
      .select('a.*', this.tagsColumn())
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
        this.db('announcement_dismissals as d')
          .select(this.db.raw('1'))
          .whereRaw('d.announcement_id = a.id')
          .andWhere('d.user_ref', query.viewerRef),
      );
    }
    return (await rows).map(toAnnouncement);
  }

  async setFollow(
    productRef: string,
    userRef: string,
    following: boolean,
    now: number,
  ): Promise<void> {
    if (following) {
      await this.db('product_follows')
        .insert({ product_ref: productRef, user_ref: userRef, created_at: now })
        .onConflict(['product_ref', 'user_ref'])
        .ignore();
    } else {
      await this.db('product_follows')
        .where({ product_ref: productRef, user_ref: userRef })
        .delete();
    }
  }

  async follow(
    productRef: string,
    userRef?: string,
  ): Promise<{ following: boolean; followers: number }> {
    const [row] = await this.db.select({
      followers: this.db('product_follows')
        .where('product_ref', productRef)
        .count('*'),
      mine: this.db('product_follows')
        .where({ product_ref: productRef, user_ref: userRef ?? '' })
        .count('*'),
    });
    return {
      following: Number(row.mine) > 0,
      followers: Number(row.followers),
    };
  }

  async followers(productRef: string): Promise<string[]> {
    return this.db('product_follows')
      .where('product_ref', productRef)
      .orderBy('user_ref')
      .pluck('user_ref');
  }

  async reach(id: string): Promise<ReachCounts> {
    const audience = () =>
      this.db('announcement_deliveries as d').where('d.announcement_id', id);
    const readers = () =>
      this.db('announcement_reads as r').where('r.announcement_id', id);
    const teamsWhere = (acknowledged: boolean) => {
      const query = audience()
        .join('announcement_reads as r', join =>
          join
            .on('r.announcement_id', '=', 'd.announcement_id')
            .andOn('r.user_ref', '=', 'd.user_ref'),
        )
        .countDistinct('d.team_ref');
      return acknowledged ? query.whereNotNull('r.acknowledged_at') : query;
    };
    const [[counts], pending] = await Promise.all([
      this.db.select({
        audienceUsers: audience().count('*'),
        readUsers: readers().count('*'),
        acknowledgedUsers: readers()
          .whereNotNull('r.acknowledged_at')
          .count('*'),
        audienceTeams: audience().countDistinct('d.team_ref'),
        reachedTeams: teamsWhere(false),
        acknowledgedTeams: teamsWhere(true),
      }),
      audience()
        .leftJoin('announcement_reads as r', join =>
          join
            .on('r.announcement_id', '=', 'd.announcement_id')
            .andOn('r.user_ref', '=', 'd.user_ref'),
        )
        .whereNull('r.acknowledged_at')
        .select('d.team_ref', 'd.user_ref')
        .orderBy([
          { column: 'd.team_ref', order: 'asc' },
          { column: 'd.user_ref', order: 'asc' },
        ]) as Promise<Array<{ team_ref: string | null; user_ref: string }>>,
    ]);
    const byTeam = new Map<string | null, string[]>();
    for (const row of pending) {
      const users = byTeam.get(row.team_ref) ?? [];
      users.push(row.user_ref);
      byTeam.set(row.team_ref, users);
    }
    return {
      audienceUsers: Number(counts.audienceUsers),
      readUsers: Number(counts.readUsers),
      acknowledgedUsers: Number(counts.acknowledgedUsers),
      audienceTeams: Number(counts.audienceTeams),
      reachedTeams: Number(counts.reachedTeams),
      acknowledgedTeams: Number(counts.acknowledgedTeams),
      // teams first by name, followers outside the teams last
      pendingAcknowledgement: [...byTeam.entries()]
        .sort(
          ([a], [b]) =>
            Number(a === null) - Number(b === null) ||
            (a ?? '').localeCompare(b ?? ''),
        )
        .map(([team, users]) => ({ team, users })),
    };
  }

  /** Due, undelivered posts whose delivery nobody holds. */
  private due(query: Knex.QueryBuilder, now: number, staleBefore: number) {
    return query
      .where('draft', false)
      .whereNull('delivered_at')
      .where('publish_at', '<=', now)
      .where(free =>
        free
          .whereNull('delivery_claimed_at')
          .orWhere('delivery_claimed_at', '<', staleBefore),
      );
  }

  async dueForDelivery(
    now: number,
    staleBefore: number,
    limit: number,
  ): Promise<string[]> {
    return this.due(this.db('announcements'), now, staleBefore)
      .orderBy([
        { column: 'publish_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(limit)
      .pluck('id');
  }

  async claimDelivery(
    id: string,
    claim: string,
    now: number,
    staleBefore: number,
  ): Promise<(StoredAnnouncement & { audienceRecorded: boolean }) | undefined> {
    // one conditional UPDATE: of two replicas, only one matches the row
    const claimed = await this.due(
      this.db('announcements').where('id', id),
      now,
      staleBefore,
    ).update({
      delivery_claim: claim,
      delivery_claimed_at: now,
      published_at: this.db.raw('coalesce(published_at, ?)', [now]),
      sort_at: this.db.raw(
        'case when published_at is null then ? else sort_at end',
        [now],
      ),
    });
    if (!claimed) return undefined;
    const row: Row | undefined = await this.db<Row>('announcements as a')
      .select('a.*', this.tagsColumn())
      .where('a.id', id)
      .first();
    if (!row || row.delivery_claim !== claim) return undefined;
    const post = toAnnouncement(row);
    return { ...post, audienceRecorded: row.audience_recorded_at !== null };
  }

  async recordAudience(
    id: string,
    claim: string,
    recipients: DeliveryRecipient[],
    now: number,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const row = await this.forUpdate(
        tx('announcements')
          .where({ id, delivery_claim: claim })
          .first('audience_recorded_at'),
      );
      if (!row) return false;
      if (row.audience_recorded_at !== null) return true;
      for (const chunk of chunks(recipients, 200)) {
        await tx('announcement_deliveries')
          .insert(
            chunk.map(recipient => ({
              announcement_id: id,
              user_ref: recipient.userRef,
              team_ref: recipient.teamRef,
              notified_at: null,
            })),
          )
          .onConflict(['announcement_id', 'user_ref'])
          .ignore();
      }
      await tx('announcements')
        .where('id', id)
        .update({ audience_recorded_at: now });
      return true;
    });
  }

  async pendingRecipients(id: string, limit: number): Promise<string[]> {
    return this.db('announcement_deliveries')
      .where('announcement_id', id)
      .whereNull('notified_at')
      .orderBy('user_ref')
      .limit(limit)
      .pluck('user_ref');
  }

  async markNotified(
    id: string,
    claim: string,
    userRefs: string[],
    now: number,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const renewed = await tx('announcements')
        .where({ id, delivery_claim: claim })
        .update({ delivery_claimed_at: now });
      if (!renewed) return false;
      for (const chunk of chunks(userRefs, CHUNK)) {
        await tx('announcement_deliveries')
          .where('announcement_id', id)
          .whereIn('user_ref', chunk)
          .update({ notified_at: now });
      }
      return true;
    });
  }

  async finishDelivery(
    id: string,
    claim: string,
    now: number,
  ): Promise<boolean> {
    const finished = await this.db('announcements')
      .where({ id, delivery_claim: claim })
      .update({
        delivered_at: now,
        delivery_claim: null,
        delivery_claimed_at: null,
      });
    return finished > 0;
  }

  async releaseDelivery(id: string, claim: string): Promise<void> {
    await this.db('announcements')
      .where({ id, delivery_claim: claim })
      .whereNull('delivered_at')
      .update({ delivery_claim: null, delivery_claimed_at: null });
  }
}
