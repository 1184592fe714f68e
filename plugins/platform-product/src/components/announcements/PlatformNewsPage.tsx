import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import Alert from '@material-ui/lab/Alert';
import {
  ANNOUNCEMENT_TYPES,
  announcementGlobalManagePermission,
  AnnouncementType,
  PLATFORM_PRODUCT_KIND,
} from '@platform-product/plugin-platform-product-common';
import { useAnnouncementList } from '@platform-product/plugin-platform-product-react';
import { ReactNode, useEffect, useState } from 'react';
import { Route, Routes, useParams, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { displayNameOf, refOf } from '../shared/entities';
import { FilterSelect } from '../shared/FilterSelect';
import { AnnouncementDialog } from './AnnouncementDialog';
import { AnnouncementTimeline } from './AnnouncementTimeline';
import { AnnouncementView } from './AnnouncementView';
import { FeedButton } from './FeedButton';
import { countLabel, TYPE_LABELS } from './labels';

const PAGE_SIZE = 20;

const useStyles = makeStyles(
  theme => ({
    filters: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(2),
      marginBottom: theme.spacing(2),
    },
    filter: { minWidth: theme.spacing(20) },
    search: { flex: 1, minWidth: theme.spacing(25) },
  }),
  { name: 'PlatformProductNewsPage' },
);

