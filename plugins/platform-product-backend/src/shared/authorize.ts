import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

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
