import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  PlatformProductApi,
  platformProductApiRef,
} from '../api/PlatformProductApi';

/**
 * One thing the Platform Product API loads by id (a post, its reach...), loaded again
 * when `id` changes; nothing, and no request, while `id` is undefined.
 */
export function useLoadById<T>(
  id: string | undefined,
  load: (api: PlatformProductApi, id: string) => Promise<T>,
): { value?: T; loading: boolean; error?: Error; retry: () => void } {
  const api = useApi(platformProductApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => (id ? load(api, id) : undefined),
    [api, id],
  );
  return { value, loading, error, retry };
}
