import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import AnnouncementIcon from '@material-ui/icons/Announcement';
import { useAnnouncementList } from '@platform-product/plugin-platform-product-react';
import { AnnouncementSummary } from './AnnouncementSummary';
import { useAnnouncementLink } from './links';
import { countLabel } from './labels';

const useStyles = makeStyles(
  theme => ({
    title: { display: 'flex', alignItems: 'center', gap: theme.spacing(1.5) },
  }),
  { name: 'PlatformProductNewsHomeCard' },
);

/** The homepage card "Platform news": how many posts are unread, and the latest. */
export const PlatformNewsHomeCard = (props: {
  /** how many posts, 5 by default */
  limit?: number;
  variant?: 'gridItem' | 'flex' | 'fullHeight';
}) => {
  const { limit = 5, variant = 'gridItem' } = props;
  const classes = useStyles();
  const link = useAnnouncementLink();
  const list = useAnnouncementList({ limit });
  const unread = list.unreadCount ?? 0;
  const title = (
    <span className={classes.title}>
      <AnnouncementIcon color="primary" />
      Platform news
      {unread > 0 && (
        <Chip
          size="small"
          color="primary"
          label={`${countLabel(unread, list.unreadCountCapped)} unread`}
          data-testid="unread-count"
        />
      )}
    </span>
  );
  let content;
  if (list.loading && !list.items.length) {
    content = <Progress />;
  } else if (list.error) {
    content = (
      <ResponseErrorPanel error={list.error} title="Could not load the news" />
    );
  } else if (!list.items.length) {
    content = (
      <EmptyState
        missing="content"
        title="No news yet"
        description="Releases, deprecations, maintenance and events of the platforms show up here."
      />
    );
  } else {
    content = (
      <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
        {list.items.map(post => (
          <AnnouncementSummary key={post.id} post={post} showProduct dense />
        ))}
      </Box>
    );
  }
  return (
    <InfoCard
      title={title}
      variant={variant}
      deepLink={{ title: 'All platform news', link: link() }}
    >
      {content}
    </InfoCard>
  );
};
