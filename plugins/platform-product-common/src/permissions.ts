import { createPermission } from '@backstage/plugin-permission-common';

/** Permissions on a product are resource permissions: a policy can decide per product. */
export const PLATFORM_PRODUCT_RESOURCE_TYPE = 'platform-product';

/** See a product's data held by this plugin: adoption today, feedback and news later. */
export const platformProductReadPermission = createPermission({
  name: 'platform-product.product.read',
  attributes: { action: 'read' },
  resourceType: PLATFORM_PRODUCT_RESOURCE_TYPE,
});

export const platformProductPermissions = [platformProductReadPermission];
