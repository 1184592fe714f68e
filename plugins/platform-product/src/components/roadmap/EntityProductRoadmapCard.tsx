import { InfoCard, Link } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ShippedIcon from '@material-ui/icons/CheckCircleOutline';
import MapOutlinedIcon from '@material-ui/icons/MapOutlined';
import {
  RoadmapHorizon,
  RoadmapItem,
} from '@platform-product/plugin-platform-product-common';
import { useRoadmap } from '@platform-product/plugin-platform-product-react';
import { dateOnly } from '../announcements/dates';
import { refOf } from '../shared/entities';
import { loadingOrErrorCard } from '../shared/LoadingOrErrorCard';
import {
  demandLabel,
  HORIZON_HINTS,
  HORIZON_LABELS,
  quarterLabel,
  RoadmapStatusChip,
} from './labels';
import { useRoadmapLink } from './links';

type CardVariant = 'gridItem' | 'flex' | 'fullHeight';

const useStyles = makeStyles(
  theme => ({
    title: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
    list: { listStyle: 'none', margin: 0, padding: 0 },
    item: {
      padding: theme.spacing(1, 0),
      borderBottom: `1px solid ${theme.palette.divider}`,
      '&:last-child': { borderBottom: 'none' },
    },
    itemHead: {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'space-between',
      gap: theme.spacing(1),
    },
    itemTitle: { fontWeight: 500 },
    shipped: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1),
      marginTop: theme.spacing(2),
      paddingTop: theme.spacing(1.5),
      borderTop: `1px solid ${theme.palette.divider}`,
    },
    shippedIcon: { color: theme.palette.success.main },
  }),
  { name: 'PlatformProductRoadmapCard' },
);

const CardTitle = () => {
  const classes = useStyles();
  return (
    <span className={classes.title}>
      <MapOutlinedIcon color="primary" />
      Roadmap
    </span>
  );
};

/** The first items of one horizon, each linking to it on the Roadmap tab. */
const Horizon = (props: {
  horizon: RoadmapHorizon;
  items: RoadmapItem[];
  limit: number;
}) => {
  const { horizon, items, limit } = props;
  const classes = useStyles();
  const roadmapLink = useRoadmapLink();
  const shown = items.filter(i => i.horizon === horizon).slice(0, limit);
  const more = items.filter(i => i.horizon === horizon).length - shown.length;
  return (
    <Box component="section" aria-label={HORIZON_LABELS[horizon]}>
      <Typography variant="overline" component="h3">
        {HORIZON_LABELS[horizon]}{' '}
        <Typography variant="caption" color="textSecondary" component="span">
          · {HORIZON_HINTS[horizon]}
        </Typography>
      </Typography>
      {shown.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing here yet.
        </Typography>
      ) : (
        <ul className={classes.list}>
          {shown.map(item => (
            <li
              key={item.id}
              className={classes.item}
              data-testid="roadmap-card-item"
            >
              <Box className={classes.itemHead}>
                <Link
                  to={roadmapLink(item.productRef, item.id)}
                  className={classes.itemTitle}
                >
                  {item.title}
                </Link>
                <RoadmapStatusChip status={item.status} />
              </Box>
              <Typography variant="caption" color="textSecondary">
                {item.targetQuarter
                  ? `${quarterLabel(item.targetQuarter)} · `
                  : ''}
                {demandLabel(item.demand)}
              </Typography>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && (
        <Typography variant="caption" color="textSecondary">
          and {more} more
        </Typography>
      )}
    </Box>
  );
};

/**
 * The top of a product's roadmap for its overview: the first items of Now and
 * Next, with a link to the Roadmap tab.
 */
export const EntityProductRoadmapCard = (props: {
  variant?: CardVariant;
  /** items per horizon, 3 by default */
  limit?: number;
}) => {
  const { variant = 'gridItem', limit = 3 } = props;
  const { entity } = useEntity();
  const productRef = refOf(entity);
  const roadmapLink = useRoadmapLink();
  const { roadmap, loading, error } = useRoadmap(productRef);
  const classes = useStyles();
  const pending = loadingOrErrorCard({
    title: <CardTitle />,
    loading: loading && !roadmap,
    error,
    variant,
  });
  if (pending) return pending;

  const items = roadmap?.items ?? [];
  const lastShipped = roadmap?.history.find(item => item.status === 'shipped');
  return (
    <InfoCard
      title={<CardTitle />}
      variant={variant}
      deepLink={{
        title: 'See the whole roadmap',
        link: roadmapLink(productRef),
      }}
    >
      {items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {lastShipped
            ? 'Nothing planned right now.'
            : 'Nothing on the roadmap yet.'}
        </Typography>
      ) : (
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            <Horizon horizon="now" items={items} limit={limit} />
          </Grid>
          <Grid item xs={12} md={6}>
            <Horizon horizon="next" items={items} limit={limit} />
          </Grid>
        </Grid>
      )}
      {lastShipped && (
        <Typography
          variant="body2"
          className={classes.shipped}
          data-testid="roadmap-card-shipped"
        >
          <ShippedIcon fontSize="small" className={classes.shippedIcon} />
          <span>
            Recently shipped:{' '}
            <Link to={roadmapLink(productRef, lastShipped.id)}>
              {lastShipped.title}
            </Link>
            {lastShipped.closedAt && ` · ${dateOnly(lastShipped.closedAt)}`}
          </span>
        </Typography>
      )}
    </InfoCard>
  );
};
