import { z } from 'zod';
import { entityRefSchema } from '../refs';
import {
  booleanSchema,
  isoDateTimeSchema,
  oneOf,
  optionalQueryText,
  pageLimitSchema,
  queryFlag,
  text,
} from '../shared/schemas';

export const ANNOUNCEMENT_TYPES = [
  'release',
  'changelog',
  'deprecation',
  'maintenance',
  'incident',
  'event',
] as const;
export type AnnouncementType = (typeof ANNOUNCEMENT_TYPES)[number];

/** Types a pinned post of which shows as a banner that a user can dismiss. */
export const BANNER_ANNOUNCEMENT_TYPES: AnnouncementType[] = [
  'maintenance',
  'incident',
];

/** Types whose readers are asked to acknowledge explicitly, not just read. */
export const ACKNOWLEDGED_ANNOUNCEMENT_TYPES: AnnouncementType[] = [
  'deprecation',
];

export const EVENT_KINDS = [
  'office-hours',
  'workshop',
  'demo',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const ANNOUNCEMENT_TITLE_MAX = 200;
export const ANNOUNCEMENT_SUMMARY_MAX = 500;
export const ANNOUNCEMENT_BODY_MAX = 50_000;
export const ANNOUNCEMENT_LOCATION_MAX = 500;
export const ANNOUNCEMENT_TAGS_MAX = 10;

/** A tag: lower-case letters, digits and dashes, up to 40 characters. */
export const tagSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,39}$/,
    'must be 1-40 lower-case letters, digits or dashes',
  );

export const eventSchema = z.strictObject({
  kind: oneOf(EVENT_KINDS).optional().default('other'),
  start: isoDateTimeSchema,
  end: isoDateTimeSchema,
  /** a place or a link */
  location: text(ANNOUNCEMENT_LOCATION_MAX).optional(),
});
export type AnnouncementEvent = z.output<typeof eventSchema>;

const announcementFields = {
  type: oneOf(ANNOUNCEMENT_TYPES),
  title: text(ANNOUNCEMENT_TITLE_MAX),
  summary: text(ANNOUNCEMENT_SUMMARY_MAX),
  /** markdown */
  body: text(ANNOUNCEMENT_BODY_MAX),
  tags: z
    .array(tagSchema, { error: 'must be a list of tags' })
    .max(ANNOUNCEMENT_TAGS_MAX, `must have at most ${ANNOUNCEMENT_TAGS_MAX}`)
    .transform(tags => [...new Set(tags)]),
  pinned: booleanSchema,
  /** A group the caller belongs to; the post shows as written on its behalf. */
  onBehalfOf: entityRefSchema.nullable(),
  /** When to publish and deliver; now when absent. */
  publishAt: isoDateTimeSchema.nullable(),
  expiresAt: isoDateTimeSchema.nullable(),
  /** Deprecations: when the change takes effect. */
  effectiveAt: isoDateTimeSchema.nullable(),
  event: eventSchema.nullable(),
  /** A draft is neither published nor delivered until it is saved with draft: false. */
  draft: booleanSchema,
};

/** The fields of a post, whole: what a create must satisfy and what an update must leave satisfied. */
export interface AnnouncementFields {
  type: AnnouncementType;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  pinned: boolean;
  onBehalfOf: string | null;
  publishAt: string | null;
  expiresAt: string | null;
  effectiveAt: string | null;
  event: AnnouncementEvent | null;
  draft: boolean;
}

/**
 * The rules across fields, shared by create and update (where the update is merged
 * over the stored post first). Returns each problem as [field, message].
 */
export function checkAnnouncementFields(
  post: AnnouncementFields,
): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  if (post.type === 'event' && !post.event) {
    problems.push([
      'event',
      'is required for an event: give start and end (and a location)',
    ]);
  }
  if (post.type !== 'event' && post.event) {
    problems.push(['event', `is only for events, not for a ${post.type}`]);
  }
  if (post.event && post.event.end <= post.event.start) {
    problems.push([
      'event.end',
      `must be after event.start (${post.event.start}), got ${post.event.end}`,
    ]);
  }
  if (post.type === 'deprecation' && !post.effectiveAt) {
    problems.push([
      'effectiveAt',
      'is required for a deprecation: the date the change takes effect',
    ]);
  }
  if (post.type !== 'deprecation' && post.effectiveAt) {
    problems.push([
      'effectiveAt',
      `is only for deprecations, not for a ${post.type}`,
    ]);
  }
  if (post.expiresAt && post.publishAt && post.expiresAt <= post.publishAt) {
    problems.push([
      'expiresAt',
      `must be after publishAt (${post.publishAt}), got ${post.expiresAt}`,
    ]);
  }
  return problems;
}

function addProblems(post: AnnouncementFields, ctx: z.RefinementCtx) {
  for (const [field, message] of checkAnnouncementFields(post)) {
    ctx.addIssue({ code: 'custom', path: field.split('.'), message });
  }
}

/** POST /announcements: a post for a product (`productRef`) or, without one, a global post. */
export const createAnnouncementSchema = z
  .strictObject({
    productRef: entityRefSchema.optional(),
    type: announcementFields.type,
    title: announcementFields.title,
    summary: announcementFields.summary,
    body: announcementFields.body,
    tags: announcementFields.tags.optional().default([]),
    pinned: announcementFields.pinned.optional().default(false),
    onBehalfOf: announcementFields.onBehalfOf.optional().default(null),
    publishAt: announcementFields.publishAt.optional().default(null),
    expiresAt: announcementFields.expiresAt.optional().default(null),
    effectiveAt: announcementFields.effectiveAt.optional().default(null),
    event: announcementFields.event.optional().default(null),
    draft: announcementFields.draft.optional().default(false),
  })
  .superRefine((input, ctx) => addProblems(input, ctx));
