import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { FeedbackStats } from '@platform-product/plugin-platform-product-common';
import { bucketColors, npsColor } from './npsColors';
import { NpsTrendChart } from './NpsTrendChart';

const useStyles = makeStyles(
  theme => ({
    score: { fontWeight: 700, lineHeight: 1 },
    bar: {
      display: 'flex',
      height: theme.spacing(3),
      borderRadius: theme.shape.borderRadius,
      overflow: 'hidden',
      margin: theme.spacing(1, 0),
      backgroundColor: theme.palette.action.hover,
    },
    legend: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(2),
    },
    swatch: {
      display: 'inline-block',
      width: theme.spacing(1.5),
      height: theme.spacing(1.5),
      borderRadius: 2,
      marginRight: theme.spacing(0.5),
      verticalAlign: 'middle',
    },
    metric: { fontWeight: 600 },
  }),
  { name: 'PlatformProductNpsSummary' },
);

function percent(part: number, whole: number): number {
  return whole ? Math.round((part * 100) / whole) : 0;
}

function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

const Metric = (props: { label: string; value: string; hint: string }) => {
  const classes = useStyles();
  return (
    <Tooltip title={props.hint}>
      <Box>
        <Typography variant="h5" component="div" className={classes.metric}>
          {props.value}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {props.label}
        </Typography>
      </Box>
    </Tooltip>
  );
};

/** A window's NPS with its promoters, passives and detractors, its trend and the team's response metrics. */
export const NpsSummary = (props: { stats: FeedbackStats }) => {
  const { stats } = props;
  const classes = useStyles();
  const theme = useTheme();
  const colors = bucketColors(theme);
  const buckets = [
    { key: 'promoters', label: 'Promoters', hint: '9-10' },
    { key: 'passives', label: 'Passives', hint: '7-8' },
    { key: 'detractors', label: 'Detractors', hint: '0-6' },
  ] as const;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={5}>
        {stats.nps === null ? (
          <Box>
            <Typography variant="h6" component="p">
              No ratings yet
            </Typography>
            <Typography variant="body2" color="textSecondary">
              Nobody has rated this product in this window. Ask your users with
              the "Give feedback" button on the product page.
            </Typography>
          </Box>
        ) : (
          <>
            <Box display="flex" alignItems="flex-end" gridGap={12}>
              <Typography
                variant="h2"
                component="p"
                className={classes.score}
                style={{ color: npsColor(theme, stats.nps) }}
                aria-label={`NPS ${stats.nps}`}
                data-testid="nps-score"
              >
                {stats.nps > 0 ? `+${stats.nps}` : stats.nps}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                NPS, from {stats.responses}{' '}
                {stats.responses === 1 ? 'response' : 'responses'}
              </Typography>
            </Box>
            <Box className={classes.bar} aria-hidden>
              {buckets.map(b =>
                stats[b.key] ? (
                  <Box
                    key={b.key}
                    style={{
                      width: `${(stats[b.key] * 100) / stats.responses}%`,
                      backgroundColor: colors[b.key],
                    }}
                  />
                ) : null,
              )}
            </Box>
            <Box className={classes.legend}>
              {buckets.map(b => (
                <Typography
                  key={b.key}
                  variant="body2"
                  component="span"
                  data-testid={`nps-${b.key}`}
                >
                  <span
                    className={classes.swatch}
                    style={{ backgroundColor: colors[b.key] }}
                  />
                  {b.label} ({b.hint}): {stats[b.key]} (
                  {percent(stats[b.key], stats.responses)}%)
                </Typography>
              ))}
            </Box>
          </>
        )}
      </Grid>
      <Grid item xs={12} md={4}>
        <Typography variant="subtitle2" color="textSecondary">
          NPS by month
        </Typography>
        <NpsTrendChart trend={stats.trend} />
      </Grid>
      <Grid item xs={12} md={3}>
        <Box display="flex" flexDirection="column" gridGap={12}>
          <Metric
            label="Median first response"
            value={
              stats.medianFirstResponseHours === null
                ? '–'
                : formatHours(stats.medianFirstResponseHours)
            }
            hint="Median time from a post to the team's first reply, over this window's posts that got one"
          />
          <Metric
            label="Untriaged over 14 days"
            value={String(stats.untriagedOver14Days)}
            hint="Posts still new two weeks after they were written (today, whatever the window)"
          />
          <Metric
            label="Reply rate"
            value={
              stats.replyRate === null
                ? '–'
                : `${Math.round(stats.replyRate * 100)}%`
            }
            hint="Share of this window's posts with a reply by the team"
          />
        </Box>
      </Grid>
    </Grid>
  );
};
