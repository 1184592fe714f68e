import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Grid from '@material-ui/core/Grid';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import {
  FeedbackStats,
  FeedbackTrendPoint,
} from '@platform-product/plugin-platform-product-common';
import { useFeedbackStats } from '@platform-product/plugin-platform-product-react';
import { useEffect, useState } from 'react';

export type StatsWindow = 1 | 3 | 12;

const WINDOWS: { months: StatsWindow; label: string }[] = [
  { months: 1, label: 'This month' },
  { months: 3, label: 'Last 3 months' },
  { months: 12, label: 'Last 12 months' },
];

const useStyles = makeStyles(
  theme => ({
    header: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      justifyContent: 'space-between',
      gap: theme.spacing(1),
      marginBottom: theme.spacing(2),
    },
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
    trend: { width: '100%', height: 'auto', display: 'block' },
  }),
  { name: 'PlatformProductNpsPanel' },
);

function npsColor(theme: Theme, nps: number): string {
  if (nps < 0) return theme.palette.error.main;
  if (nps < 30) return theme.palette.warning.dark;
  return theme.palette.success.main;
}

function bucketColors(theme: Theme) {
  return {
    promoters: theme.palette.success.main,
    passives: theme.palette.grey[400],
    detractors: theme.palette.error.main,
  };
}

function percent(part: number, whole: number): number {
  return whole ? Math.round((part * 100) / whole) : 0;
}

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} '${year.slice(2)}`;
}

/** NPS per month as a small line over a -100..100 scale, bars for the responses. */
export const NpsTrendChart = (props: { trend: FeedbackTrendPoint[] }) => {
  const { trend } = props;
  const classes = useStyles();
  const theme = useTheme();
  const width = 360;
  const height = 120;
  const top = 8;
  const bottom = 20;
  const plot = height - top - bottom;
  const step = width / Math.max(trend.length, 1);
  const x = (i: number) => step * i + step / 2;
  const y = (nps: number) => top + ((100 - nps) / 200) * plot;
  const maxResponses = Math.max(1, ...trend.map(p => p.responses));

  // the line breaks at months without responses
  const segments: string[][] = [];
  let segment: string[] = [];
  trend.forEach((point, i) => {
    if (point.nps === null) {
      if (segment.length) segments.push(segment);
      segment = [];
    } else {
      segment.push(`${x(i)},${y(point.nps)}`);
    }
  });
  if (segment.length) segments.push(segment);

  const labelEvery = trend.length > 6 ? 3 : 1;
  return (
    <svg
      className={classes.trend}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="NPS by month"
    >
      <line
        x1={0}
        x2={width}
        y1={y(0)}
        y2={y(0)}
        stroke={theme.palette.divider}
        strokeDasharray="4 3"
      />
      {trend.map((point, i) => {
        const barHeight = (point.responses / maxResponses) * (plot / 3);
        return (
          <rect
            key={`bar-${point.month}`}
            x={x(i) - step / 4}
            width={step / 2}
            y={top + plot - barHeight}
            height={barHeight}
            fill={theme.palette.action.selected}
          />
        );
      })}
      {segments.map(points => (
        <polyline
          key={points.join(' ')}
          points={points.join(' ')}
          fill="none"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
        />
      ))}
      {trend.map((point, i) => (
        <g key={point.month} data-testid={`trend-${point.month}`}>
          <title>
            {point.nps === null
              ? `${point.month}: no ratings`
              : `${point.month}: NPS ${point.nps} (${point.responses} ${
                  point.responses === 1 ? 'response' : 'responses'
                })`}
          </title>
          {point.nps !== null && (
            <circle
              cx={x(i)}
              cy={y(point.nps)}
              r={3.5}
              fill={npsColor(theme, point.nps)}
            />
          )}
          {i % labelEvery === (trend.length - 1) % labelEvery && (
            <text
              x={x(i)}
              y={height - 5}
              textAnchor="middle"
              fontSize={10}
              fill={theme.palette.text.secondary}
            >
              {monthLabel(point.month)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
};

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

/** The product's NPS, its trend and the team's response metrics, over a chosen window. */
export const NpsPanel = (props: {
  productRef: string;
  /** bump to reload (after a reply or a status change) */
  reloadKey?: number;
}) => {
  const { productRef, reloadKey } = props;
  const classes = useStyles();
  const [months, setMonths] = useState<StatsWindow>(3);
  const { stats, loading, error, retry } = useFeedbackStats(productRef, months);
  useEffect(() => {
    if (reloadKey) retry();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reloadKey]);

  return (
    <InfoCard title="Net Promoter Score">
      <Box className={classes.header}>
        <Typography variant="body2" color="textSecondary">
          How likely users are to recommend the product: % promoters minus %
          detractors.
        </Typography>
        <ButtonGroup size="small" aria-label="Window">
          {WINDOWS.map(w => (
            <Button
              key={w.months}
              aria-pressed={months === w.months}
              variant={months === w.months ? 'contained' : 'outlined'}
              color={months === w.months ? 'primary' : 'default'}
              onClick={() => setMonths(w.months)}
            >
              {w.label}
            </Button>
          ))}
        </ButtonGroup>
      </Box>
      {loading && !stats && <Progress />}
      {error && (
        <ResponseErrorPanel error={error} title="Could not load the NPS" />
      )}
      {stats && !error && <NpsSummary stats={stats} />}
    </InfoCard>
  );
};
