import { z } from 'zod';
import { entityRefSchema } from '../refs';
import {
  booleanSchema,
  oneOf,
  optionalQueryText,
  pageLimitSchema,
  queryFlag,
  refuseControlCharacters,
  text,
} from '../shared/schemas';
import type { RoadmapItemSummary } from '../roadmap/types';

export const FEEDBACK_POST_TYPES = [
  'idea',
  'problem',
  'question',
  'praise',
] as const;
export const FEEDBACK_TYPES = ['rating', ...FEEDBACK_POST_TYPES] as const;
export type FeedbackPostType = (typeof FEEDBACK_POST_TYPES)[number];
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

export const FEEDBACK_STATUSES = [
  'new',
  'acknowledged',
  'planned',
  'in-progress',
  'done',
  'declined',
  'duplicate',
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/**
 * The triage workflow: forward, possibly skipping steps; planned work can go back to
 * planned; a closed post (done, declined, duplicate) can be reopened as acknowledged.
 * Nothing goes back to new.
 */
export const FEEDBACK_TRANSITIONS: Record<FeedbackStatus, FeedbackStatus[]> = {
  new: [
    'acknowledged',
    'planned',
    'in-progress',
    'done',
    'declined',
    'duplicate',
  ],
  acknowledged: ['planned', 'in-progress', 'done', 'declined', 'duplicate'],
  planned: ['acknowledged', 'in-progress', 'done', 'declined', 'duplicate'],
  'in-progress': ['planned', 'done', 'declined', 'duplicate'],
  done: ['acknowledged'],
  declined: ['acknowledged'],
  duplicate: ['acknowledged'],
};

export function canTransition(from: FeedbackStatus, to: FeedbackStatus) {
  return FEEDBACK_TRANSITIONS[from].includes(to);
}

export const FEEDBACK_TITLE_MAX = 200;
export const FEEDBACK_BODY_MAX = 10_000;

const scoreSchema = z.unknown().superRefine((value, ctx) => {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 0 ||
    value > 10
  ) {
    ctx.addIssue({
      code: 'custom',
      message: `must be an integer from 0 to 10, got ${JSON.stringify(value)}`,
    });
  }
}) as unknown as z.ZodType<number>;

/** POST /feedback: a rating (score, optional comment as body) or a post (title and markdown body). */
export const createFeedbackSchema = z
  .strictObject({
    entityRef: entityRefSchema,
    type: oneOf(FEEDBACK_TYPES),
    score: scoreSchema.optional(),
    title: text(FEEDBACK_TITLE_MAX).optional(),
    body: text(FEEDBACK_BODY_MAX).optional(),
    anonymous: booleanSchema.optional().default(false),
  })
  .superRefine((input, ctx) => {
    if (input.type === 'rating') {
      if (input.score === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['score'],
          message: 'is required for a rating',
        });
      }
      if (input.title !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['title'],
          message: 'is not allowed for a rating (send a comment as body)',
        });
      }
    } else {
      if (input.title === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['title'],
          message: `is required for a post (${input.type})`,
        });
      }
      if (input.score !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['score'],
          message: `is only for ratings, not for a post (${input.type})`,
        });
      }
    }
  });
export type CreateFeedbackRequest = z.input<typeof createFeedbackSchema>;

/** GET /feedback: posts (or, with type=rating, ratings) of one product, one page at a time. */
export const listFeedbackQuerySchema = z.object({
  productRef: entityRefSchema,
  type: oneOf(FEEDBACK_TYPES).optional(),
  status: oneOf(FEEDBACK_STATUSES).optional(),
  q: optionalQueryText,
  sort: oneOf(['recent', 'votes'] as const).default('recent'),
  limit: pageLimitSchema,
  cursor: optionalQueryText,
  /** only the caller's own feedback, anonymous included */
  mine: queryFlag,
});
export type ListFeedbackQuery = z.input<typeof listFeedbackQuerySchema>;

/**
 * PATCH /feedback/:id: triage (status, duplicateOf) by the product team, an edit of
 * title and body by the author, hiding by a moderator.
 */
