import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useFeedbackStats } from '@platform-product/plugin-platform-product-react';
import { useEffect, useState } from 'react';
import { NpsSummary } from './NpsSummary';

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
  }),
  { name: 'PlatformProductNpsPanel' },
);

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
