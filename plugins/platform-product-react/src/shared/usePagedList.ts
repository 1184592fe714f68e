import { useCallback, useEffect, useRef, useState } from 'react';

/** One page of a list route: `{ items, totalCount, nextCursor }` and whatever else it says. */
export type Page<T> = {
  items: T[];
  totalCount: number;
  nextCursor: string | null;
};

/** What the list hooks return. */
export type PagedList<T extends { id: string }, P extends Page<T>> = {
  items: T[];
  totalCount?: number;
  /** the latest page as the server sent it (e.g. for counts beside the items) */
  lastPage?: P;
  hasMore: boolean;
  loading: boolean;
  error?: Error;
  loadMore: () => void;
  reload: () => void;
  /** Replaces one item in place (after an edit, a vote or a status change). */
  updateItem: (item: T) => void;
  removeItem: (id: string) => void;
};

/**
 * A server-paged list: the first page for the current `fetchPage` (memoize it on its
 * filters: a new one starts over), more pages with `loadMore`. The latest request
 * wins: an answer to older filters is dropped.
 */
export function usePagedList<P extends Page<{ id: string }>>(
  fetchPage: (cursor: string | undefined) => Promise<P>,
): PagedList<P['items'][number], P> {
  type T = P['items'][number];
  const [items, setItems] = useState<T[]>([]);
  const [lastPage, setLastPage] = useState<P>();
  const [totalCount, setTotalCount] = useState<number>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  const [generation, setGeneration] = useState(0);
  const requestId = useRef(0);

  const load = useCallback(
    async (cursor: string | undefined) => {
      const id = ++requestId.current;
      setLoading(true);
      setError(undefined);
      try {
        const page = await fetchPage(cursor);
        if (id !== requestId.current) return;
        setItems(previous =>
          cursor ? [...previous, ...page.items] : page.items,
        );
        setLastPage(page);
        setTotalCount(page.totalCount);
        setNextCursor(page.nextCursor);
      } catch (e) {
        if (id !== requestId.current) return;
        setError(e as Error);
      } finally {
        if (id === requestId.current) setLoading(false);
      }
    },
    [fetchPage],
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
    lastPage,
    hasMore: !!nextCursor,
    loading,
    error,
    loadMore: () => {
      if (nextCursor && !loading) load(nextCursor);
    },
    reload: () => setGeneration(g => g + 1),
    updateItem: item =>
      setItems(previous => previous.map(p => (p.id === item.id ? item : p))),
    removeItem: id => {
      setItems(previous => previous.filter(p => p.id !== id));
      setTotalCount(count => (count ? count - 1 : count));
    },
  };
}