export const updateFeedbackSchema = z
  .strictObject({
    status: oneOf(FEEDBACK_STATUSES).optional(),
    duplicateOf: z
      .string({ error: 'must be a post id' })
      .trim()
      .superRefine((value, ctx) => {
        refuseControlCharacters(value, ctx);
      })
      .optional(),
    title: text(FEEDBACK_TITLE_MAX).optional(),
    body: text(FEEDBACK_BODY_MAX).optional(),
    hidden: booleanSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (Object.values(input).every(value => value === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'nothing to change: give status, title, body or hidden',
      });
    }
    if (input.status === 'duplicate' && !input.duplicateOf) {
      ctx.addIssue({
        code: 'custom',
        path: ['duplicateOf'],
        message: 'is required when status is duplicate',
      });
    }
    if (input.duplicateOf !== undefined && input.status !== 'duplicate') {
      ctx.addIssue({
        code: 'custom',
        path: ['duplicateOf'],
        message: 'is only allowed with status duplicate',
      });
    }
  });
export type UpdateFeedbackRequest = z.input<typeof updateFeedbackSchema>;

/** POST /feedback/:id/replies */
export const createReplySchema = z.strictObject({
  body: text(FEEDBACK_BODY_MAX),
});
export type CreateReplyRequest = z.input<typeof createReplySchema>;

export const FEEDBACK_STATS_WINDOWS = [1, 3, 12] as const;

/** GET /feedback/stats: NPS over the last 1, 3 or 12 calendar months (this month included). */
export const feedbackStatsQuerySchema = z.object({
  productRef: entityRefSchema,
  months: z
    .string({ error: 'must be given once' })
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return 12;
      const months = Number(value);
      if (!(FEEDBACK_STATS_WINDOWS as readonly number[]).includes(months)) {
        ctx.addIssue({
          code: 'custom',
          message: `must be 1, 3 or 12, got '${value}'`,
        });
        return z.NEVER;
      }
      return months;
    }),
});

/** GET /feedback/export */
export const feedbackExportQuerySchema = z.object({
  productRef: entityRefSchema,
});

/** A rating or a post, as the API returns it. The author of an anonymous item is never returned. */
export interface FeedbackItem {
  id: string;
  productRef: string;
  /** The entity the feedback was given on: the product or one of its parts. */
  entityRef: string;
  type: FeedbackType;
  /** 0-10, ratings only */
  score: number | null;
  /** posts only */
  title: string | null;
  /** markdown; a rating's optional comment */
  body: string | null;
  /** posts only */
  status: FeedbackStatus | null;
  duplicateOf: string | null;
  anonymous: boolean;
  /** The author's user ref; null when anonymous. */
  author: string | null;
  /** Whether the caller wrote it (also for anonymous items). */
  mine: boolean;
  voteCount: number;
  votedByMe: boolean;
  replyCount: number;
  /** Whether the product team (the PM or the owning team) has replied: an official reply. */
  hasOfficialReply: boolean;
  hidden: boolean;
  /** The roadmap item that carries this post; null when none does (and for ratings). */
  roadmapItem: RoadmapItemSummary | null;
  /** ISO 8601 */
  createdAt: string;
  updatedAt: string;
}

export interface FeedbackReply {
  id: string;
  postId: string;
  /** The replier's user ref; null when the anonymous author of the post replies. */
  author: string | null;
  /** Whether the post's author wrote the reply. */
  byPostAuthor: boolean;
  /** Written by the product team (the PM or a member of the owning team). */
  official: boolean;
  mine: boolean;
  body: string;
  createdAt: string;
}

export interface FeedbackItemWithReplies extends FeedbackItem {
  /** Oldest first; empty for ratings. */
  replies: FeedbackReply[];
}

export interface FeedbackList {
  items: FeedbackItem[];
  totalCount: number;
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface FeedbackVote {
  voteCount: number;
  votedByMe: boolean;
}

export interface FeedbackTrendPoint {
  /** YYYY-MM (UTC) */
  month: string;
  nps: number | null;
  responses: number;
}

export interface FeedbackStats {
  productRef: string;
  months: number;
  /** -100..100; null without responses in the window */
  nps: number | null;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** Every month of the window, oldest first. */
  trend: FeedbackTrendPoint[];
  /**
   * Median hours from a post to the team's first reply, over the window's posts that got one
   * (to 0.1 hour up to 5 hours, within 1% beyond); null when none did.
   */
  medianFirstResponseHours: number | null;
  /** Posts still `new` 14 days after they were written (now, not windowed). */
  untriagedOver14Days: number;
  /** Share (0..1) of the window's posts with a reply by the team; null without posts. */
  replyRate: number | null;
}
