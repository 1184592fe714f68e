import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Timeline from '@material-ui/lab/Timeline';
import TimelineConnector from '@material-ui/lab/TimelineConnector';
import TimelineContent from '@material-ui/lab/TimelineContent';
import TimelineDot from '@material-ui/lab/TimelineDot';
import TimelineItem from '@material-ui/lab/TimelineItem';
import TimelineOppositeContent from '@material-ui/lab/TimelineOppositeContent';
import TimelineSeparator from '@material-ui/lab/TimelineSeparator';
import { Announcement } from '@platform-product/plugin-platform-product-common';
import { ReactNode } from 'react';
import { AnnouncementSummary } from './AnnouncementSummary';
import { dateOnly } from './dates';
import { AnnouncementTypeIcon, useTypeColors } from './labels';

const useStyles = makeStyles(
  theme => ({
    timeline: { padding: 0, margin: 0 },
    opposite: {
      flex: 0,
      minWidth: theme.spacing(13),
      paddingLeft: 0,
      paddingTop: theme.spacing(1.5),
    },
    content: { paddingBottom: theme.spacing(3) },
  }),
  { name: 'PlatformProductAnnouncementTimeline' },
);

/** The date that orders a post on the timeline. */
function timelineDate(post: Announcement): string {
  return post.publishedAt ?? post.publishAt ?? post.updatedAt;
}

/** Posts as a vertical timeline: the date, the type's icon on the line, the post. */
export const AnnouncementTimeline = (props: {
  posts: Announcement[];
  showProduct?: boolean;
  actions?: (post: Announcement) => ReactNode;
}) => {
  const { posts, showProduct, actions } = props;
  const classes = useStyles();
  const colors = useTypeColors();
  return (
    <Timeline className={classes.timeline} data-testid="announcement-timeline">
      {posts.map((post, index) => (
        <TimelineItem key={post.id}>
          <TimelineOppositeContent className={classes.opposite}>
            <Typography variant="body2" color="textSecondary">
              {dateOnly(timelineDate(post))}
            </Typography>
          </TimelineOppositeContent>
          <TimelineSeparator>
            <TimelineDot className={colors[post.type]}>
              <AnnouncementTypeIcon type={post.type} />
            </TimelineDot>
            {index < posts.length - 1 && <TimelineConnector />}
          </TimelineSeparator>
          <TimelineContent className={classes.content}>
            <AnnouncementSummary
              post={post}
              showProduct={showProduct}
              actions={actions?.(post)}
            />
          </TimelineContent>
        </TimelineItem>
      ))}
    </Timeline>
  );
};
