import { Knex } from 'knex';
import { decodeNumberIdCursor } from '../../shared/paging';
import { StoredPost, StoredRating, StoredReply } from '../FeedbackStore';

/** The tables' rows as the drivers return them: numbers may come as strings, booleans as 0/1. */
export type PostRow = {
  id: string;
  product_ref: string;
  entity_ref: string;
  type: string;
  title: string;
  body: string | null;
  status: string;
  duplicate_of: string | null;
  anonymous: boolean | number;
  author_ref: string | null;
  author_hash: string;
  author_ref_encrypted: string | null;
  vote_count: number | string;
  reply_count: number | string;
  first_team_reply_at: number | string | null;
  hidden: boolean | number;
  roadmap_item_id: string | null;
  created_at: number | string;
  updated_at: number | string;
};

export type RatingRow = {
  id: string;
  product_ref: string;
  entity_ref: string;
  score: number;
  comment: string | null;
  anonymous: boolean | number;
  author_ref: string | null;
  author_hash: string;
  month: string;
  created_at: number | string;
};

export type ReplyRow = {
  id: string;
  post_id: string;
  author_ref: string | null;
  author_hash: string;
  by_post_author: boolean | number;
  official: boolean | number;
  body: string;
  created_at: number | string;
};

export const toPost = (row: PostRow): StoredPost => ({
  id: row.id,
  productRef: row.product_ref,
  entityRef: row.entity_ref,
  type: row.type as StoredPost['type'],
  title: row.title,
  body: row.body,
  status: row.status as StoredPost['status'],
  duplicateOf: row.duplicate_of,
  anonymous: Boolean(row.anonymous),
  authorRef: row.author_ref,
  authorHash: row.author_hash,
  authorRefEncrypted: row.author_ref_encrypted,
  voteCount: Number(row.vote_count),
  replyCount: Number(row.reply_count),
  firstTeamReplyAt:
    row.first_team_reply_at === null ? null : Number(row.first_team_reply_at),
  hidden: Boolean(row.hidden),
  roadmapItemId: row.roadmap_item_id ?? null,
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
});

export const toRating = (row: RatingRow): StoredRating => ({
  id: row.id,
  productRef: row.product_ref,
  entityRef: row.entity_ref,
  score: Number(row.score),
  comment: row.comment,
  anonymous: Boolean(row.anonymous),
  authorRef: row.author_ref,
  authorHash: row.author_hash,
  createdAt: Number(row.created_at),
});

export const toReply = (row: ReplyRow): StoredReply => ({
  id: row.id,
  postId: row.post_id,
  authorRef: row.author_ref,
  authorHash: row.author_hash,
  byPostAuthor: Boolean(row.by_post_author),
  official: Boolean(row.official),
  body: row.body,
  createdAt: Number(row.created_at),
});

/** The row of a new post: the other columns start at their defaults. */
export const newPostRow = (post: StoredPost) => ({
  id: post.id,
  product_ref: post.productRef,
  entity_ref: post.entityRef,
  type: post.type,
  title: post.title,
  body: post.body,
  status: post.status,
  anonymous: post.anonymous,
  author_ref: post.authorRef,
  author_hash: post.authorHash,
  author_ref_encrypted: post.authorRefEncrypted,
  created_at: post.createdAt,
  updated_at: post.updatedAt,
});

export const ratingRow = (rating: StoredRating, month: string): RatingRow => ({
  id: rating.id,
  product_ref: rating.productRef,
  entity_ref: rating.entityRef,
  score: rating.score,
  comment: rating.comment,
  anonymous: rating.anonymous,
  author_ref: rating.authorRef,
  author_hash: rating.authorHash,
  month,
  created_at: rating.createdAt,
});

/** Newest first, from after the cursor's [created_at, id]. */
export function newestFirst<T extends Knex.QueryBuilder>(
  page: T,
  cursor?: string,
): T {
  page.orderBy([
    { column: 'created_at', order: 'desc' },
    { column: 'id', order: 'desc' },
  ]);
  if (cursor) {
    const [createdAt, id] = decodeNumberIdCursor(cursor);
    page.whereRaw('(created_at, id) < (?, ?)', [createdAt, id]);
  }
  return page;
}

/** Most votes first, ties by id, from after the cursor's [vote_count, id]. */
export function mostVotedFirst<T extends Knex.QueryBuilder>(
  page: T,
  cursor?: string,
): T {
  page.orderBy([
    { column: 'vote_count', order: 'desc' },
    { column: 'id', order: 'asc' },
  ]);
  if (cursor) {
    const [votes, id] = decodeNumberIdCursor(cursor);
    page.where(after =>
      after
        .where('vote_count', '<', votes)
        .orWhere(tie => tie.where('vote_count', votes).where('id', '>', id)),
    );
  }
  return page;
}
