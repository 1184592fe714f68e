import { createPermission } from '@backstage/plugin-permission-common';

/** Permissions on a product are resource permissions: a policy can decide per product. */
export const PLATFORM_PRODUCT_RESOURCE_TYPE = 'platform-product';

/** See a product's adoption and its announcements (feedback has its own read permission). */
export const platformProductReadPermission = createPermission({
  name: 'platform-product.product.read',
  attributes: { action: 'read' },
  resourceType: PLATFORM_PRODUCT_RESOURCE_TYPE,
});

/** Rate a product, post feedback on it, vote and take part in a thread. */
export const feedbackCreatePermission = createPermission({
  name: 'platform-product.feedback.create',
  attributes: { action: 'create' },
  resourceType: PLATFORM_PRODUCT_RESOURCE_TYPE,
});

/** See a product's feedback: posts, threads and NPS. */
export const feedbackReadPermission = createPermission({
  name: 'platform-product.feedback.read',
  attributes: { action: 'read' },
  resourceType: PLATFORM_PRODUCT_RESOURCE_TYPE,
});

/** Triage a product's feedback (status changes), reply officially and export it: the product team. */
export const feedbackRespondPermission = createPermission({
  name: 'platform-product.feedback.respond',
  attributes: { action: 'update' },
  resourceType: PLATFORM_PRODUCT_RESOURCE_TYPE,
});

/** Hide or delete feedback posts and replies. */
export const feedbackModeratePermission = createPermission({
  name: 'platform-product.feedback.moderate',
  attributes: { action: 'delete' },
  resourceType: PLATFORM_PRODUCT_RESOURCE_TYPE,
});

/**
 * Post announcements and events for a product, and edit, delete and see the reach of
 * its posts: the product team (a policy grants it with IS_PRODUCT_MANAGER or
 * IS_OWNING_TEAM_MEMBER).
 */
export const announcementManagePermission = createPermission({
  name: 'platform-product.announcement.manage',
  attributes: { action: 'update' },
  resourceType: PLATFORM_PRODUCT_RESOURCE_TYPE,
});

/**
 * Create, edit, reorder, ship and drop a product's roadmap items and link feedback to
 * them: the product team (a policy grants it with IS_PRODUCT_MANAGER or
 * IS_OWNING_TEAM_MEMBER). Reading the roadmap takes platform-product.product.read.
 */
export const roadmapManagePermission = createPermission({
  name: 'platform-product.roadmap.manage',
  attributes: { action: 'update' },
  resourceType: PLATFORM_PRODUCT_RESOURCE_TYPE,
});

/**
 * Evaluate a product's scorecard now instead of at the next scheduled run: the product team
 * (a policy grants it with IS_PRODUCT_MANAGER or IS_OWNING_TEAM_MEMBER). Reading scorecards
 * and the portfolio takes platform-product.product.read.
 */
export const scorecardRefreshPermission = createPermission({
  name: 'platform-product.scorecard.refresh',
  attributes: { action: 'update' },
  resourceType: PLATFORM_PRODUCT_RESOURCE_TYPE,
});

/** Post, edit and delete global announcements (not tied to a product). */
export const announcementGlobalManagePermission = createPermission({
  name: 'platform-product.announcement.global.manage',
  attributes: { action: 'update' },
});

export const platformProductPermissions = [
  platformProductReadPermission,
  feedbackCreatePermission,
  feedbackReadPermission,
  feedbackRespondPermission,
  feedbackModeratePermission,
  announcementManagePermission,
  roadmapManagePermission,
  scorecardRefreshPermission,
];

/** Permissions that are not about one product. */
export const platformProductBasicPermissions = [
  announcementGlobalManagePermission,
];
