import { PlatformProductClientOptions } from '../shared/BackendRequests';

/**
 * A capability client over a fetch that answers every request with `respond()` and
 * records it, for the clients' tests: `call(i)` is the i-th request, its URL parsed
 * and its JSON body read.
 */
export function recordingClient<C>(
  Client: new (options: PlatformProductClientOptions) => C,
  respond: () => Response,
) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => respond());
  const client = new Client({
    discoveryApi: {
      getBaseUrl: async (pluginId: string) =>
        `http://backstage.test/api/${pluginId}`,
    },
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
  return { client, fetch, call };
}
