import { useApi } from '@backstage/core-plugin-api';
import {
  FeedbackItem,
  FeedbackItemWithReplies,
  FeedbackStats,
} from '@platform-product/plugin-platform-product-common';
import { useCallback } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformProductApiRef } from '../api/PlatformProductApi';
import { useLoadById } from '../shared/useLoadById';
import { usePagedList } from '../shared/usePagedList';
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
  const { value, ...state } = useLoadById(id, (api, postId) =>
    api.getFeedback(postId),
  );
  return { post: value, ...state };
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
  removeItem: (id: string) => void;
} {
  const api = useApi(platformProductApiRef);
  const { productRef, type, status, q, sort, limit, mine } = options;
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      api.listFeedback({
        productRef,
        type,
        status,
        q,
        sort,
        limit,
        mine,
        cursor,
      }),
    [api, productRef, type, status, q, sort, limit, mine],
  );
  const { lastPage: _lastPage, ...list } = usePagedList(fetchPage);
  return list;
}
