import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  PlatformProductEntityV1alpha1,
  platformProductReadPermission,
  scorecardRefreshPermission,
} from '@platform-product/plugin-platform-product-common';
import {
  allowedOnProduct,
  allowedOnProducts,
  AuthorizeDeps,
  notAllowed,
} from '../shared/authorize';
import { requireUser } from '../shared/caller';

/**
 * The access checks of the scorecards, each one permission round trip: whoever may read a
 * product (`platform-product.product.read`) reads its scorecard, its history and its row of the
 * portfolio; its team (`platform-product.scorecard.refresh`) evaluates it now, as a signed-in
 * user. Services read, never refresh.
 */
export class ScorecardAccess {
  constructor(private readonly deps: AuthorizeDeps) {}

  /** The product: 404 when the catalog has no such PlatformProduct, 403 unless the caller may read it. */
  async readable(
    productRef: string,
    credentials: BackstageCredentials,
  ): Promise<PlatformProductEntityV1alpha1> {
    const product = await this.deps.products.existing(productRef);
    const { read } = await allowedOnProduct(
      this.deps,
      productRef,
      { read: platformProductReadPermission },
      credentials,
    );
    if (!read) throw notAllowed(productRef, platformProductReadPermission);
    return product;
  }

  /** The signed-in user, allowed to read and to refresh the product (404 for no product). */
  async refresher(
    productRef: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const actor = requireUser(credentials);
    await this.deps.products.existing(productRef);
    const can = await allowedOnProduct(
      this.deps,
      productRef,
      {
        read: platformProductReadPermission,
        refresh: scorecardRefreshPermission,
      },
      credentials,
    );
    if (!can.read) throw notAllowed(productRef, platformProductReadPermission);
    if (!can.refresh) throw notAllowed(productRef, scorecardRefreshPermission);
    return actor;
  }

  /**
   * The products among these the caller may read: one decision for all of them, a conditional
   * one evaluated on the cached product entities.
   */
  async readableAmong(
    productRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    if (!productRefs.length) return new Set();
    const { read } = await allowedOnProducts(
      this.deps,
      productRefs,
      { read: platformProductReadPermission },
      credentials,
    );
    return read;
  }
}
