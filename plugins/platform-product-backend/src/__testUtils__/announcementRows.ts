import { NewAnnouncement } from '../announcements/AnnouncementStore';
import { nextId, P } from './feedbackRows';

/** Announcement rows for the store and publisher tests: a morning T0, fresh ids. */
export const T0 = Date.parse('2026-12-01T09:00:00Z');

/** A new post as the store creates it: published at `publishedAt`, or not yet with null. */
export type AnnouncementRow = NewAnnouncement & { publishedAt: number | null };

/** A release of product P, published at T0; `extra` sets any other column. */
export function announcementRow(
  extra: Partial<AnnouncementRow> = {},
): AnnouncementRow {
  return {
    id: nextId(),
    productRef: P,
    type: 'release',
    title: 'Version 2',
    summary: 'What is new',
    body: 'Some **markdown**',
    tags: [],
    pinned: false,
    draft: false,
    authorRef: 'user:default/pm',
    onBehalfOf: null,
    publishAt: T0,
    publishedAt: T0,
    expiresAt: null,
    effectiveAt: null,
    event: null,
    createdAt: T0,
    ...extra,
  };
}
