import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ProductAdoption } from '@platform-product/plugin-platform-product-common';
import { PlatformProductApi } from './PlatformProductApi';

/**
 * Talks to the `platform-product` backend plugin. Requests go through the
 * `fetchApi`, so the signed-in user's credentials are attached.
 *
 * @public
 */
export class PlatformProductClient implements PlatformProductApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getAdoption(productRef: string): Promise<ProductAdoption> {
    const query = new URLSearchParams({ productRef });
    return this.get<ProductAdoption>(`/adoption?${query}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-product');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
