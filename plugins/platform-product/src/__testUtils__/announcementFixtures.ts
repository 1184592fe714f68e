import {
  Announcement,
  AnnouncementList,
  AnnouncementReach,
} from '@platform-product/plugin-platform-product-common';
import { PlatformProductApi } from '@platform-product/plugin-platform-product-react';

export const productRef = 'platformproduct:default/deployment-platform';

const DAY = 24 * 3600 * 1000;

/** An ISO date `days` from now (negative: in the past). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString();
}

export function announcement(
  overrides: Partial<Announcement> = {},
): Announcement {
  return {
    id: 'a1',
    productRef,
    type: 'release',
    title: 'Deploy CLI 2.0',
    summary: 'Faster deploys and one-command rollback.',
    body: '## What is new\n\n- `deploy rollback`',
    tags: ['cli'],
    pinned: false,
    author: 'user:default/jane.doe',
    onBehalfOf: null,
    state: 'published',
    publishAt: null,
    publishedAt: daysFromNow(-2),
    expiresAt: null,
    effectiveAt: null,
    event: null,
    requiresAcknowledgement: false,
    readByMe: true,
    acknowledgedByMe: false,
    canEdit: false,
    createdAt: daysFromNow(-2),
    updatedAt: daysFromNow(-2),
    ...overrides,
  };
}

export const deprecation = (overrides: Partial<Announcement> = {}) =>
  announcement({
    id: 'd1',
    type: 'deprecation',
    title: 'Deploy API v1 goes away',
    summary: 'Move to v2 before the date.',
    tags: ['api', 'migration'],
    effectiveAt: daysFromNow(30),
    requiresAcknowledgement: true,
    readByMe: false,
    pinned: true,
    ...overrides,
  });

export const event = (overrides: Partial<Announcement> = {}) =>
  announcement({
    id: 'e1',
    type: 'event',
    title: 'Office hours: rollbacks',
    summary: 'Bring your questions.',
    tags: [],
    event: {
      kind: 'office-hours',
      start: daysFromNow(3),
      end: new Date(Date.parse(daysFromNow(3)) + 3600_000).toISOString(),
      location: 'https://meet.example.com/deploy',
    },
    ...overrides,
  });

export function page(
  items: Announcement[],
  extra: Partial<AnnouncementList> = {},
): AnnouncementList {
  return {
    items,
    totalCount: items.length,
    totalCountCapped: false,
    nextCursor: null,
    unreadCount: items.filter(p => !p.readByMe).length,
    unreadCountCapped: false,
    ...extra,
  };
}

export const reach: AnnouncementReach = {
  audienceUsers: 40,
  readUsers: 30,
  acknowledgedUsers: 10,
  audienceTeams: 4,
  reachedTeams: 3,
  acknowledgedTeams: 2,
  pendingAcknowledgement: [
    {
      team: 'group:default/payments-team',
      users: ['user:default/ann', 'user:default/bob'],
    },
    { team: null, users: ['user:default/carol'] },
  ],
};

/** A mocked API with the announcement calls; override what a test needs. */
export function announcementsApi(
  overrides: Partial<PlatformProductApi> = {},
): jest.Mocked<Partial<PlatformProductApi>> {
  return {
    listAnnouncements: jest.fn(async () => page([])),
    getAnnouncement: jest.fn(async () => announcement()),
    createAnnouncement: jest.fn(async request =>
      announcement({ ...(request as any), id: 'new' }),
    ),
    updateAnnouncement: jest.fn(async (id, change) =>
      announcement({ id, ...(change as any) }),
    ),
    deleteAnnouncement: jest.fn(async () => {}),
    markAnnouncementRead: jest.fn(async () => {}),
    acknowledgeAnnouncement: jest.fn(async () => {}),
    getAnnouncementReach: jest.fn(async () => reach),
    getProductFollow: jest.fn(async () => ({
      productRef,
      following: false,
      followers: 4,
    })),
    followProduct: jest.fn(async (ref, follow) => ({
      productRef: ref,
      following: follow,
      followers: follow ? 5 : 4,
    })),
    getAnnouncementBanners: jest.fn(async () => []),
    dismissAnnouncement: jest.fn(async () => {}),
    getAnnouncementEventCalendar: jest.fn(
      async () => new Blob(['BEGIN:VCALENDAR'], { type: 'text/calendar' }),
    ),
    getAnnouncementFeedUrl: jest.fn(
      async (ref?: string) =>
        `http://backstage.test/api/platform-product/announcements/feed${
          ref ? `?productRef=${encodeURIComponent(ref)}` : ''
        }`,
    ),
    ...overrides,
  } as jest.Mocked<Partial<PlatformProductApi>>;
}
