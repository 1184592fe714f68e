import {
  computeNps,
  FeedbackItem,
  FeedbackReply,
  FeedbackStats,
  NpsCounts,
  RoadmapItemSummary,
} from '@platform-product/plugin-platform-product-common';
import { iso } from '../shared/clock';
import { toCsv } from './csv';
import {
  PostMetrics,
  StoredPost,
  StoredRating,
  StoredReply,
} from './FeedbackStore';

/**
 * What the API answers for stored feedback, as seen by a viewer (their author hash, none for
 * a service): `mine` marks their own; anonymous authors appear nowhere. A post shows the
 * roadmap item that carries it, from `roadmapItems` (read once per page).
 */
export function postView(
  post: StoredPost,
  viewerHash: string | undefined,
  votedByMe: boolean,
  roadmapItems: Map<string, RoadmapItemSummary>,
): FeedbackItem {
  return {
    id: post.id,
    productRef: post.productRef,
    entityRef: post.entityRef,
    type: post.type,
    score: null,
    title: post.title,
    body: post.body,
    status: post.status,
    duplicateOf: post.duplicateOf,
    anonymous: post.anonymous,
    author: post.anonymous ? null : post.authorRef,
    mine: viewerHash === post.authorHash,
    voteCount: post.voteCount,
    votedByMe,
    replyCount: post.replyCount,
    hasOfficialReply: post.firstTeamReplyAt !== null,
    hidden: post.hidden,
    roadmapItem:
      (post.roadmapItemId && roadmapItems.get(post.roadmapItemId)) || null,
    createdAt: iso(post.createdAt),
    updatedAt: iso(post.updatedAt),
  };
}

export function ratingView(
  rating: StoredRating,
  viewerHash: string | undefined,
): FeedbackItem {
  return {
    id: rating.id,
    productRef: rating.productRef,
    entityRef: rating.entityRef,
    type: 'rating',
    score: rating.score,
    title: null,
    body: rating.comment,
    status: null,
    duplicateOf: null,
    anonymous: rating.anonymous,
    author: rating.anonymous ? null : rating.authorRef,
    mine: viewerHash === rating.authorHash,
    voteCount: 0,
    votedByMe: false,
    replyCount: 0,
    hasOfficialReply: false,
    hidden: false,
    roadmapItem: null,
    createdAt: iso(rating.createdAt),
    updatedAt: iso(rating.createdAt),
  };
}

export function replyView(
  reply: StoredReply,
  viewerHash: string | undefined,
): FeedbackReply {
  return {
    id: reply.id,
    postId: reply.postId,
    author: reply.authorRef,
    byPostAuthor: reply.byPostAuthor,
    official: reply.official,
    mine: viewerHash === reply.authorHash,
    body: reply.body,
    createdAt: iso(reply.createdAt),
  };
}

/** A product's feedback as CSV, ratings then posts; anonymous authors stay blank. */
export function feedbackCsv(items: {
  ratings: StoredRating[];
  posts: StoredPost[];
}): string {
  const author = (item: { anonymous: boolean; authorRef: string | null }) =>
    item.anonymous ? 'anonymous' : item.authorRef;
  return toCsv(
    [
      'id',
      'type',
      'created_at',
      'entity_ref',
      'author',
      'score',
      'title',
      'body',
      'status',
      'duplicate_of',
      'votes',
      'replies',
      'hidden',
    ],
    [
      ...items.ratings.map(r => [
        r.id,
        'rating',
        iso(r.createdAt),
        r.entityRef,
        author(r),
        r.score,
        null,
        r.comment,
        null,
        null,
        null,
        null,
        null,
      ]),
      ...items.posts.map(p => [
        p.id,
        p.type,
        iso(p.createdAt),
        p.entityRef,
        author(p),
        null,
        p.title,
        p.body,
        p.status,
        p.duplicateOf,
        p.voteCount,
        p.replyCount,
        p.hidden,
      ]),
    ],
  );
}

const HOUR = 3_600_000;

/** The stats of a product over its last months, from the aggregates kept on write. */
export function statsView(
  productRef: string,
  months: number,
  byMonth: Array<NpsCounts & { month: string }>,
  metrics: PostMetrics,
): FeedbackStats {
  const totals = byMonth.reduce(
    (sum, month) => ({
      promoters: sum.promoters + month.promoters,
      passives: sum.passives + month.passives,
      detractors: sum.detractors + month.detractors,
    }),
    { promoters: 0, passives: 0, detractors: 0 },
  );
  return {
    productRef,
    months,
    nps: computeNps(totals),
    responses: totals.promoters + totals.passives + totals.detractors,
    ...totals,
    trend: byMonth.map(month => ({
      month: month.month,
      nps: computeNps(month),
      responses: month.promoters + month.passives + month.detractors,
    })),
    medianFirstResponseHours:
      metrics.medianFirstResponseMs === null
        ? null
        : Math.round((metrics.medianFirstResponseMs / HOUR) * 10) / 10,
    untriagedOver14Days: metrics.untriaged,
    replyRate: metrics.posts
      ? Math.round((metrics.postsWithTeamReply / metrics.posts) * 1000) / 1000
      : null,
  };
}
