import {
  FeedbackPostType,
  FeedbackStatus,
  NpsCounts,
  RoadmapItemSummary,
} from '@platform-product/plugin-platform-product-common';

/** Times are epoch milliseconds. */
export interface StoredPost {
  id: string;
  productRef: string;
  entityRef: string;
  type: FeedbackPostType;
  title: string;
  body: string | null;
  status: FeedbackStatus;
  duplicateOf: string | null;
  anonymous: boolean;
  /** null when anonymous */
  authorRef: string | null;
  authorHash: string;
  /** anonymous posts only; for notifications, never returned by the API */
  authorRefEncrypted: string | null;
  voteCount: number;
  replyCount: number;
  firstTeamReplyAt: number | null;
  hidden: boolean;
  /** the roadmap item that carries the post */
  roadmapItemId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface StoredRating {
  id: string;
  productRef: string;
  entityRef: string;
  score: number;
  comment: string | null;
  anonymous: boolean;
  authorRef: string | null;
  authorHash: string;
  createdAt: number;
}

export interface StoredReply {
  id: string;
  postId: string;
  /** null when the anonymous author of the post replies */
  authorRef: string | null;
  authorHash: string;
  byPostAuthor: boolean;
  official: boolean;
  body: string;
  createdAt: number;
}

export type NewPost = Omit<
  StoredPost,
  | 'status'
  | 'duplicateOf'
  | 'voteCount'
  | 'replyCount'
  | 'firstTeamReplyAt'
  | 'hidden'
  | 'roadmapItemId'
  | 'updatedAt'
>;

export interface PostQuery {
  productRef: string;
  type?: FeedbackPostType;
  status?: FeedbackStatus;
  /** matched case-insensitively anywhere in title or body */
  q?: string;
  sort: 'recent' | 'votes';
  limit: number;
  /** from a previous page's nextCursor */
  cursor?: string;
  /** only this author's posts */
  authorHash?: string;
  includeHidden: boolean;
  /** whose vote marks each post of the page (`votedByMe`); none without */
  voterRef?: string;
}

/** A post of a list page, with the voter's mark. */
export type ListedPost = StoredPost & { votedByMe: boolean };

export interface RatingQuery {
  productRef: string;
  q?: string;
  limit: number;
  cursor?: string;
  authorHash?: string;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  nextCursor: string | null;
}

export interface PostChange {
  /** set only when the post is still in `fromStatus` (a concurrent change loses) */
  status?: { from: FeedbackStatus; to: FeedbackStatus; duplicateOf?: string };
  title?: string;
  body?: string;
  hidden?: boolean;
  updatedAt: number;
}

/** Over visible posts only; kept as aggregates on write, so reading them does not scan posts. */
export interface PostMetrics {
  /** posts created in the given months */
  posts: number;
  /** of those, the ones with a reply by the team */
  postsWithTeamReply: number;
  /**
   * median of (first team reply - creation) over those, in ms, from a histogram: exact to
   * 0.1 hour up to 5 hours, to 1% beyond
   */
  medianFirstResponseMs: number | null;
  /** posts still `new` that were created before the given time */
  untriaged: number;
}

/**
 * The daily limit a new rating or post is checked against in its own write: its author wrote
 * fewer than `atMost` ratings and posts since `since`.
 */
export type WriteLimit = { since: number; atMost: number };

/** A rating or post refused by its WriteLimit: nothing was written. */
export class WriteLimitReached extends Error {
  name = 'WriteLimitReached' as const;
}

/** Feedback on products: ratings, posts, replies, votes and the aggregates kept on write. */
/** Which posts a vote may land on: visible ones, and hidden ones too with `includeHidden`. */
export type VoteOn = { includeHidden?: boolean };

export interface FeedbackStore {
  /**
   * Records a rating and updates the month's NPS counts in the same transaction (or
   * statement); throws WriteLimitReached when the author has reached `limit`.
   */
  addRating(rating: StoredRating, limit?: WriteLimit): Promise<void>;
  getRating(id: string): Promise<StoredRating | undefined>;
  listRatings(query: RatingQuery): Promise<Page<StoredRating>>;

  /** Records a post with its counters; throws WriteLimitReached as addRating does. */
  addPost(post: NewPost, limit?: WriteLimit): Promise<StoredPost>;
  getPost(id: string): Promise<StoredPost | undefined>;
  listPosts(query: PostQuery): Promise<Page<ListedPost>>;
  /** Returns the changed post, or undefined when it is gone or its status moved meanwhile. */
  updatePost(id: string, change: PostChange): Promise<StoredPost | undefined>;
  /** Deletes the post with its thread and votes, taking it off the roadmap item that carries it. */
  deletePost(id: string): Promise<boolean>;
  /** The roadmap items that carry posts, by id: one read for a page of posts. */
  roadmapItems(itemIds: string[]): Promise<Map<string, RoadmapItemSummary>>;

  /** Adds a reply; an official one sets the post's first team reply time. */
  addReply(reply: StoredReply): Promise<void>;
  listReplies(postId: string): Promise<StoredReply[]>;
  getReply(id: string): Promise<StoredReply | undefined>;
  deleteReply(id: string): Promise<boolean>;

  /**
   * Adds the user's vote (idempotent); returns the post's vote count after it, undefined when
   * there is no such post, or it is hidden and `on` does not include hidden posts. A vote on a
   * post a roadmap item carries moves the item's demand in the same transaction.
   */
  addVote(
    postId: string,
    voterRef: string,
    on?: VoteOn,
  ): Promise<number | undefined>;
  /** Removes the user's vote (idempotent); as addVote. */
  removeVote(
    postId: string,
    voterRef: string,
    on?: VoteOn,
  ): Promise<number | undefined>;
  /** Which of these posts the user voted for. */
  votedBy(postIds: string[], voterRef: string): Promise<Set<string>>;
  listVoters(postId: string): Promise<string[]>;

  /** NPS counts of the given months (YYYY-MM), in that order, zero for months without ratings. */
  npsByMonth(
    productRef: string,
    months: string[],
  ): Promise<Array<NpsCounts & { month: string }>>;
  postMetrics(
    productRef: string,
    options: { months: string[]; untriagedBefore: number },
  ): Promise<PostMetrics>;

  /** Every rating and post of the product, oldest first, for the export. */
  exportItems(
    productRef: string,
  ): Promise<{ ratings: StoredRating[]; posts: StoredPost[] }>;
}
