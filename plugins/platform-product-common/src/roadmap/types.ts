import { z } from 'zod';
import { entityRefSchema } from '../refs';
import { oneOf, refuseControlCharacters, text } from '../shared/schemas';
import type { FeedbackPostType, FeedbackStatus } from '../feedback/types';

export const ROADMAP_HORIZONS = ['now', 'next', 'later'] as const;
export type RoadmapHorizon = (typeof ROADMAP_HORIZONS)[number];

export const ROADMAP_STATUSES = [
  'exploring',
  'planned',
  'in-progress',
  'shipped',
  'dropped',
] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

/** Statuses that take an item off the Now / Next / Later columns into the history. */
export const ROADMAP_CLOSED_STATUSES: readonly RoadmapStatus[] = [
  'shipped',
  'dropped',
];

export function isClosedRoadmapStatus(status: RoadmapStatus) {
  return ROADMAP_CLOSED_STATUSES.includes(status);
}

/**
 * The status workflow: open items move freely between the open statuses or close;
 * a dropped item can be taken up again; a shipped item is final (ship a new item).
 */
export const ROADMAP_TRANSITIONS: Record<RoadmapStatus, RoadmapStatus[]> = {
  exploring: ['planned', 'in-progress', 'shipped', 'dropped'],
  planned: ['exploring', 'in-progress', 'shipped', 'dropped'],
  'in-progress': ['exploring', 'planned', 'shipped', 'dropped'],
  shipped: [],
  dropped: ['exploring', 'planned', 'in-progress'],
};

export function canMoveRoadmapItem(from: RoadmapStatus, to: RoadmapStatus) {
  return from === to || ROADMAP_TRANSITIONS[from].includes(to);
}

export const ROADMAP_TITLE_MAX = 200;
export const ROADMAP_DESCRIPTION_MAX = 20_000;
/** Items per product, open and closed: a roadmap, not a backlog. */
export const ROADMAP_ITEMS_MAX = 500;
/** Linked posts an item shows (its most voted); its demand counts them all. */
export const ROADMAP_LINKED_POSTS_SHOWN = 5;

/** A calendar quarter like 2027-Q1. */
export const quarterSchema = z
  .string({ error: 'must be a string like 2027-Q1' })
  .trim()
  .regex(/^\d{4}-Q[1-4]$/, {
    error: issue =>
      `must be a quarter like 2027-Q1, got '${String(issue.input)}'`,
  });

/** A 0-based position within the item's horizon. */
const positionSchema = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0 or more');

/** POST /roadmap/items: a new item goes to the end of its horizon. */
export const createRoadmapItemSchema = z.strictObject({
  productRef: entityRefSchema,
  title: text(ROADMAP_TITLE_MAX),
  /** markdown */
  description: z
    .string({ error: 'must be a string' })
    .trim()
    .max(
      ROADMAP_DESCRIPTION_MAX,
      `must be at most ${ROADMAP_DESCRIPTION_MAX.toLocaleString(
        'en-US',
      )} characters`,
    )
    .superRefine((value, ctx) => {
      refuseControlCharacters(value, ctx);
    })
    .optional()
    .default(''),
  horizon: oneOf(ROADMAP_HORIZONS),
  status: oneOf(ROADMAP_STATUSES)
    .optional()
    .default('planned')
    .refine(status => !isClosedRoadmapStatus(status), {
      message: 'must be an open status (exploring, planned or in-progress)',
    }),
  targetQuarter: quarterSchema.nullable().optional().default(null),
});
export type CreateRoadmapItemRequest = z.input<typeof createRoadmapItemSchema>;

/**
 * PATCH /roadmap/items/:id: edit fields, move to another horizon and/or position, change
 * the status (shipped and dropped close the item). Position is 0-based in the target
 * horizon; without it, a move to another horizon appends.
 */
