import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  PLATFORM_PRODUCT_RESOURCE_TYPE,
  PlatformProductEntityV1alpha1,
} from '@platform-product/plugin-platform-product-common';
import { z } from 'zod';
import { lower } from '../shared/caller';

/** A filter on products by a field of their spec, for rules that translate into queries. */
export type PlatformProductQuery = {
  key: 'owner' | 'productManager';
  values: string[];
};

export const platformProductResourceRef = createPermissionResourceRef<
  PlatformProductEntityV1alpha1,
  PlatformProductQuery
>().with({
  pluginId: 'platform-product',
  resourceType: PLATFORM_PRODUCT_RESOURCE_TYPE,
});

const normalize = (refs: string[]) => refs.map(lower);

/** The product's spec ref in full form (`user:default/jane.doe`), as the catalog stores relations. */
function fullRef(
  product: PlatformProductEntityV1alpha1,
  ref: string | undefined,
  defaultKind: string,
): string | undefined {
  if (!ref) {
    return undefined;
  }
  return lower(
    stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind,
        defaultNamespace: product.metadata.namespace ?? 'default',
      }),
    ),
  );
}

const isProductManager = createPermissionRule({
  name: 'IS_PRODUCT_MANAGER',
  description:
    "Allow the product's product manager (pass the user's entity ref)",
  resourceRef: platformProductResourceRef,
  paramsSchema: z.object({
    userRefs: z
      .array(z.string())
      .describe("The user's entity refs, e.g. user.identity.userEntityRef"),
  }),
  apply: (product, { userRefs }) => {
    const pm = fullRef(product, product.spec.productManager, 'user');
    return !!pm && normalize(userRefs).includes(pm);
  },
  toQuery: ({ userRefs }) => ({
    key: 'productManager',
    values: normalize(userRefs),
  }),
});

const isOwningTeamMember = createPermissionRule({
  name: 'IS_OWNING_TEAM_MEMBER',
  description:
    "Allow members of the team that owns the product (pass the user's ownership entity refs)",
  resourceRef: platformProductResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        "The user's ownership entity refs, e.g. user.identity.ownershipEntityRefs",
      ),
  }),
  apply: (product, { claims }) => {
    const owner = fullRef(product, product.spec.owner, 'group');
    return !!owner && normalize(claims).includes(owner);
  },
  toQuery: ({ claims }) => ({ key: 'owner', values: normalize(claims) }),
});

export const platformProductRules = { isProductManager, isOwningTeamMember };

/**
 * Conditions for a permission policy, e.g.
 * `createPlatformProductConditionalDecision(request.permission, platformProductConditions.isProductManager({ userRefs: [user.identity.userEntityRef] }))`.
 */
export const {
  conditions: platformProductConditions,
  createConditionalDecision: createPlatformProductConditionalDecision,
} = createConditionExports({
  resourceRef: platformProductResourceRef,
  rules: platformProductRules,
});