/** The products in the catalog, for the product filter. */
function useProductOptions() {
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

/** Every product's posts and the global ones, with filters kept in the URL. */
const PlatformNewsList = () => {
  const classes = useStyles();
  const [params, setParams] = useSearchParams();
  const productRef = params.get('product') ?? '';
  const type = (params.get('type') ?? '') as AnnouncementType | '';
  const tag = params.get('tag') ?? '';
  const q = params.get('q') ?? '';
  const unread = params.get('unread') === 'true';
  const upcoming = params.get('upcoming') === 'true';
  const [search, setSearch] = useState(q);
  const [tagText, setTagText] = useState(tag);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string>();
  const products = useProductOptions();
  const { allowed: canPostGlobal } = usePermission({
    permission: announcementGlobalManagePermission,
  });

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
      const normalized = tagText
        .trim()
        .replace(/^#/, '')
        .toLocaleLowerCase('en-US');
      if (normalized !== tag) setParam('tag', normalized);
    },
    300,
    [tagText],
  );
  // the URL can change under the fields (back button, clear filters); keep what
  // the user is typing when it is only the debounced, trimmed form of the URL's
  useEffect(() => setSearch(text => (text.trim() === q ? text : q)), [q]);
  useEffect(
    () =>
      setTagText(text =>
        text.trim().replace(/^#/, '').toLocaleLowerCase('en-US') === tag
          ? text
          : tag,
      ),
    [tag],
  );

  const list = useAnnouncementList({
    productRef: productRef || undefined,
    type: type || undefined,
    tag: tag || undefined,
    q: q || undefined,
    unread,
    upcoming,
    limit: PAGE_SIZE,
  });
  const filtered = !!(productRef || type || tag || q || unread || upcoming);

  let content: ReactNode;
  if (list.error && !list.items.length) {
    content = (
      <ResponseErrorPanel error={list.error} title="Could not load the news" />
    );
  } else if (list.loading && !list.items.length) {
    content = <Progress />;
  } else if (!list.items.length) {
    content = filtered ? (
      <EmptyState
        missing="data"
        title="No posts match"
        description="Try another product, type or tag, or clear the search."
        action={
          <Button
            variant="outlined"
            onClick={() => setParams(new URLSearchParams())}
          >
            Clear filters
          </Button>
        }
      />
    ) : (
      <EmptyState
        missing="content"
        title="No platform news yet"
        description="Releases, deprecations, maintenance and events of the platforms show up here."
      />
    );
  } else {
    content = (
      <>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {list.totalCount === 1 && !list.totalCountCapped
            ? '1 post'
            : `${countLabel(
                list.totalCount ?? list.items.length,
                list.totalCountCapped,
              )} posts`}
        </Typography>
        <AnnouncementTimeline posts={list.items} showProduct />
        {list.error && (
          <ResponseErrorPanel
            error={list.error}
            title="Could not load more posts"
          />
        )}
        {list.hasMore && (
          <Box mt={1} textAlign="center">
            <Button
              variant="outlined"
              onClick={list.loadMore}
              disabled={list.loading}
            >
              {list.loading ? 'Loading…' : 'Load older posts'}
            </Button>
          </Box>
        )}
      </>
    );
  }

  const unreadCount = list.unreadCount ?? 0;
  return (
    <>
      <ContentHeader
        title="What's new on the platforms"
        description="Releases, deprecations, maintenance, incidents and events."
      >
        <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
          <FeedButton />
          {canPostGlobal && (
            <Button
              variant="contained"
              color="primary"
              startIcon={<AddIcon />}
              onClick={() => setCreating(true)}
            >
              New global announcement
            </Button>
          )}
        </Box>
      </ContentHeader>
      {notice && (
        <Box mb={2}>
          <Alert severity="success" onClose={() => setNotice(undefined)}>
            {notice}
          </Alert>
        </Box>
      )}
      <InfoCard
        title={
          unreadCount
            ? `${countLabel(unreadCount, list.unreadCountCapped)} unread`
            : 'All caught up'
        }
      >
        <Box className={classes.filters}>
          <FilterSelect
            id="news-filter-product"
            label="Product"
            value={productRef}
            onChange={value => setParam('product', value)}
            allLabel="All products"
            options={(products.value ?? []).map(product => ({
              value: product.ref,
              label: product.title,
            }))}
            className={classes.filter}
            disabled={products.loading}
            error={products.error ? 'Could not load the products' : undefined}
          />
          <FilterSelect
            id="news-filter-type"
            label="Type"
            value={type}
            onChange={value => setParam('type', value)}
            allLabel="All types"
            options={ANNOUNCEMENT_TYPES.map(t => ({
              value: t,
              label: TYPE_LABELS[t],
            }))}
            className={classes.filter}
          />
          <TextField
            id="news-filter-tag"
            label="Tag"
            value={tagText}
            onChange={e => setTagText(e.target.value)}
            variant="outlined"
            size="small"
            className={classes.filter}
            placeholder="kubernetes"
            InputLabelProps={{ shrink: true }}
          />
          <TextField
            id="news-search"
            label="Search"
            type="search"
            value={search}
            onChange={e => setSearch(e.target.value)}
            variant="outlined"
            size="small"
            className={classes.search}
            placeholder="Search titles and text"
            InputLabelProps={{ shrink: true }}
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={unread}
                onChange={e => setParam('unread', e.target.checked)}
                color="primary"
              />
            }
            label="Unread only"
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={upcoming}
                onChange={e => setParam('upcoming', e.target.checked)}
                color="primary"
              />
            }
            label="Upcoming events"
          />
        </Box>
        {content}
      </InfoCard>
      {creating && (
        <AnnouncementDialog
          open
          productName="everyone"
          onClose={() => setCreating(false)}
          onSaved={post => {
            list.reload();
            setNotice(`Saved “${post.title}” (${post.state}).`);
          }}
        />
      )}
    </>
  );
};

const PostRoute = () => {
  const { id } = useParams();
  return <AnnouncementView id={id!} />;
};

/**
 * The Platform news page (mount at `/platform-news`): every post with filters,
 * and one post at `/platform-news/:id`.
 */
export const PlatformNewsPage = (props: {
  title?: string;
  subtitle?: string;
}) => (
  <Page themeId="home">
    <Header
      title={props.title ?? 'Platform news'}
      subtitle={
        props.subtitle ?? 'What the platform teams released, changed and plan'
      }
    />
    <Content>
      <Routes>
        <Route path="/" element={<PlatformNewsList />} />
        <Route path="/:id" element={<PostRoute />} />
      </Routes>
    </Content>
  </Page>
);
