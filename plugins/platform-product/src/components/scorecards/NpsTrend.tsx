import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import UpIcon from '@material-ui/icons/ArrowUpward';
import DownIcon from '@material-ui/icons/ArrowDownward';
import FlatIcon from '@material-ui/icons/ArrowForward';
import { npsColor } from '../feedback/npsColors';

const useStyles = makeStyles(
  theme => ({
    root: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
    nps: { fontWeight: 700 },
    delta: {
      display: 'inline-flex',
      alignItems: 'center',
      fontSize: theme.typography.caption.fontSize,
    },
    up: { color: theme.palette.success.main },
    down: { color: theme.palette.error.main },
    flat: { color: theme.palette.text.secondary },
  }),
  { name: 'PlatformProductNpsTrend' },
);

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** An NPS with an arrow and the change against 30 days before ("+25 ↑ +5"). */
export const NpsTrend = (props: {
  nps: number | null;
  before: number | null;
}) => {
  const { nps, before } = props;
  const classes = useStyles();
  const theme = useTheme();
  if (nps === null) {
    return (
      <Typography variant="body2" color="textSecondary">
        no ratings
      </Typography>
    );
  }
  const delta = before === null ? undefined : nps - before;
  let trend: 'up' | 'down' | 'flat' | undefined;
  if (delta !== undefined) {
    if (delta > 0) trend = 'up';
    else if (delta < 0) trend = 'down';
    else trend = 'flat';
  }
  const Icon =
    (trend === 'up' && UpIcon) || (trend === 'down' && DownIcon) || FlatIcon;
  return (
    <Box className={classes.root}>
      <Typography
        variant="body2"
        component="span"
        className={classes.nps}
        style={{ color: npsColor(theme, nps) }}
      >
        {signed(nps)}
      </Typography>
      {trend && delta !== undefined && (
        <span
          className={`${classes.delta} ${classes[trend]}`}
          title={`${signed(before!)} 30 days before`}
          aria-label={`${
            trend === 'flat' ? 'unchanged' : signed(delta)
          } in 30 days`}
        >
          <Icon style={{ fontSize: 14 }} />
          {trend !== 'flat' && signed(delta)}
        </span>
      )}
    </Box>
  );
};
