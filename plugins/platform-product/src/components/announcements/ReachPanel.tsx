import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Announcement } from '@platform-product/plugin-platform-product-common';
import { useAnnouncementReach } from '@platform-product/plugin-platform-product-react';
import { ReactNode } from 'react';

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
    note: { marginTop: theme.spacing(1.5) },
  }),
  { name: 'PlatformProductReachPanel' },
);

const Stat = (props: {
  label: string;
  part: number;
  whole: number;
  /** what is counted, singular and plural: ['user', 'users'] */
  unit: [string, string];
}) => {
  const { label, part, whole, unit } = props;
  const classes = useStyles();
  let value: ReactNode;
  let percent: number | undefined;
  if (whole === 0) {
    // nobody was sent the post: a share of nothing means nothing, give the count
    value =
      part === 0 ? (
        `No ${unit[1]} in the audience`
      ) : (
        <>
          <span className={classes.value}>{part}</span>{' '}
          {part === 1 ? unit[0] : unit[1]}
        </>
      );
  } else if (part > whole) {
    // readers who found the post without being sent it
    value = (
      <>
        <span className={classes.value}>{part}</span> {unit[1]}, more than the{' '}
        {whole} it was sent to
      </>
    );
    percent = 100;
  } else {
    percent = Math.round((part / whole) * 100);
    value = (
      <>
        <span className={classes.value}>{part}</span> of {whole} ({percent}%)
      </>
    );
  }
  return (
    <Box
      data-testid={`reach-${label
        .toLocaleLowerCase('en-US')
        .replace(/\W+/g, '-')}`}
    >
      <Typography variant="caption" color="textSecondary">
        {label}
      </Typography>
      <Typography variant="body1">{value}</Typography>
      {percent !== undefined && (
        <LinearProgress
          variant="determinate"
          value={percent}
          className={classes.bar}
        />
      )}
    </Box>
  );
};

const USERS: [string, string] = ['user', 'users'];
const TEAMS: [string, string] = ['team', 'teams'];

/**
 * Who a post reached, for the product team: users and adopting teams that read
 * (and, for deprecations, acknowledged) it, and who has not acknowledged yet.
 * The audience is who the post was delivered to; the user counts include readers
 * outside it, so without an audience (a global post, or a product nobody adopts
 * or follows yet) they show as plain counts, never as a share of nothing.
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
          unit={USERS}
        />
        <Stat
          label="Teams reached"
          part={reach.reachedTeams}
          whole={reach.audienceTeams}
          unit={TEAMS}
        />
        {post.requiresAcknowledgement && (
          <>
            <Stat
              label="Users acknowledged"
              part={reach.acknowledgedUsers}
              whole={reach.audienceUsers}
              unit={USERS}
            />
            <Stat
              label="Teams acknowledged"
              part={reach.acknowledgedTeams}
              whole={reach.audienceTeams}
              unit={TEAMS}
            />
          </>
        )}
      </Box>
      {reach.audienceUsers === 0 && (
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.note}
          data-testid="reach-no-audience"
        >
          {post.productRef
            ? 'Nobody was sent this post: the product had no adopting teams or followers when it was published. The counts are of the people who found it anyway.'
            : 'A global post goes to everyone, so there is no audience to measure it against: the counts are of the people who read it.'}
        </Typography>
      )}
      {post.requiresAcknowledgement && (
        <Box className={classes.pending}>
          <Typography variant="subtitle2">Not acknowledged yet</Typography>
          {pending.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              {reach.audienceUsers
                ? 'Everyone in the audience has acknowledged it.'
                : 'Nobody to wait for: the audience is empty.'}
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
