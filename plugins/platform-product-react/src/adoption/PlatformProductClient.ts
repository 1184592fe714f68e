import { ProductAdoption } from '@platform-product/plugin-platform-product-common';
import { PlatformProductAnnouncementsClient } from '../announcements/AnnouncementsClient';
import { PlatformProductApi } from './PlatformProductApi';

/**
 * Talks to the `platform-product` backend plugin. Requests go through the
 * `fetchApi`, so the signed-in user's credentials are attached.
 *
 * @public
 */
export class PlatformProductClient
  extends PlatformProductAnnouncementsClient
  implements PlatformProductApi
{
  async getAdoption(productRef: string): Promise<ProductAdoption> {
    const query = new URLSearchParams({ productRef });
    return this.requests.json<ProductAdoption>(`/adoption?${query}`);
  }
}
