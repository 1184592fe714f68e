import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import PinIcon from '@material-ui/icons/Bookmark';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import EventIcon from '@material-ui/icons/Event';
import Alert from '@material-ui/lab/Alert';
import { Announcement } from '@platform-product/plugin-platform-product-common';
import {
  platformProductApiRef,
  useAnnouncement,
} from '@platform-product/plugin-platform-product-react';
import { useEffect, useState } from 'react';
import { DownloadButton } from '../shared/DownloadButton';
import { errorMessage } from '../shared/errorMessage';
import { EventDetails, PostDate } from './AnnouncementSummary';
import { absoluteTime, RelativeTime } from './dates';
import { AnnouncementStateChip, AnnouncementTypeChip } from './labels';
import { useAnnouncementLink } from './links';
import { PostActions } from './PostActions';
import { SafeMarkdown } from './SafeMarkdown';

const useStyles = makeStyles(
  theme => ({
    header: {
      display: 'flex',
      alignItems: 'center',
      flexWrap: 'wrap',
      gap: theme.spacing(1),
      marginBottom: theme.spacing(1),
    },
    pinned: { color: theme.palette.warning.main },
    byline: { marginBottom: theme.spacing(2) },
    summary: { marginBottom: theme.spacing(2) },
    callout: { marginBottom: theme.spacing(2) },
    body: { marginTop: theme.spacing(2) },
  }),
  { name: 'PlatformProductAnnouncementView' },
);

const CalendarButton = (props: { post: Announcement }) => {
  const { post } = props;
  const api = useApi(platformProductApiRef);
  const name = post.title
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return (
    <DownloadButton
      download={() => api.getAnnouncementEventCalendar(post.id)}
      fileName={`${name || 'event'}.ics`}
      what="the event"
      icon={<EventIcon />}
      color="primary"
    >
      Add to calendar (.ics)
    </DownloadButton>
  );
};

const Acknowledgement = (props: {
  post: Announcement;
  onAcknowledged: () => void;
}) => {
  const { post, onAcknowledged } = props;
  const api = useApi(platformProductApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const classes = useStyles();
  const effective = post.effectiveAt ? (
    <>
      It takes effect{' '}
      <strong>
        <RelativeTime iso={post.effectiveAt} />
      </strong>{' '}
      ({absoluteTime(post.effectiveAt)}).
    </>
  ) : null;
  if (post.acknowledgedByMe) {
    return (
      <Alert
        severity="success"
        icon={<CheckCircleIcon />}
        className={classes.callout}
        data-testid="acknowledged"
      >
        You acknowledged this deprecation. {effective}
      </Alert>
    );
  }
  const acknowledge = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.acknowledgeAnnouncement(post.id);
      onAcknowledged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      severity="warning"
      className={classes.callout}
      action={
        post.state === 'published' ? (
          <Button
            color="inherit"
            variant="outlined"
            onClick={acknowledge}
            disabled={busy}
          >
            Acknowledge
          </Button>
        ) : undefined
      }
    >
      {effective} The product team asks you to confirm you have read this and
      will act on it.
      {error && <div>Could not acknowledge: {error}</div>}
    </Alert>
  );
};

/**
 * One post (at `/platform-news/:id`): opening it marks it read; deprecations ask
 * for an acknowledgement, events offer a calendar file; the team sees its reach.
 */
export const AnnouncementView = (props: { id: string }) => {
  const { id } = props;
  const classes = useStyles();
  const api = useApi(platformProductApiRef);
  const link = useAnnouncementLink();
  const { announcement, loading, error } = useAnnouncement(id);
  const [post, setPost] = useState<Announcement>();
  const [deleted, setDeleted] = useState(false);

  useEffect(() => setPost(announcement), [announcement]);
  useEffect(() => {
    if (announcement?.state === 'published' && !announcement.readByMe) {
      // a failed read mark is not worth bothering the reader with
      api.markAnnouncementRead(announcement.id).catch(() => {});
    }
  }, [api, announcement]);

  const back = (
    <Box mb={2}>
      <Link to={link()}>
        <Box display="inline-flex" alignItems="center" style={{ gap: 4 }}>
          <ArrowBackIcon fontSize="small" /> All platform news
        </Box>
      </Link>
    </Box>
  );

  if (loading) return <Progress />;
  if (error) {
    const notFound = (error as { statusCode?: number }).statusCode === 404;
    return (
      <>
        {back}
        {notFound ? (
          <EmptyState
            missing="data"
            title="This post does not exist"
            description="It may have been deleted, or it has not been published yet."
          />
        ) : (
          <ResponseErrorPanel error={error} title="Could not load the post" />
        )}
      </>
    );
  }
  if (deleted) {
    return (
      <>
        {back}
        <EmptyState missing="data" title="The post was deleted" />
      </>
    );
  }
  if (!post) return null;

  return (
    <>
      {back}
      <Grid container spacing={3}>
        <Grid item xs={12} md={post.canEdit ? 8 : 12}>
          <InfoCard>
            <Box className={classes.header}>
              <AnnouncementTypeChip type={post.type} />
              {post.pinned && (
                <Chip
                  size="small"
                  variant="outlined"
                  icon={<PinIcon className={classes.pinned} />}
                  label="Pinned"
                />
              )}
              <AnnouncementStateChip state={post.state} />
              {post.tags.map(tag => (
                <Chip
                  key={tag}
                  size="small"
                  variant="outlined"
                  label={`#${tag}`}
                />
              ))}
            </Box>
            <Typography variant="h4" component="h1">
              {post.title}
            </Typography>
            <Typography
              variant="body2"
              color="textSecondary"
              className={classes.byline}
            >
              {post.productRef ? (
                <EntityRefLink entityRef={post.productRef} />
              ) : (
                'For everyone'
              )}
              {' · by '}
              <EntityRefLink
                entityRef={post.author}
                defaultKind="user"
                hideIcon
              />
              {post.onBehalfOf && (
                <>
                  {' for '}
                  <EntityRefLink
                    entityRef={post.onBehalfOf}
                    defaultKind="group"
                    hideIcon
                  />
                </>
              )}
              {' · '}
              <PostDate post={post} />
              {post.expiresAt && post.state === 'published' && (
                <>
                  {' · expires '}
                  <RelativeTime iso={post.expiresAt} />
                </>
              )}
            </Typography>
            <Typography variant="subtitle1" className={classes.summary}>
              {post.summary}
            </Typography>
            {post.requiresAcknowledgement && (
              <Acknowledgement
                post={post}
                onAcknowledged={() =>
                  setPost({ ...post, acknowledgedByMe: true, readByMe: true })
                }
              />
            )}
            {post.event && (
              <Box className={classes.callout}>
                <EventDetails event={post.event} />
                <Box mt={1}>
                  <CalendarButton post={post} />
                </Box>
              </Box>
            )}
            <Divider />
            <Box className={classes.body} data-testid="announcement-body">
              <SafeMarkdown content={post.body} />
            </Box>
          </InfoCard>
        </Grid>
        {post.canEdit && (
          <Grid item xs={12} md={4}>
            <InfoCard title="For the product team">
              <PostActions
                post={post}
                reachOpen
                onChanged={setPost}
                onDeleted={() => setDeleted(true)}
              />
            </InfoCard>
          </Grid>
        )}
      </Grid>
    </>
  );
};