export const updateRoadmapItemSchema = z
  .strictObject({
    title: text(ROADMAP_TITLE_MAX).optional(),
    description: createRoadmapItemSchema.shape.description
      .unwrap()
      .unwrap()
      .optional(),
    horizon: oneOf(ROADMAP_HORIZONS).optional(),
    position: positionSchema.optional(),
    status: oneOf(ROADMAP_STATUSES).optional(),
    targetQuarter: quarterSchema.nullable().optional(),
  })
  .superRefine((input, ctx) => {
    if (Object.values(input).every(value => value === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'nothing to change: give title, description, horizon, position, status or targetQuarter',
      });
    }
  });
export type UpdateRoadmapItemRequest = z.input<typeof updateRoadmapItemSchema>;

/** GET /roadmap */
export const roadmapQuerySchema = z.object({
  productRef: entityRefSchema,
});

/** A feedback post linked to a roadmap item: what the roadmap shows of it. */
export interface RoadmapLinkedPost {
  id: string;
  /** The entity the post was written on: the product or one of its parts. */
  entityRef: string;
  type: FeedbackPostType;
  title: string;
  status: FeedbackStatus;
  voteCount: number;
}

export interface RoadmapDemand {
  /** Linked posts. */
  posts: number;
  /**
   * Distinct people behind the linked posts: their authors and voters, each counted once,
   * anonymous authors included (counted, never named).
   */
  people: number;
  /** Votes on the linked posts. */
  votes: number;
}

export interface RoadmapItem {
  id: string;
  productRef: string;
  title: string;
  /** markdown */
  description: string;
  horizon: RoadmapHorizon;
  /** 0-based order within the horizon (open items only; closed items keep their last). */
  position: number;
  status: RoadmapStatus;
  targetQuarter: string | null;
  demand: RoadmapDemand;
  /**
   * Most voted first, the visible ones, at most ROADMAP_LINKED_POSTS_SHOWN (`demand.posts` counts
   * them all); empty for a caller who may not read the product's feedback.
   */
  linkedPosts: RoadmapLinkedPost[];
  createdBy: string;
  /** ISO 8601 */
  createdAt: string;
  updatedAt: string;
  /** When the item was shipped or dropped; null while open. */
  closedAt: string | null;
}

export interface Roadmap {
  productRef: string;
  /** Open items (exploring, planned, in-progress) by horizon (now, next, later), then position. */
  items: RoadmapItem[];
  /** Shipped and dropped items, the most recently closed first. */
  history: RoadmapItem[];
  /** The last change to any item of the product's roadmap; null when it has none. */
  lastUpdatedAt: string | null;
}

/** The item a feedback post is linked to, as the post shows it. */
export interface RoadmapItemSummary {
  id: string;
  title: string;
  status: RoadmapStatus;
  horizon: RoadmapHorizon;
  targetQuarter: string | null;
}

/** One field of an item, before and after a change; absent on creation's "before". */
export interface RoadmapFieldChange {
  field:
    | 'title'
    | 'description'
    | 'horizon'
    | 'position'
    | 'status'
    | 'targetQuarter'
    | 'link'
    | 'unlink';
  from?: string | number | null;
  to?: string | number | null;
}

export const ROADMAP_HISTORY_ACTIONS = [
  'create',
  'update',
  'move',
  'ship',
  'drop',
  'reopen',
  'link',
  'unlink',
] as const;
export type RoadmapHistoryAction = (typeof ROADMAP_HISTORY_ACTIONS)[number];

/** GET /roadmap/items/:id/history: every change to an item, newest first. */
export interface RoadmapHistoryEntry {
  id: string;
  itemId: string;
  action: RoadmapHistoryAction;
  /** The user who made the change. */
  actor: string;
  /** ISO 8601 */
  at: string;
  changes: RoadmapFieldChange[];
}

/** The answer to linking or unlinking a post. */
export interface RoadmapLinkResult {
  item: RoadmapItem;
  /** The post's status after the link (an open post moves to planned). */
  postStatus: FeedbackStatus;
}
