import { Knex } from 'knex';
import {
  AnnouncementChange,
  AnnouncementWithMarks,
  StoredAnnouncement,
} from '../AnnouncementStore';

/** An announcement row as read (with the viewer's marks and the tags column when joined). */
export type Row = {
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

export function toAnnouncement(row: Row): AnnouncementWithMarks {
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
export function fieldColumns(post: Omit<AnnouncementChange, 'tags'>) {
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

/**
 * The post's tags as a column of its row (`a` is the post), so a read is one round trip:
 * a correlated subquery, evaluated for the rows returned only (after the LIMIT).
 */
export function tagsColumn(db: Knex, postgres: boolean) {
  return postgres
    ? db.raw(
        'array(select t.tag from announcement_tags t where t.announcement_id = a.id order by t.tag) as tags',
      )
    : db.raw(
        '(select json_group_array(t.tag) from announcement_tags t where t.announcement_id = a.id) as tags',
      );
}

/** The post with the viewer's marks: one join, no viewer matches ''. */
export function withMarks(
  db: Knex,
  postgres: boolean,
  viewerRef: string | undefined,
) {
  return db<Row>('announcements as a')
    .leftJoin('announcement_reads as r', join =>
      join
        .on('r.announcement_id', '=', 'a.id')
        .andOn('r.user_ref', '=', db.raw('?', [viewerRef ?? ''])),
    )
    .select('a.*', 'r.read_at', 'r.acknowledged_at', tagsColumn(db, postgres));
}

/** Published and unexpired posts. */
export function published(query: Knex.QueryBuilder, now: number) {
  return query
    .whereNotNull('a.published_at')
    .where(unexpired =>
      unexpired.whereNull('a.expires_at').orWhere('a.expires_at', '>', now),
    );
}

/** Posts of the given products (or of all products) and, with `global`, the global ones. */
export function inScope(
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

/**
 * A correlated subquery for `whereExists` / `whereNotExists`: a row of `table` (a child of
 * the post `a`) whose `column` is `value`.
 */
export function rowOfPost(
  db: Knex,
  table: string,
  column: string,
  value: string,
) {
  return db(`${table} as c`)
    .select(db.raw('1'))
    .whereRaw('c.announcement_id = a.id')
    .andWhere(`c.${column}`, value);
}
