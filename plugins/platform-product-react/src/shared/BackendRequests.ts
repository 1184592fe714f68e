import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

/** Requests to the `platform-product` backend; a non-2xx answer throws a ResponseError. */
export class BackendRequests {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async url(path: string): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-product');
    return `${baseUrl}${path}`;
  }

  async fetch(
    path: string,
    init?: { method: string; body?: unknown },
  ): Promise<Response> {
    const url = await this.url(path);
    const response = init
      ? await this.fetchApi.fetch(url, {
          method: init.method,
          ...(init.body !== undefined && {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(init.body),
          }),
        })
      : await this.fetchApi.fetch(url);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  async json<T>(
    path: string,
    init?: { method: string; body?: unknown },
  ): Promise<T> {
    const response = await this.fetch(path, init);
    return (await response.json()) as T;
  }
}
