import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  announcementGlobalManagePermission,
  AnnouncementType,
  PLATFORM_PRODUCT_KIND,
} from '@platform-product/plugin-platform-product-common';
import { useAnnouncementList } from '@platform-product/plugin-platform-product-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { displayNameOf, refOf } from '../shared/entities';
import { normalizeTag } from './tags';

const PAGE_SIZE = 20;

/**
 * The news page's filters, kept in the URL; the search and tag fields keep what
 * the user types and reach the URL debounced.
 */
export function useNewsFilters() {
  const [params, setParams] = useSearchParams();
  const productRef = params.get('product') ?? '';
  const type = (params.get('type') ?? '') as AnnouncementType | '';
  const tag = params.get('tag') ?? '';
  const q = params.get('q') ?? '';
  const unread = params.get('unread') === 'true';
  const upcoming = params.get('upcoming') === 'true';
  const [search, setSearch] = useState(q);
  const [tagText, setTagText] = useState(tag);

  const setParam = (key: string, value: string | boolean) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, String(value));
    else next.delete(key);
    setParams(next, { replace: true });
  };
  useDebounce(() => search.trim() !== q && setParam('q', search.trim()), 300, [
    search,
  ]);
  useDebounce(
    () => {
      const normalized = normalizeTag(tagText);
      if (normalized !== tag) setParam('tag', normalized);
    },
    300,
    [tagText],
  );
  // the URL can change under the fields (back button, clear filters); keep what
  // the user is typing when it is only the debounced, trimmed form of the URL's
  useEffect(() => setSearch(text => (text.trim() === q ? text : q)), [q]);
  useEffect(
    () => setTagText(text => (normalizeTag(text) === tag ? text : tag)),
    [tag],
  );

  return {
    productRef,
    type,
    tag,
    q,
    unread,
    upcoming,
    /** the search field, as typed */
    search,
    setSearch,
    /** the tag field, as typed */
    tagText,
    setTagText,
    setParam,
    filtered: !!(productRef || type || tag || q || unread || upcoming),
    clear: () => setParams(new URLSearchParams()),
  };
}

export type NewsFilters = ReturnType<typeof useNewsFilters>;

/** The products in the catalog, for the product filter. */
export function useProductOptions() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: PLATFORM_PRODUCT_KIND },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items
      .map(entity => ({ ref: refOf(entity), title: displayNameOf(entity) }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [catalogApi]);
}

export type ProductOptions = ReturnType<typeof useProductOptions>;

/**
 * What the news page shows: every product's posts and the global ones, through
 * the filters in the URL; the products to filter by; whether the user may post
 * for everyone.
 */
export function usePlatformNews() {
  const filters = useNewsFilters();
  const products = useProductOptions();
  const { allowed: canPostGlobal } = usePermission({
    permission: announcementGlobalManagePermission,
  });
  const list = useAnnouncementList({
    productRef: filters.productRef || undefined,
    type: filters.type || undefined,
    tag: filters.tag || undefined,
    q: filters.q || undefined,
    unread: filters.unread,
    upcoming: filters.upcoming,
    limit: PAGE_SIZE,
  });
  return { filters, products, list, canPostGlobal };
}
