import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import PinIcon from '@material-ui/icons/Bookmark';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import EventIcon from '@material-ui/icons/Event';
import PlaceIcon from '@material-ui/icons/Place';
import WarningIcon from '@material-ui/icons/Warning';
import {
  Announcement,
  AnnouncementEvent,
} from '@platform-product/plugin-platform-product-common';
import { ReactNode } from 'react';
import { MetaLine } from '../shared/MetaLine';
import { eventPhase, eventWhen, RelativeTime } from './dates';
import {
  AnnouncementStateChip,
  AnnouncementTypeChip,
  EVENT_KIND_LABELS,
} from './labels';
import { useAnnouncementLink } from './links';

const useStyles = makeStyles(
  theme => ({
    title: {
      display: 'flex',
      alignItems: 'center',
      flexWrap: 'wrap',
      gap: theme.spacing(1),
    },
    titleLink: {
      fontWeight: theme.typography.fontWeightBold as number,
      fontSize: theme.typography.subtitle1.fontSize,
    },
    unread: {
      width: 10,
      height: 10,
      borderRadius: '50%',
      backgroundColor: theme.palette.primary.main,
      flexShrink: 0,
    },
    pinned: { color: theme.palette.warning.main },
    summary: { marginTop: theme.spacing(0.75) },
    detail: {
      display: 'flex',
      alignItems: 'center',
      flexWrap: 'wrap',
      gap: theme.spacing(0.5),
      marginTop: theme.spacing(0.75),
    },
    live: { color: theme.palette.error.main, fontWeight: 600 },
    acknowledged: { color: theme.palette.success.main },
    actions: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(1),
      marginTop: theme.spacing(1),
    },
  }),
  { name: 'PlatformProductAnnouncementSummary' },
);

/** When the post went out, or will: the date a reader cares about. */
export const PostDate = (props: { post: Announcement }) => {
  const { post } = props;
  switch (post.state) {
    case 'draft':
      return (
        <>
          Draft, edited <RelativeTime iso={post.updatedAt} />
        </>
      );
    case 'scheduled':
      return (
        <>
          Publishes <RelativeTime iso={post.publishAt ?? post.updatedAt} />
        </>
      );
    case 'expired':
      return (
        <>
          Expired <RelativeTime iso={post.expiresAt ?? post.updatedAt} />
        </>
      );
    default:
      return <RelativeTime iso={post.publishedAt ?? post.createdAt} />;
  }
};

/** When and where an event is, with "in 3 days" or "Live now". */
export const EventDetails = (props: { event: AnnouncementEvent }) => {
  const { event } = props;
  const classes = useStyles();
  const phase = eventPhase(event);
  const isLink = !!event.location && /^https?:\/\//i.test(event.location);
  return (
    <Box data-testid="event-details">
      <Typography variant="body2" className={classes.detail}>
        <EventIcon fontSize="small" color="primary" />
        <strong>{EVENT_KIND_LABELS[event.kind] ?? 'Event'}</strong>
        {' · '}
        {eventWhen(event)}
        {' · '}
        {phase === 'live' && <span className={classes.live}>Live now</span>}
        {phase === 'upcoming' && <RelativeTime iso={event.start} />}
        {phase === 'past' && (
          <>
            ended <RelativeTime iso={event.end} />
          </>
        )}
      </Typography>
      {event.location && (
        <Typography variant="body2" className={classes.detail}>
          <PlaceIcon fontSize="small" color="action" />
          {isLink ? (
            <Link to={event.location}>{event.location}</Link>
          ) : (
            event.location
          )}
        </Typography>
      )}
    </Box>
  );
};

/** When a deprecation takes effect, and whether the reader acknowledged it. */
export const DeprecationDetails = (props: { post: Announcement }) => {
  const { post } = props;
  const classes = useStyles();
  return (
    <Typography variant="body2" className={classes.detail}>
      {post.effectiveAt && (
        <>
          <WarningIcon fontSize="small" color="error" />
          Takes effect{' '}
          <strong>
            <RelativeTime iso={post.effectiveAt} />
          </strong>
        </>
      )}
      {post.requiresAcknowledgement && post.acknowledgedByMe && (
        <>
          {' · '}
          <CheckCircleIcon fontSize="small" className={classes.acknowledged} />
          You acknowledged it
        </>
      )}
    </Typography>
  );
};

/**
 * A post in a list: unread dot, linked title, pinned mark, state, type, tags,
 * product, date, summary and the event or deprecation details.
 */
export const AnnouncementSummary = (props: {
  post: Announcement;
  /** show which product it is from (lists across products) */
  showProduct?: boolean;
  /** leave out the summary and details (small cards) */
  dense?: boolean;
  actions?: ReactNode;
}) => {
  const { post, showProduct, dense, actions } = props;
  const classes = useStyles();
  const link = useAnnouncementLink();
  const unread = post.state === 'published' && !post.readByMe;
  return (
    <Box data-testid="announcement">
      <Box className={classes.title}>
        {unread && (
          <span
            className={classes.unread}
            role="img"
            aria-label="Unread"
            title="Unread"
          />
        )}
        <Link to={link(post.id)} className={classes.titleLink}>
          {post.title}
        </Link>
        {post.pinned && (
          <PinIcon
            fontSize="small"
            className={classes.pinned}
            titleAccess="Pinned"
          />
        )}
        <AnnouncementStateChip state={post.state} />
      </Box>
      <MetaLine>
        <AnnouncementTypeChip type={post.type} />
        {post.tags.map(tag => (
          <Chip key={tag} size="small" variant="outlined" label={`#${tag}`} />
        ))}
        <Typography variant="caption" color="textSecondary">
          {showProduct && (
            <>
              {post.productRef ? (
                <EntityRefLink entityRef={post.productRef} hideIcon />
              ) : (
                'Everyone'
              )}
              {' · '}
            </>
          )}
          <PostDate post={post} />
        </Typography>
      </MetaLine>
      {!dense && (
        <>
          <Typography
            variant="body2"
            color="textSecondary"
            className={classes.summary}
          >
            {post.summary}
          </Typography>
          {post.event && <EventDetails event={post.event} />}
          {post.type === 'deprecation' && <DeprecationDetails post={post} />}
        </>
      )}
      {actions && <Box className={classes.actions}>{actions}</Box>}
    </Box>
  );
};
