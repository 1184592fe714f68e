import {
  ACKNOWLEDGED_ANNOUNCEMENT_TYPES,
  Announcement,
  AnnouncementFields,
  AnnouncementState,
} from '@platform-product/plugin-platform-product-common';
import { iso } from '../shared/clock';
import {
  AnnouncementChange,
  AnnouncementWithMarks,
  StoredAnnouncement,
} from './AnnouncementStore';

/** An ISO time of the API as epoch milliseconds; null stays null. */
export const epoch = (value: string | null) =>
  value === null ? null : Date.parse(value);

/** Where a post stands: draft, scheduled, published or expired. */
export function announcementState(
  post: StoredAnnouncement,
  now: number,
): AnnouncementState {
  if (post.publishedAt === null) return post.draft ? 'draft' : 'scheduled';
  if (post.expiresAt !== null && post.expiresAt <= now) return 'expired';
  return 'published';
}

/** A post as the API shows it to a caller (with their marks, when read with them). */
export function announcementView(
  post: AnnouncementWithMarks | StoredAnnouncement,
  canEdit: boolean,
  now: number,
): Announcement {
  const marks = post as Partial<AnnouncementWithMarks>;
  const { draft: _draft, ...fields } = announcementFields(post);
  return {
    id: post.id,
    productRef: post.productRef,
    ...fields,
    author: post.authorRef,
    state: announcementState(post, now),
    publishedAt: iso(post.publishedAt),
    requiresAcknowledgement: ACKNOWLEDGED_ANNOUNCEMENT_TYPES.includes(
      post.type,
    ),
    readByMe: !!marks.readAt,
    acknowledgedByMe: !!marks.acknowledgedAt,
    canEdit,
    createdAt: iso(post.createdAt)!,
    updatedAt: iso(post.updatedAt)!,
  };
}

/** The fields of a stored post, as the API takes them. */
export function announcementFields(
  post: StoredAnnouncement,
): AnnouncementFields {
  return {
    type: post.type,
    title: post.title,
    summary: post.summary,
    body: post.body,
    tags: post.tags,
    pinned: post.pinned,
    onBehalfOf: post.onBehalfOf,
    publishAt: iso(post.publishAt),
    expiresAt: iso(post.expiresAt),
    effectiveAt: iso(post.effectiveAt),
    event: post.event && {
      kind: post.event.kind,
      start: iso(post.event.start)!,
      end: iso(post.event.end)!,
      location: post.event.location ?? undefined,
    },
    draft: post.draft,
  };
}

/** The fields of the API as a stored change. */
export function storedChange(
  fields: Partial<AnnouncementFields>,
): AnnouncementChange {
  const change: AnnouncementChange = {
    type: fields.type,
    title: fields.title,
    summary: fields.summary,
    body: fields.body,
    tags: fields.tags,
    pinned: fields.pinned,
    draft: fields.draft,
    onBehalfOf: fields.onBehalfOf,
  };
  if (fields.publishAt !== undefined) {
    change.publishAt = epoch(fields.publishAt);
  }
  if (fields.expiresAt !== undefined) {
    change.expiresAt = epoch(fields.expiresAt);
  }
  if (fields.effectiveAt !== undefined) {
    change.effectiveAt = epoch(fields.effectiveAt);
  }
  if (fields.event !== undefined) {
    change.event = fields.event && {
      kind: fields.event.kind,
      start: Date.parse(fields.event.start),
      end: Date.parse(fields.event.end),
      location: fields.event.location ?? null,
    };
  }
  return change;
}
