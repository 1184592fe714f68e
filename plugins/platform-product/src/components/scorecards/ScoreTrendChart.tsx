import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { ScorecardSnapshot } from '@platform-product/plugin-platform-product-common';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Tooltip,
  TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { shortDay, trendSummary } from './days';
import { LEVEL_LABELS } from './labels';

const HEIGHT = 220;

/** The tooltip of one day: its score and the level it had. */
const DayTooltip = (props: TooltipContentProps) => {
  const snapshot = props.payload?.[0]?.payload as ScorecardSnapshot | undefined;
  if (!props.active || !snapshot) return null;
  return (
    <Paper elevation={3}>
      <Box px={1.5} py={1}>
        <Typography variant="caption" color="textSecondary" component="div">
          {shortDay(snapshot.day)}
        </Typography>
        <Typography variant="body2">
          <strong>{snapshot.score}</strong> / 100 ·{' '}
          {snapshot.level ? LEVEL_LABELS[snapshot.level] : 'no level'}
        </Typography>
      </Box>
    </Paper>
  );
};

/** A product's score per day, 0-100, as an area chart with each day's level on hover. */
export const ScoreTrendChart = (props: {
  history: ScorecardSnapshot[];
  days: number;
}) => {
  const { history, days } = props;
  const theme = useTheme();
  const color = theme.palette.primary.main;
  return (
    <Box
      role="img"
      aria-label={`Score over the last ${days} days: ${trendSummary(history)}`}
      data-testid="score-trend-chart"
    >
      <AreaChart
        responsive
        style={{ width: '100%', height: HEIGHT }}
        data={history}
        margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
        accessibilityLayer={false}
      >
        <defs>
          <linearGradient id="scoreTrendFill" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor={color} stopOpacity={0.35} />
            <stop offset="100%" stopColor={color} stopOpacity={0.02} />
          </linearGradient>
        </defs>
        <CartesianGrid
          vertical={false}
          strokeDasharray="3 3"
          stroke={theme.palette.divider}
        />
        <XAxis
          dataKey="day"
          tickFormatter={shortDay}
          tick={{ fontSize: 12, fill: theme.palette.text.secondary }}
          stroke={theme.palette.divider}
          minTickGap={24}
        />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tick={{ fontSize: 12, fill: theme.palette.text.secondary }}
          stroke={theme.palette.divider}
        />
        <Tooltip content={DayTooltip} />
        <Area
          type="monotone"
          dataKey="score"
          stroke={color}
          strokeWidth={2}
          fill="url(#scoreTrendFill)"
          dot={history.length < 20}
          isAnimationActive={false}
        />
      </AreaChart>
    </Box>
  );
};
