import { createPermission } from '@backstage/plugin-permission-common';

/** Permissions on a product are resource permissions: a policy can decide per product. */
export const PLATFORM_PRODUCT_RESOURCE_TYPE = 'platform-product';

/** See a product's data held by this plugin: adoption today, feedback and news later. */
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

export const platformProductPermissions = [
  platformProductReadPermission,
  feedbackCreatePermission,
  feedbackReadPermission,
  feedbackRespondPermission,
  feedbackModeratePermission,
];
