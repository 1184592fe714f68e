import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import {
  FeedbackItem,
  npsCategory,
} from '@platform-product/plugin-platform-product-common';
import { useFeedbackList } from '@platform-product/plugin-platform-product-react';
import { loadingOrErrorCard } from '../shared/LoadingOrErrorCard';

const useStyles = makeStyles(
  theme => ({
    row: {
      display: 'flex',
      gap: theme.spacing(1.5),
      padding: theme.spacing(1, 0),
      borderBottom: `1px solid ${theme.palette.divider}`,
      '&:last-child': { borderBottom: 'none' },
    },
    score: {
      flex: 'none',
      width: 32,
      height: 32,
      borderRadius: '50%',
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      color: theme.palette.common.white,
      fontWeight: theme.typography.fontWeightBold as number,
    },
    comment: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  }),
  { name: 'PlatformProductRecentRatingsCard' },
);

function whoAndWhen(rating: FeedbackItem): string {
  const who = rating.anonymous
    ? 'Anonymous'
    : rating.author?.replace(/^user:(default\/)?/, '') ?? 'Unknown';
  const when = new Date(rating.createdAt).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
  return `${who} · ${when}`;
}

const RatingRow = (props: { rating: FeedbackItem }) => {
  const { rating } = props;
  const classes = useStyles();
  const theme = useTheme();
  const category = npsCategory(rating.score ?? 0);
  const color = {
    promoter: theme.palette.success.main,
    passive: theme.palette.grey[500],
    detractor: theme.palette.error.main,
  }[category];
  return (
    <Box className={classes.row} data-testid="rating-row">
      <Box
        className={classes.score}
        style={{ backgroundColor: color }}
        aria-label={`Score ${rating.score} (${category})`}
      >
        {rating.score}
      </Box>
      <Box>
        <Typography variant="body2" className={classes.comment}>
          {rating.body ?? (
            <Typography component="span" variant="body2" color="textSecondary">
              No comment
            </Typography>
          )}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {whoAndWhen(rating)}
        </Typography>
      </Box>
    </Box>
  );
};

/** The latest ratings of a product with their comments: what the NPS is made of. */
export const RecentRatingsCard = (props: { productRef: string }) => {
  const { items, totalCount, hasMore, loading, error, loadMore } =
    useFeedbackList({
      productRef: props.productRef,
      type: 'rating',
      sort: 'recent',
      limit: 5,
    });
  const title = 'Recent ratings';
  const pending = loadingOrErrorCard({
    title,
    loading: loading && !items.length,
    error,
  });
  if (pending) return pending;
  return (
    <InfoCard
      title={title}
      subheader={
        totalCount ? `${totalCount.toLocaleString('en-US')} in all` : undefined
      }
    >
      {items.length ? (
        items.map(rating => <RatingRow key={rating.id} rating={rating} />)
      ) : (
        <Typography variant="body2" color="textSecondary">
          No ratings yet. Users rate the product with “Give feedback” on its
          page or on the page of any of its parts.
        </Typography>
      )}
      {hasMore && (
        <Button size="small" onClick={loadMore} disabled={loading}>
          Show more
        </Button>
      )}
    </InfoCard>
  );
};
