import { useApi } from '@backstage/core-plugin-api';
import {
  Announcement,
  AnnouncementReach,
  ProductFollow,
} from '@platform-product/plugin-platform-product-common';
import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformProductApiRef } from '../api/PlatformProductApi';
import { useLoadById } from '../shared/useLoadById';
import { usePagedList } from '../shared/usePagedList';
import { ListAnnouncementsOptions } from './AnnouncementsApi';

/**
 * Announcements, one page at a time: the first page for the given filters, more
 * pages with `loadMore`; new filters start over.
 *
 * @public
 */
export function useAnnouncementList(
  options: Omit<ListAnnouncementsOptions, 'cursor'>,
): {
  items: Announcement[];
  /** exact up to 1,000; with `totalCountCapped` there are more ("1,000+") */
  totalCount?: number;
  totalCountCapped?: boolean;
  /**
   * unread posts in the same scope (product or entity), whatever the other filters:
   * exact up to 100; with `unreadCountCapped` there are more ("100+")
   */
  unreadCount?: number;
  unreadCountCapped?: boolean;
  hasMore: boolean;
  loading: boolean;
  error?: Error;
  loadMore: () => void;
  reload: () => void;
  /** Replaces one post in place (after an edit, a read or an acknowledgement). */
  updateItem: (item: Announcement) => void;
  removeItem: (id: string) => void;
} {
  const api = useApi(platformProductApiRef);
  const {
    productRef,
    entityRef,
    type,
    tag,
    q,
    upcoming,
    unread,
    drafts,
    limit,
  } = options;
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      api.listAnnouncements({
        productRef,
        entityRef,
        type,
        tag,
        q,
        upcoming,
        unread,
        drafts,
        limit,
        cursor,
      }),
    [api, productRef, entityRef, type, tag, q, upcoming, unread, drafts, limit],
  );
  const { lastPage, ...list } = usePagedList(fetchPage);
  return {
    ...list,
    totalCountCapped: lastPage?.totalCountCapped,
    unreadCount: lastPage?.unreadCount,
    unreadCountCapped: lastPage?.unreadCountCapped,
  };
}

/**
 * One announcement; nothing while `id` is undefined.
 *
 * @public
 */
export function useAnnouncement(id: string | undefined): {
  announcement?: Announcement;
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const { value, loading, error, retry } = useLoadById(id, (api, postId) =>
    api.getAnnouncement(postId),
  );
  return { announcement: value, loading, error, retry };
}

/**
 * Who a post reached (for the product team); nothing while `id` is undefined.
 *
 * @public
 */
export function useAnnouncementReach(id: string | undefined): {
  reach?: AnnouncementReach;
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const { value, loading, error, retry } = useLoadById(id, (api, postId) =>
    api.getAnnouncementReach(postId),
  );
  return { reach: value, loading, error, retry };
}

/**
 * Whether the caller follows a product, with a way to follow or unfollow it.
 * `setFollowing` rejects with the server's error.
 *
 * @public
 */
export function useProductFollow(productRef: string): {
  follow?: ProductFollow;
  loading: boolean;
  error?: Error;
  retry: () => void;
  setFollowing: (following: boolean) => Promise<ProductFollow>;
} {
  const api = useApi(platformProductApiRef);
  const [changed, setChanged] = useState<ProductFollow>();
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    setChanged(undefined);
    return api.getProductFollow(productRef);
  }, [api, productRef]);
  const setFollowing = useCallback(
    async (following: boolean) => {
      const next = await api.followProduct(productRef, following);
      setChanged(next);
      return next;
    },
    [api, productRef],
  );
  return { follow: changed ?? value, loading, error, retry, setFollowing };
}

/**
 * The banners the caller has not dismissed (pinned maintenance and incident posts):
 * the global ones, and a product's with `productRef`. `dismiss` hides one for good
 * and rejects with the server's error.
 *
 * @public
 */
export function useAnnouncementBanners(productRef?: string): {
  banners: Announcement[];
  loading: boolean;
  error?: Error;
  dismiss: (id: string) => Promise<void>;
} {
  const api = useApi(platformProductApiRef);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const { value, loading, error } = useAsyncRetry(
    () => api.getAnnouncementBanners(productRef),
    [api, productRef],
  );
  const dismiss = useCallback(
    async (id: string) => {
      await api.dismissAnnouncement(id);
      setDismissed(previous => [...previous, id]);
    },
    [api],
  );
  return {
    banners: (value ?? []).filter(banner => !dismissed.includes(banner.id)),
    loading,
    error,
    dismiss,
  };
}

/**
 * How many published posts the caller has not read: of one product
 * (`productRef`), of the products an entity belongs to (`entityRef`), or all.
 * Exact up to 100; with `capped` there are more ("100+").
 *
 * @public
 */
export function useUnreadAnnouncementCount(
  scope: { productRef?: string; entityRef?: string } = {},
): {
  count?: number;
  capped?: boolean;
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const api = useApi(platformProductApiRef);
  const { productRef, entityRef } = scope;
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const page = await api.listAnnouncements({
      productRef,
      entityRef,
      unread: true,
      limit: 1,
    });
    return { count: page.unreadCount, capped: page.unreadCountCapped };
  }, [api, productRef, entityRef]);
  return {
    count: value?.count,
    capped: value?.capped,
    loading,
    error,
    retry,
  };
}
