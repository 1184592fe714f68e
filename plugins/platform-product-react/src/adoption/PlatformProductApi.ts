import { createApiRef } from '@backstage/core-plugin-api';
import { ProductAdoption } from '@platform-product/plugin-platform-product-common';
import { PlatformProductAnnouncementsApi } from '../announcements/AnnouncementsApi';
import { PlatformProductFeedbackApi } from '../feedback/FeedbackApi';

/**
 * The Platform Product backend, as seen from the browser.
 *
 * @public
 */
export interface PlatformProductApi
  extends PlatformProductFeedbackApi,
    PlatformProductAnnouncementsApi {
  /**
   * Who uses a product: its consumers (entities that depend on the product or
   * one of its parts) grouped by their owning teams, plus daily history.
   *
   * @param productRef - the full entity ref of the PlatformProduct, e.g.
   *   `platformproduct:default/deployment-platform`
   */
  getAdoption(productRef: string): Promise<ProductAdoption>;
}

/**
 * The API reference of {@link PlatformProductApi}.
 *
 * @public
 */
export const platformProductApiRef = createApiRef<PlatformProductApi>({
  id: 'plugin.platform-product.api',
});
