import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';

/** A policy's conditional decision: allowed where one of `userRefs` is the product's PM. */
export const whereProductManager = (userRefs: string[]): PolicyDecision => ({
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'platform-product',
  resourceType: 'platform-product',
  conditions: {
    rule: 'IS_PRODUCT_MANAGER',
    resourceType: 'platform-product',
    params: { userRefs },
  },
});
