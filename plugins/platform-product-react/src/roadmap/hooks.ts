import {
  Roadmap,
  RoadmapHistoryEntry,
} from '@platform-product/plugin-platform-product-common';
import { useLoadById } from '../shared/useLoadById';

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
  const { value, ...state } = useLoadById(productRef, (api, ref) =>
    api.getRoadmap(ref),
  );
  return { roadmap: value, ...state };
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
  const { value, ...state } = useLoadById(id, (api, itemId) =>
    api.getRoadmapItemHistory(itemId),
  );
  return { entries: value, ...state };
}
