import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Announcement } from '@platform-product/plugin-platform-product-common';
import { useAnnouncementReach } from '@platform-product/plugin-platform-product-react';

const useStyles = makeStyles(
  theme => ({
    panel: {
      marginTop: theme.spacing(1),
      padding: theme.spacing(2),
      borderRadius: theme.shape.borderRadius,
      backgroundColor: theme.palette.background.default,
    },
    stats: {
      display: 'grid',
      gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
      gap: theme.spacing(2),
    },
    value: { fontWeight: theme.typography.fontWeightBold as number },
    bar: { height: 6, borderRadius: 3, marginTop: theme.spacing(0.5) },
    pending: { marginTop: theme.spacing(2) },
    team: { marginTop: theme.spacing(1) },
  }),
  { name: 'PlatformProductReachPanel' },
);

const Stat = (props: { label: string; part: number; whole: number }) => {
  const { label, part, whole } = props;
  const classes = useStyles();
  const percent = whole ? Math.round((part / whole) * 100) : 0;
  return (
    <Box
      data-testid={`reach-${label
        .toLocaleLowerCase('en-US')
        .replace(/\W+/g, '-')}`}
    >
      <Typography variant="caption" color="textSecondary">
        {label}
      </Typography>
      <Typography variant="body1">
        <span className={classes.value}>{part}</span> of {whole}
        {whole > 0 && ` (${percent}%)`}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        className={classes.bar}
      />
    </Box>
  );
};

/**
 * Who a post reached, for the product team: users and adopting teams that read
 * (and, for deprecations, acknowledged) it, and who has not acknowledged yet.
 */
export const ReachPanel = (props: { post: Announcement }) => {
  const { post } = props;
  const classes = useStyles();
  const { reach, loading, error } = useAnnouncementReach(post.id);
  if (loading) return <Progress />;
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not load the reach" />
    );
  }
  if (!reach) return null;
  if (post.state !== 'published' && post.state !== 'expired') {
    return (
      <Box className={classes.panel}>
        <Typography variant="body2" color="textSecondary">
          Not delivered yet: the reach shows once the post is published.
        </Typography>
      </Box>
    );
  }
  const pending = reach.pendingAcknowledgement.filter(g => g.users.length);
  return (
    <Box className={classes.panel} data-testid="reach-panel">
      <Box className={classes.stats}>
        <Stat
          label="Users read"
          part={reach.readUsers}
          whole={reach.audienceUsers}
        />
        <Stat
          label="Teams reached"
          part={reach.reachedTeams}
          whole={reach.audienceTeams}
        />
        {post.requiresAcknowledgement && (
          <>
            <Stat
              label="Users acknowledged"
              part={reach.acknowledgedUsers}
              whole={reach.audienceUsers}
            />
            <Stat
              label="Teams acknowledged"
              part={reach.acknowledgedTeams}
              whole={reach.audienceTeams}
            />
          </>
        )}
      </Box>
      {post.requiresAcknowledgement && (
        <Box className={classes.pending}>
          <Typography variant="subtitle2">Not acknowledged yet</Typography>
          {pending.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              Everyone in the audience has acknowledged it.
            </Typography>
          ) : (
            pending.map(group => (
              <Box key={group.team ?? 'followers'} className={classes.team}>
                <Typography variant="body2">
                  {group.team ? (
                    <EntityRefLink entityRef={group.team} defaultKind="group" />
                  ) : (
                    'Followers outside the adopting teams'
                  )}{' '}
                  ({group.users.length})
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  {group.users.map((user, i) => (
                    <span key={user}>
                      {i > 0 && ', '}
                      <EntityRefLink
                        entityRef={user}
                        defaultKind="user"
                        hideIcon
                      />
                    </span>
                  ))}
                </Typography>
              </Box>
            ))
          )}
        </Box>
      )}
    </Box>
  );
};
