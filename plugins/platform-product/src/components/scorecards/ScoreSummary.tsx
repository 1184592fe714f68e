import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ProductScorecard } from '@platform-product/plugin-platform-product-common';
import { RelativeTime } from '../announcements/dates';
import { FactLabel } from '../shared/FactLabel';
import { LEVEL_LABELS, nextStep } from './labels';
import { LevelBadge } from './LevelBadge';
import { useScorecardLink } from './links';

const useStyles = makeStyles(
  theme => ({
    root: { padding: theme.spacing(3), height: '100%' },
    top: {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'space-between',
      flexWrap: 'wrap',
      gap: theme.spacing(2),
    },
    score: {
      fontSize: '3rem',
      fontWeight: 700,
      lineHeight: 1,
    },
    outOf: { fontSize: '1.1rem', color: theme.palette.text.secondary },
    next: {
      marginTop: theme.spacing(3),
      paddingTop: theme.spacing(2),
      borderTop: `1px solid ${theme.palette.divider}`,
    },
    blocking: {
      margin: theme.spacing(1, 0, 0),
      paddingLeft: theme.spacing(2.5),
    },
  }),
  { name: 'PlatformProductScoreSummary' },
);

/**
 * A product's level and score at a glance, and what keeps it from the next level:
 * the failing checks, each linking to its advice.
 */
export const ScoreSummary = (props: { scorecard: ProductScorecard }) => {
  const { scorecard } = props;
  const classes = useStyles();
  const checkLink = useScorecardLink();
  const next = nextStep(scorecard.level, scorecard.checks);
  return (
    <Paper className={classes.root} data-testid="score-summary">
      <Box className={classes.top}>
        <Box>
          <FactLabel>Level</FactLabel>
          <Box mt={1}>
            <LevelBadge level={scorecard.level} size="large" />
          </Box>
        </Box>
        <Box textAlign="right">
          <FactLabel>Score</FactLabel>
          <Typography component="div" data-testid="scorecard-score">
            <span className={classes.score}>{scorecard.score}</span>
            <span className={classes.outOf}> / 100</span>
          </Typography>
        </Box>
      </Box>
      <Typography variant="caption" color="textSecondary" component="div">
        Evaluated <RelativeTime iso={scorecard.evaluatedAt} />
      </Typography>
      <Box className={classes.next} data-testid="next-step">
        {!next.level && (
          <Typography variant="body2">
            Gold: every level is reached. Keep the checks passing.
          </Typography>
        )}
        {next.level && next.blocking.length === 0 && (
          <Typography variant="body2">
            Every check of {LEVEL_LABELS[next.level]} passes: the next
            evaluation moves the product up.
          </Typography>
        )}
        {next.level && next.blocking.length > 0 && (
          <>
            <Typography variant="body2">
              <strong>
                To reach {LEVEL_LABELS[next.level]}, pass{' '}
                {next.blocking.length === 1
                  ? 'this check'
                  : `these ${next.blocking.length} checks`}
                :
              </strong>
            </Typography>
            <ul className={classes.blocking}>
              {next.blocking.map(check => (
                <li key={check.id}>
                  <Typography variant="body2">
                    <Link to={checkLink(scorecard.productRef, check.id)}>
                      {check.title}
                    </Link>
                  </Typography>
                </li>
              ))}
            </ul>
          </>
        )}
      </Box>
    </Paper>
  );
};
