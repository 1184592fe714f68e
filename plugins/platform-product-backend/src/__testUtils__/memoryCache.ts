import { CacheService } from '@backstage/backend-plugin-api';

/** A CacheService in a Map, TTLs ignored: for unit tests of what reads through the cache. */
export function memoryCache(): CacheService {
  const values = new Map<string, unknown>();
  const cache: CacheService = {
    get: async <T>(key: string) => values.get(key) as T | undefined,
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async key => {
      values.delete(key);
    },
    withOptions: () => cache,
  };
  return cache;
}
