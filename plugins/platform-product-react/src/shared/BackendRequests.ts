import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

async function ok(response: Response): Promise<Response> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return response;
}

/**
 * What a Platform Product client needs: where the backend is, and a fetch that
 * carries the signed-in user's credentials.
 *
 * @public
 */
export type PlatformProductClientOptions = {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
};

/** Requests to the `platform-product` backend; a non-2xx answer throws a ResponseError. */
export class BackendRequests {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: PlatformProductClientOptions) {
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
    return ok(response);
  }

  /**
   * Backstage's user cookie for the plugin (`/.backstage/auth/v1/cookie`, valid about an hour),
   * so that the browser can open a route that allows it without the fetchApi's token.
   */
  async issueUserCookie(): Promise<void> {
    await ok(
      await this.fetchApi.fetch(await this.url('/.backstage/auth/v1/cookie'), {
        credentials: 'include',
      }),
    );
  }

  async json<T>(
    path: string,
    init?: { method: string; body?: unknown },
  ): Promise<T> {
    const response = await this.fetch(path, init);
    return (await response.json()) as T;
  }
}
