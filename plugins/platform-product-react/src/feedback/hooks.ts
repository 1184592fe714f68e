import { useApi } from '@backstage/core-plugin-api';
import {
  FeedbackItem,
  FeedbackItemWithReplies,
  FeedbackStats,
} from '@platform-product/plugin-platform-product-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformProductApiRef } from '../adoption/PlatformProductApi';
import { ListFeedbackOptions } from './FeedbackApi';

/**
 * Loads the NPS and team metrics of a product over the last 1, 3 or 12 months.
 *
 * @public
 */
export function useFeedbackStats(
  productRef: string,
  months: 1 | 3 | 12 = 12,
): {
  stats?: FeedbackStats;
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const api = useApi(platformProductApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getFeedbackStats(productRef, { months }),
    [api, productRef, months],
  );
  return { stats: value, loading, error, retry };
}

/**
 * Loads one rating or post with its replies; nothing while `id` is undefined.
 *
 * @public
 */
export function useFeedbackPost(id: string | undefined): {
  post?: FeedbackItemWithReplies;
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const api = useApi(platformProductApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => (id ? api.getFeedback(id) : undefined),
    [api, id],
  );
  return { post: value, loading, error, retry };
}

/**
 * A product's feedback, one page at a time: the first page for the given filters,
 * more pages with `loadMore`; new filters start over.
 *
 * @public
 */
export function useFeedbackList(options: ListFeedbackOptions): {
  items: FeedbackItem[];
  totalCount?: number;
  hasMore: boolean;
  loading: boolean;
  error?: Error;
  loadMore: () => void;
  reload: () => void;
  /** Replaces one item in place (after a vote or a status change). */
  updateItem: (item: FeedbackItem) => void;
} {
  const api = useApi(platformProductApiRef);
  const { productRef, type, status, q, sort, limit, mine } = options;
  const [items, setItems] = useState<FeedbackItem[]>([]);
  const [totalCount, setTotalCount] = useState<number>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  const [generation, setGeneration] = useState(0);
  // the latest request wins: an answer to older filters is dropped
  const requestId = useRef(0);

  const load = useCallback(
    async (cursor: string | undefined) => {
      const id = ++requestId.current;
      setLoading(true);
      setError(undefined);
      try {
        const page = await api.listFeedback({
          productRef,
          type,
          status,
          q,
          sort,
          limit,
          mine,
          cursor,
        });
        if (id !== requestId.current) return;
        setItems(previous =>
          cursor ? [...previous, ...page.items] : page.items,
        );
        setTotalCount(page.totalCount);
        setNextCursor(page.nextCursor);
      } catch (e) {
        if (id !== requestId.current) return;
        setError(e as Error);
      } finally {
        if (id === requestId.current) setLoading(false);
      }
    },
    [api, productRef, type, status, q, sort, limit, mine],
  );

  useEffect(() => {
    setItems([]);
    setTotalCount(undefined);
    setNextCursor(null);
    load(undefined);
  }, [load, generation]);

  return {
    items,
    totalCount,
    hasMore: !!nextCursor,
    loading,
    error,
    loadMore: () => {
      if (nextCursor && !loading) load(nextCursor);
    },
    reload: () => setGeneration(g => g + 1),
    updateItem: item =>
      setItems(previous => previous.map(p => (p.id === item.id ? item : p))),
  };
}
