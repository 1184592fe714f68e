import {
  EmptyState,
  InfoCard,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import Alert from '@material-ui/lab/Alert';
import {
  Announcement,
  announcementManagePermission,
  isPlatformProductEntity,
} from '@platform-product/plugin-platform-product-common';
import { useAnnouncementList } from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import { displayNameOf, refOf } from '../shared/entities';
import { PagedListContent } from '../shared/PagedListContent';
import { TabHeader } from '../shared/TabHeader';
import { AnnouncementDialog } from './AnnouncementDialog';
import { AnnouncementSummary } from './AnnouncementSummary';
import { AnnouncementTimeline } from './AnnouncementTimeline';
import { FeedButton } from './FeedButton';
import { FollowButton } from './FollowButton';
import { PostActions } from './PostActions';
import { countLabel, savedPostMessage } from './labels';

const PAGE_SIZE = 20;

/**
 * The News tab of a product (mount at `/news`): upcoming events first, then every
 * post on a timeline; follow the product; for its team, new posts, edits,
 * deletes and each post's reach.
 */
export const EntityProductNewsContent = () => {
  const { entity } = useEntity();
  const productRef = refOf(entity);
  const name = displayNameOf(entity);
  const { allowed: canManage } = usePermission({
    permission: announcementManagePermission,
    resourceRef: productRef,
  });
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<{
    severity: 'success' | 'error';
    message: string;
  }>();

  const upcoming = useAnnouncementList({
    productRef,
    type: 'event',
    upcoming: true,
    limit: 5,
  });
  const posts = useAnnouncementList({
    productRef,
    drafts: canManage,
    limit: PAGE_SIZE,
  });

  if (!isPlatformProductEntity(entity)) {
    return (
      <EmptyState
        missing="info"
        title="Not a platform product"
        description={`News is posted for PlatformProduct entities, but this is a ${entity.kind}.`}
      />
    );
  }

  const reloadAll = () => {
    upcoming.reload();
    posts.reload();
  };
  const actions = (post: Announcement) =>
    post.canEdit && (
      <PostActions
        post={post}
        onChanged={changed => {
          posts.updateItem(changed);
          upcoming.updateItem(changed);
          setNotice({ severity: 'success', message: 'Saved.' });
        }}
        onDeleted={id => {
          posts.removeItem(id);
          upcoming.removeItem(id);
          setNotice({ severity: 'success', message: 'Deleted.' });
        }}
      />
    );

  const upcomingIds = new Set(upcoming.items.map(p => p.id));
  const timeline = posts.items.filter(p => !upcomingIds.has(p.id));

  const content = (
    <PagedListContent
      list={posts}
      errorTitle="Could not load the news"
      moreErrorTitle="Could not load more news"
      moreLabel="Load older posts"
      empty={
        <EmptyState
          missing="content"
          title={`No news from ${name} yet`}
          description={
            canManage
              ? 'Announce a release, a deprecation, maintenance or an event: it reaches the teams that use the product and its followers.'
              : 'Releases, deprecations, maintenance and events of the product show up here. Follow it to be notified.'
          }
          action={
            canManage ? (
              <Button
                variant="contained"
                color="primary"
                onClick={() => setCreating(true)}
              >
                Write the first post
              </Button>
            ) : undefined
          }
        />
      }
    >
      {timeline.length > 0 ? (
        <AnnouncementTimeline posts={timeline} actions={actions} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          Nothing else: just the upcoming events above.
        </Typography>
      )}
    </PagedListContent>
  );

  const unread = posts.unreadCount ?? 0;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <TabHeader
          title={`News from ${name}`}
          subtitle={
            unread > 0
              ? `${countLabel(unread, posts.unreadCountCapped)} unread ${
                  unread === 1 && !posts.unreadCountCapped ? 'post' : 'posts'
                }`
              : 'You are all caught up.'
          }
          actions={
            <>
              <FeedButton productRef={productRef} />
              <FollowButton
                productRef={productRef}
                onError={message => setNotice({ severity: 'error', message })}
              />
              {canManage && (
                <Button
                  variant="contained"
                  color="primary"
                  startIcon={<AddIcon />}
                  onClick={() => setCreating(true)}
                >
                  New announcement
                </Button>
              )}
            </>
          }
        />
        {notice && (
          <Box mt={2}>
            <Alert
              severity={notice.severity}
              onClose={() => setNotice(undefined)}
            >
              {notice.message}
            </Alert>
          </Box>
        )}
      </Grid>
      {upcoming.error && (
        <Grid item xs={12}>
          <ResponseErrorPanel
            error={upcoming.error}
            title="Could not load the upcoming events"
          />
        </Grid>
      )}
      {upcoming.items.length > 0 && (
        <Grid item xs={12}>
          <InfoCard title="Upcoming events">
            <Box display="flex" flexDirection="column" style={{ gap: 24 }}>
              {upcoming.items.map(post => (
                <AnnouncementSummary
                  key={post.id}
                  post={post}
                  actions={actions(post)}
                />
              ))}
            </Box>
          </InfoCard>
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard title="Timeline">{content}</InfoCard>
      </Grid>
      {creating && (
        <AnnouncementDialog
          open
          productRef={productRef}
          productName={name}
          onClose={() => setCreating(false)}
          onSaved={post => {
            reloadAll();
            setNotice({ severity: 'success', message: savedPostMessage(post) });
          }}
        />
      )}
    </Grid>
  );
};
