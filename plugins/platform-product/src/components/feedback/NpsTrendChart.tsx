import { makeStyles, useTheme } from '@material-ui/core/styles';
import { FeedbackTrendPoint } from '@platform-product/plugin-platform-product-common';
import { npsColor } from './npsColors';

const useStyles = makeStyles(
  {
    trend: { width: '100%', height: 'auto', display: 'block' },
  },
  { name: 'PlatformProductNpsTrendChart' },
);

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
