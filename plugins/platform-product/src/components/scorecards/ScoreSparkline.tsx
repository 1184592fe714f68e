import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import { Line, LineChart, YAxis } from 'recharts';
import { trendSummary } from './days';

/** A small line of the score over recent days (0-100), for tables and cards. */
export const ScoreSparkline = (props: {
  points: Array<{ day: string; score: number }>;
  width?: number;
  height?: number;
}) => {
  const { points, width = 96, height = 28 } = props;
  const theme = useTheme();
  return (
    <Box
      component="span"
      display="inline-block"
      role="img"
      aria-label={`Score trend: ${trendSummary(points)}`}
      data-testid="score-sparkline"
      style={{ width, height, lineHeight: 0 }}
    >
      {points.length > 0 && (
        <LineChart
          width={width}
          height={height}
          data={points}
          margin={{ top: 3, right: 3, bottom: 3, left: 3 }}
          accessibilityLayer={false}
        >
          <YAxis hide domain={[0, 100]} />
          <Line
            type="monotone"
            dataKey="score"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            dot={points.length === 1}
            isAnimationActive={false}
          />
        </LineChart>
      )}
    </Box>
  );
};
