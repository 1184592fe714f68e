import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { ReactNode } from 'react';

/** What the component needs of a paged list (`usePagedList` and the hooks on it). */
export type PagedListState = {
  items: unknown[];
  loading: boolean;
  error?: Error;
  hasMore: boolean;
  loadMore: () => void;
};

/**
 * The states of a server-paged list: an error panel when the first page fails,
 * progress while it loads, `empty` when there is nothing, else the items
 * (`children`) with an error panel when a later page fails and a button for
 * the next page.
 */
export const PagedListContent = (props: {
  list: PagedListState;
  /** when the first page fails */
  errorTitle: string;
  /** when a later page fails */
  moreErrorTitle: string;
  /** the button that loads the next page */
  moreLabel: string;
  empty: ReactNode;
  children: ReactNode;
}) => {
  const { list, errorTitle, moreErrorTitle, moreLabel, empty, children } =
    props;
  if (list.error && !list.items.length) {
    return <ResponseErrorPanel error={list.error} title={errorTitle} />;
  }
  if (list.loading && !list.items.length) return <Progress />;
  if (!list.items.length) return <>{empty}</>;
  return (
    <>
      {children}
      {list.error && (
        <ResponseErrorPanel error={list.error} title={moreErrorTitle} />
      )}
      {list.hasMore && (
        <Box mt={1} textAlign="center">
          <Button
            variant="outlined"
            onClick={list.loadMore}
            disabled={list.loading}
          >
            {list.loading ? 'Loading…' : moreLabel}
          </Button>
        </Box>
      )}
    </>
  );
};
