import { useApi } from '@backstage/core-plugin-api';
import {
  Roadmap,
  RoadmapHistoryEntry,
} from '@platform-product/plugin-platform-product-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformProductApiRef } from '../api/PlatformProductApi';

/**
 * A product's roadmap: its open items by horizon and its history. `retry` reloads it
 * and keeps the loaded roadmap shown meanwhile.
 *
 * @public
 */
export function useRoadmap(productRef: string): {
  roadmap?: Roadmap;
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const api = useApi(platformProductApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getRoadmap(productRef),
    [api, productRef],
  );
  return { roadmap: value, loading, error, retry };
}

/**
 * Every change to a roadmap item, newest first; nothing while `id` is undefined.
 *
 * @public
 */
export function useRoadmapItemHistory(id: string | undefined): {
  entries?: RoadmapHistoryEntry[];
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const api = useApi(platformProductApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => (id ? api.getRoadmapItemHistory(id) : undefined),
    [api, id],
  );
  return { entries: value, loading, error, retry };
}
