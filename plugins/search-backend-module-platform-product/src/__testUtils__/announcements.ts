import {
  Announcement,
  AnnouncementList,
} from '@platform-product/plugin-platform-product-common';

export const productRef = 'platformproduct:default/deployment-platform';

export function announcement(
  overrides: Partial<Announcement> & Pick<Announcement, 'id'>,
): Announcement {
  return {
    productRef,
    type: 'release',
    title: `Post ${overrides.id}`,
    summary: `Summary of ${overrides.id}`,
    body: `Body of **${overrides.id}**`,
    tags: [],
    pinned: false,
    author: 'user:default/jane.doe',
    onBehalfOf: null,
    state: 'published',
    publishAt: null,
    publishedAt: '2026-11-02T09:00:00.000Z',
    expiresAt: null,
    effectiveAt: null,
    event: null,
    requiresAcknowledgement: false,
    readByMe: false,
    acknowledgedByMe: false,
    canEdit: false,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

/**
 * Two pages as the backend would page them, with posts that must not be indexed
 * mixed in: a draft, a scheduled and an expired post.
 */
export const pages: Record<string, AnnouncementList> = {
  first: {
    items: [
      announcement({
        id: 'a1',
        type: 'deprecation',
        title: 'deploy v1 goes away',
        summary: 'Move to deploy v2 by March.',
        body: '## Why\n\nThe [v2 guide](https://docs.example.com/v2) has **everything**.',
        tags: ['deploy', 'v2'],
        effectiveAt: '2027-03-01T00:00:00.000Z',
        requiresAcknowledgement: true,
      }),
      announcement({
        id: 'a2',
        title: 'Draft: new regions',
        state: 'draft',
        publishedAt: null,
      }),
      announcement({
        id: 'a3',
        productRef: null,
        type: 'incident',
        title: 'Platform-wide outage resolved',
        body: '',
        author: 'user:default/john.smith',
        onBehalfOf: 'group:default/platform-team',
      }),
    ],
    totalCount: 6,
    totalCountCapped: false,
    nextCursor: 'page-2',
    unreadCount: 0,
    unreadCountCapped: false,
  },
  'page-2': {
    items: [
      announcement({
        id: 'a4',
        title: 'Scheduled: office hours moved',
        state: 'scheduled',
        publishAt: '2099-01-01T00:00:00.000Z',
        publishedAt: null,
      }),
      announcement({
        id: 'a5',
        title: 'Expired: maintenance window',
        type: 'maintenance',
        state: 'expired',
        expiresAt: '2026-11-03T00:00:00.000Z',
      }),
      announcement({ id: 'a6', type: 'changelog', title: 'CLI 2.3 released' }),
    ],
    totalCount: 6,
    totalCountCapped: false,
    nextCursor: null,
    unreadCount: 0,
    unreadCountCapped: false,
  },
};
