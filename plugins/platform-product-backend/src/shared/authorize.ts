import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import { ProductResolver } from './ProductResolver';

/** Throws a 403 unless the policy allows the permission on this product. */
export async function authorizeOnProduct(
  permissions: PermissionsService,
  permission: ResourcePermission<'platform-product'>,
  productRef: string,
  credentials: BackstageCredentials,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission, resourceRef: productRef }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You are not allowed to ${
        permission.attributes.action ?? 'use'
      } '${productRef}' (${permission.name})`,
    );
  }
}

/** Evaluates a conditional decision on a product: the plugin's permission rules. */
export type ApplyConditions = (
  decision: PolicyDecision,
  product: PlatformProductEntityV1alpha1 | undefined,
) => boolean;

/**
 * Several permissions on one product in one round trip to the permission backend
 * (`authorizeConditional`); a conditional decision is evaluated here, on the (cached)
 * product entity, instead of the permission backend calling back into this plugin's
 * apply-conditions, which reads the product from the catalog on every request.
 */
export async function allowedOnProduct<T extends string>(
  deps: {
    permissions: PermissionsService;
    products: ProductResolver;
    applyConditions: ApplyConditions;
  },
  productRef: string,
  permissions: Record<T, ResourcePermission<'platform-product'>>,
  credentials: BackstageCredentials,
): Promise<Record<T, boolean>> {
  const names = Object.keys(permissions) as T[];
  const decisions = await deps.permissions.authorizeConditional(
    names.map(name => ({ permission: permissions[name] })),
    { credentials },
  );
  let product: Promise<PlatformProductEntityV1alpha1 | undefined> | undefined;
  const results = await Promise.all(
    decisions.map(async decision => {
      if (decision.result !== AuthorizeResult.CONDITIONAL) {
        return decision.result === AuthorizeResult.ALLOW;
      }
      product ??= deps.products.product(productRef);
      return deps.applyConditions(decision, await product);
    }),
  );
  return Object.fromEntries(
    names.map((name, i) => [name, results[i]]),
  ) as Record<T, boolean>;
}