export type CreateAnnouncementRequest = z.input<
  typeof createAnnouncementSchema
>;

/**
 * PATCH /announcements/:id: any of the fields; null clears an optional one. The
 * server merges the change over the stored post and checks the whole with
 * `checkAnnouncementFields`. A post that was published stays published.
 */
export const updateAnnouncementSchema = z
  .strictObject({
    type: announcementFields.type.optional(),
    title: announcementFields.title.optional(),
    summary: announcementFields.summary.optional(),
    body: announcementFields.body.optional(),
    tags: announcementFields.tags.optional(),
    pinned: announcementFields.pinned.optional(),
    onBehalfOf: announcementFields.onBehalfOf.optional(),
    publishAt: announcementFields.publishAt.optional(),
    expiresAt: announcementFields.expiresAt.optional(),
    effectiveAt: announcementFields.effectiveAt.optional(),
    event: announcementFields.event.optional(),
    draft: announcementFields.draft.optional(),
  })
  .superRefine((input, ctx) => {
    if (Object.values(input).every(value => value === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'nothing to change' });
    }
  });
export type UpdateAnnouncementRequest = z.input<
  typeof updateAnnouncementSchema
>;

/**
 * GET /announcements: published, unexpired posts, newest first (pinned first), one
 * page at a time. `productRef` narrows to one product's posts; `entityRef` to the
 * posts of the products an entity is part of or consumes (plus none of the global
 * ones); neither gives every product's posts and the global ones.
 */
export const listAnnouncementsQuerySchema = z.object({
  productRef: entityRefSchema.optional(),
  entityRef: entityRefSchema.optional(),
  type: oneOf(ANNOUNCEMENT_TYPES).optional(),
  tag: tagSchema.optional(),
  q: optionalQueryText,
  /** events that have not ended yet, soonest first */
  upcoming: queryFlag,
  /** only posts the caller has not read */
  unread: queryFlag,
  /** also drafts, scheduled and expired posts the caller may edit */
  drafts: queryFlag,
  limit: pageLimitSchema,
  cursor: optionalQueryText,
});
export type ListAnnouncementsQuery = z.input<
  typeof listAnnouncementsQuerySchema
>;

/** `?productRef=` of the follow, feed and banner routes. */
export const productRefQuerySchema = z.object({
  productRef: entityRefSchema,
});
export const optionalProductRefQuerySchema = z.object({
  productRef: entityRefSchema.optional(),
});

export type AnnouncementState = 'draft' | 'scheduled' | 'published' | 'expired';

/** A post as the API returns it. */
export interface Announcement {
  id: string;
  /** null for a global post */
  productRef: string | null;
  type: AnnouncementType;
  title: string;
  summary: string;
  /** markdown, rendered without raw HTML */
  body: string;
  tags: string[];
  pinned: boolean;
  /** the user who wrote it, from their credentials */
  author: string;
  /** a group the author belongs to */
  onBehalfOf: string | null;
  state: AnnouncementState;
  /** when it was (or will be) published: ISO 8601 */
  publishAt: string | null;
  /** when it was published and its delivery started; null until then */
  publishedAt: string | null;
  expiresAt: string | null;
  effectiveAt: string | null;
  event: AnnouncementEvent | null;
  /** Whether readers are asked to acknowledge it (deprecations). */
  requiresAcknowledgement: boolean;
  readByMe: boolean;
  acknowledgedByMe: boolean;
  /** Whether the caller may edit, delete and see the reach of it. */
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `totalCount` of a list is exact up to this many posts, and this number beyond. */
export const ANNOUNCEMENT_TOTAL_COUNT_CAP = 1000;
/** `unreadCount` of a list is exact up to this many posts, and this number beyond. */
export const ANNOUNCEMENT_UNREAD_COUNT_CAP = 100;

export interface AnnouncementList {
  items: Announcement[];
  /**
   * Posts of the list (all pages): exact up to 1,000 (`ANNOUNCEMENT_TOTAL_COUNT_CAP`); when there
   * are more it is 1,000 and `totalCountCapped` is true ("1,000+"). Capped so that the count costs
   * the same at any number of posts.
   */
  totalCount: number;
  /** True when there are more than `totalCount` (1,000) posts. */
  totalCountCapped: boolean;
  nextCursor: string | null;
  /**
   * Published, unexpired posts in the same scope (productRef / entityRef) the caller has not read:
   * exact up to 100 (`ANNOUNCEMENT_UNREAD_COUNT_CAP`); when there are more it is 100 and
   * `unreadCountCapped` is true ("100+").
   */
  unreadCount: number;
  /** True when there are more than `unreadCount` (100) unread posts. */
  unreadCountCapped: boolean;
}

/** GET /announcements/:id/reach: for the product team. Teams are the adopting teams the post was delivered to. */
export interface AnnouncementReach {
  audienceUsers: number;
  readUsers: number;
  acknowledgedUsers: number;
  audienceTeams: number;
  /** teams of which at least one member read the post */
  reachedTeams: number;
  /** teams of which at least one member acknowledged it */
  acknowledgedTeams: number;
  /** Deprecations: who has not acknowledged yet, by team (followers outside the teams under `team: null`). Empty otherwise. */
  pendingAcknowledgement: Array<{ team: string | null; users: string[] }>;
}

/** GET /follows?productRef= */
export interface ProductFollow {
  productRef: string;
  following: boolean;
  followers: number;
}
