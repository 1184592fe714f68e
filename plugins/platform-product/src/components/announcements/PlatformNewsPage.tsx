import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Page,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { Route, Routes, useParams } from 'react-router-dom';
import { PagedListContent } from '../shared/PagedListContent';
import { AnnouncementDialog } from './AnnouncementDialog';
import { AnnouncementTimeline } from './AnnouncementTimeline';
import { AnnouncementView } from './AnnouncementView';
import { FeedButton } from './FeedButton';
import { countLabel } from './labels';
import { NoMatchState } from '../shared/NoMatchState';
import { PlatformNewsFilters } from './PlatformNewsFilters';
import { usePlatformNews } from './usePlatformNews';

/** Every product's posts and the global ones, with filters kept in the URL. */
const PlatformNewsList = () => {
  const { filters, products, list, canPostGlobal } = usePlatformNews();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string>();

  const content = (
    <PagedListContent
      list={list}
      errorTitle="Could not load the news"
      moreErrorTitle="Could not load more posts"
      moreLabel="Load older posts"
      empty={
        filters.filtered ? (
          <NoMatchState
            title="No posts match"
            description="Try another product, type or tag, or clear the search."
            onClear={filters.clear}
          />
        ) : (
          <EmptyState
            missing="content"
            title="No platform news yet"
            description="Releases, deprecations, maintenance and events of the platforms show up here."
          />
        )
      }
    >
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {list.totalCount === 1 && !list.totalCountCapped
          ? '1 post'
          : `${countLabel(
              list.totalCount ?? list.items.length,
              list.totalCountCapped,
            )} posts`}
      </Typography>
      <AnnouncementTimeline posts={list.items} showProduct />
    </PagedListContent>
  );

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
        <PlatformNewsFilters filters={filters} products={products} />
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
