import { PlatformProductClientOptions } from '../shared/BackendRequests';

/**
 * A client of the class given, on a fake backend: discovery puts each plugin at
 * http://backstage.test/api/<pluginId>, `fetch` answers every request with `respond()`,
 * and `call(i)` is the i-th request: its URL, method, JSON body and headers.
 */
export function clientOnFakeBackend<Client>(
  ClientClass: new (options: PlatformProductClientOptions) => Client,
  respond: () => Response,
) {
  const discoveryApi = {
    getBaseUrl: jest.fn(
      async (pluginId: string) => `http://backstage.test/api/${pluginId}`,
    ),
  };
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => respond());
  const client = new ClientClass({
    discoveryApi,
    fetchApi: { fetch: fetch as unknown as typeof window.fetch },
  });
  const call = (i = 0) => {
    const [url, init] = fetch.mock.calls[i];
    return {
      url: new URL(String(url)),
      method: init?.method ?? 'GET',
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      headers: init?.headers as Record<string, string> | undefined,
    };
  };
  return { client, fetch, call, discoveryApi };
}
