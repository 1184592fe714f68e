import { ProductAdoption } from '@platform-product/plugin-platform-product-common';
import {
  BackendRequests,
  PlatformProductClientOptions,
} from '../shared/BackendRequests';
import { PlatformProductAdoptionApi } from './AdoptionApi';

/**
 * The adoption part of the Platform Product client.
 *
 * @public
 */
export class PlatformProductAdoptionClient
  implements PlatformProductAdoptionApi
{
  private readonly requests: BackendRequests;

  constructor(options: PlatformProductClientOptions) {
    this.requests = new BackendRequests(options);
  }

  async getAdoption(productRef: string): Promise<ProductAdoption> {
    const query = new URLSearchParams({ productRef });
    return this.requests.json<ProductAdoption>(`/adoption?${query}`);
  }
}
