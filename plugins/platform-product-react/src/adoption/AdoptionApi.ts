import { ProductAdoption } from '@platform-product/plugin-platform-product-common';

/**
 * The adoption calls of the Platform Product backend.
 *
 * @public
 */
export interface PlatformProductAdoptionApi {
  /**
   * Who uses a product: its consumers (entities that depend on the product or
   * one of its parts) grouped by their owning teams, plus daily history.
   *
   * @param productRef - the full entity ref of the PlatformProduct, e.g.
   *   `platformproduct:default/deployment-platform`
   */
  getAdoption(productRef: string): Promise<ProductAdoption>;
}
