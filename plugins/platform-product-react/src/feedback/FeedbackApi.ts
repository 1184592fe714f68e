import {
  CreateFeedbackRequest,
  FeedbackItem,
  FeedbackItemWithReplies,
  FeedbackList,
  FeedbackReply,
  FeedbackStats,
  FeedbackStatus,
  FeedbackType,
  FeedbackVote,
  UpdateFeedbackRequest,
} from '@platform-product/plugin-platform-product-common';

/**
 * Which feedback of a product to list, one page at a time.
 *
 * @public
 */
export interface ListFeedbackOptions {
  /** the full entity ref of the PlatformProduct */
  productRef: string;
  /** posts of one type, or ratings with `rating`; all posts when left out */
  type?: FeedbackType;
  status?: FeedbackStatus;
  /** searches title and body */
  q?: string;
  sort?: 'recent' | 'votes';
  /** 1-100, 20 by default */
  limit?: number;
  /** the `nextCursor` of the previous page */
  cursor?: string;
  /** only the caller's own feedback, anonymous included */
  mine?: boolean;
}

/**
 * The feedback calls of the Platform Product backend.
 *
 * @public
 */
export interface PlatformProductFeedbackApi {
  /** Rates a product or posts feedback on it (or on one of its parts). */
  createFeedback(request: CreateFeedbackRequest): Promise<FeedbackItem>;
  listFeedback(options: ListFeedbackOptions): Promise<FeedbackList>;
  /** One rating or post, with its replies. */
  getFeedback(id: string): Promise<FeedbackItemWithReplies>;
  /** Triage (status, duplicateOf), an edit by the author, or hiding. */
  updateFeedback(
    id: string,
    change: UpdateFeedbackRequest,
  ): Promise<FeedbackItem>;
  replyToFeedback(id: string, body: string): Promise<FeedbackReply>;
  /** Adds (`true`) or removes (`false`) the caller's vote on a post. */
  voteOnFeedback(id: string, vote: boolean): Promise<FeedbackVote>;
  /** NPS and team metrics over the last 1, 3 or 12 months (12 by default). */
  getFeedbackStats(
    productRef: string,
    options?: { months?: 1 | 3 | 12 },
  ): Promise<FeedbackStats>;
  /** Every rating and post of a product as CSV (for the product team). */
  exportFeedback(productRef: string): Promise<Blob>;
}
