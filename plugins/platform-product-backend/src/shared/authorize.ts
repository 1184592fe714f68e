import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  Permission,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import { ProductResolver } from './ProductResolver';

/** The one wording of a denial: what the caller may not do, and the permission it takes. */
export function notAllowedTo(
  doing: string,
  permission: Permission,
): NotAllowedError {
  return new NotAllowedError(
    `You are not allowed to ${doing} (${permission.name})`,
  );
}

/** A denial on a product: the permission's action on it (`update 'platformproduct:...'`). */
export function notAllowed(
  productRef: string,
  permission: ResourcePermission<'platform-product'>,
): NotAllowedError {
  return notAllowedTo(
    `${permission.attributes.action ?? 'use'} '${productRef}'`,
    permission,
  );
}

/** Whether the policy allows a permission that is about no product (a basic permission). */
export async function allowedGlobally(
  deps: Pick<AuthorizeDeps, 'permissions'>,
  permission: BasicPermission,
  credentials: BackstageCredentials,
): Promise<boolean> {
  const [decision] = await deps.permissions.authorize([{ permission }], {
    credentials,
  });
  return decision.result === AuthorizeResult.ALLOW;
}

/** Throws a 403 unless the policy allows the permission on this product (see allowedOnProduct). */
export async function requireOnProduct(
  deps: AuthorizeDeps,
  productRef: string,
  permission: ResourcePermission<'platform-product'>,
  credentials: BackstageCredentials,
): Promise<void> {
  const { granted } = await allowedOnProduct(
    deps,
    productRef,
    { granted: permission },
    credentials,
  );
  if (!granted) throw notAllowed(productRef, permission);
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
  deps: AuthorizeDeps,
  productRef: string,
  permissions: Record<T, ResourcePermission<'platform-product'>>,
  credentials: BackstageCredentials,
): Promise<Record<T, boolean>> {
  const allowed = await allowedOnProducts(
    deps,
    [productRef],
    permissions,
    credentials,
  );
  return Object.fromEntries(
    Object.entries(allowed).map(([name, refs]) => [
      name,
      (refs as Set<string>).has(productRef),
    ]),
  ) as Record<T, boolean>;
}

/** The same for many products: for each permission, the products it is allowed on. */
export async function allowedOnProducts<T extends string>(
  deps: AuthorizeDeps,
  productRefs: string[],
  permissions: Record<T, ResourcePermission<'platform-product'>>,
  credentials: BackstageCredentials,
): Promise<Record<T, Set<string>>> {
  return allowedWhere(
    deps,
    await decisionsOn(deps, permissions, credentials),
    productRefs,
  );
}

/** The policy's decisions on these permissions, for any product: one `authorizeConditional`. */
export async function decisionsOn<T extends string>(
  deps: Pick<AuthorizeDeps, 'permissions'>,
  permissions: Record<T, ResourcePermission<'platform-product'>>,
  credentials: BackstageCredentials,
): Promise<Record<T, PolicyDecision>> {
  const names = Object.keys(permissions) as T[];
  const decisions = await deps.permissions.authorizeConditional(
    names.map(name => ({ permission: permissions[name] })),
    { credentials },
  );
  return Object.fromEntries(
    names.map((name, i) => [name, decisions[i]]),
  ) as Record<T, PolicyDecision>;
}

/**
 * Where these decisions allow: the products of `productRefs` each one allows. A conditional
 * decision is evaluated on the product entities, read once for all the permissions: one product
 * through the cache, many in one batch (the cached ones, then the misses in one catalog query),
 * so a portfolio of 1,000 products costs no more round trips than one product.
 */
export async function allowedWhere<T extends string>(
  deps: Omit<AuthorizeDeps, 'permissions'>,
  decisions: Record<T, PolicyDecision>,
  productRefs: string[],
): Promise<Record<T, Set<string>>> {
  const names = Object.keys(decisions) as T[];
  const conditional = names.some(
    name => decisions[name].result === AuthorizeResult.CONDITIONAL,
  );
  const products = conditional ? await productsOf(deps, productRefs) : [];
  const allowed = names.map(name => {
    const decision = decisions[name];
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return new Set(
        decision.result === AuthorizeResult.ALLOW ? productRefs : [],
      );
    }
    return new Set(
      productRefs.filter((_, i) => deps.applyConditions(decision, products[i])),
    );
  });
  return Object.fromEntries(
    names.map((name, i) => [name, allowed[i]]),
  ) as Record<T, Set<string>>;
}

function productsOf(
  deps: Pick<AuthorizeDeps, 'products'>,
  productRefs: string[],
): Promise<Array<PlatformProductEntityV1alpha1 | undefined>> {
  if (productRefs.length === 1) {
    return deps.products.product(productRefs[0]).then(product => [product]);
  }
  return deps.products.products(productRefs);
}

/** What a check on a product needs: the policy, the cached products and the plugin's rules. */
export type AuthorizeDeps = {
  permissions: PermissionsService;
  products: ProductResolver;
  applyConditions: ApplyConditions;
};
