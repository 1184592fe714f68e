import { PermissionsService } from '@backstage/backend-plugin-api';
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

/**
 * A policy that answers each permission with `decide(permission name, user ref)` (the user ref
 * undefined for a service), through `authorizeConditional` only, as the plugin asks.
 */
export function policyOf(
  decide: (permission: string, user: string | undefined) => PolicyDecision,
): PermissionsService {
  return {
    authorize: async () => {
      throw new Error('the plugin asks authorizeConditional');
    },
    authorizeConditional: async (requests, { credentials }) => {
      const principal = credentials.principal as { userEntityRef?: string };
      return requests.map(r =>
        decide(r.permission.name, principal.userEntityRef),
      );
    },
  };
}
