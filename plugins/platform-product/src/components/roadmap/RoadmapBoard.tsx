import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ROADMAP_HORIZONS,
  RoadmapHorizon,
  RoadmapItem,
} from '@platform-product/plugin-platform-product-common';
import { HORIZON_HINTS, HORIZON_LABELS } from './labels';
import { RoadmapItemCard } from './RoadmapItemCard';
import { RoadmapAction } from './RoadmapItemMenu';

const useStyles = makeStyles(
  theme => ({
    column: {
      height: '100%',
      padding: theme.spacing(2),
      backgroundColor: theme.palette.background.default,
    },
    head: {
      display: 'flex',
      alignItems: 'baseline',
      gap: theme.spacing(1),
      marginBottom: theme.spacing(1.5),
    },
    count: {
      marginLeft: 'auto',
      minWidth: theme.spacing(3),
      textAlign: 'center',
      borderRadius: theme.spacing(1.5),
      padding: theme.spacing(0, 1),
      backgroundColor: theme.palette.action.selected,
    },
    items: {
      display: 'flex',
      flexDirection: 'column',
      gap: theme.spacing(1.5),
    },
  }),
  { name: 'PlatformProductRoadmapBoard' },
);

const Column = (props: {
  horizon: RoadmapHorizon;
  items: RoadmapItem[];
  canManage: boolean;
  selectedId?: string;
  onAction: (item: RoadmapItem, action: RoadmapAction) => void;
}) => {
  const { horizon, items, canManage, selectedId, onAction } = props;
  const classes = useStyles();
  const headingId = `roadmap-column-${horizon}`;
  return (
    <Paper
      component="section"
      elevation={0}
      className={classes.column}
      aria-labelledby={headingId}
      data-testid={`roadmap-column-${horizon}`}
    >
      <Box className={classes.head}>
        <Typography variant="h6" component="h2" id={headingId}>
          {HORIZON_LABELS[horizon]}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {HORIZON_HINTS[horizon]}
        </Typography>
        <Typography
          variant="body2"
          className={classes.count}
          aria-label={`${items.length} ${
            items.length === 1 ? 'item' : 'items'
          }`}
        >
          {items.length}
        </Typography>
      </Box>
      {items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing here yet.
        </Typography>
      ) : (
        <Box className={classes.items}>
          {items.map(item => (
            <RoadmapItemCard
              key={item.id}
              item={item}
              columnSize={items.length}
              canManage={canManage}
              selected={item.id === selectedId}
              onAction={action => onAction(item, action)}
            />
          ))}
        </Box>
      )}
    </Paper>
  );
};

/** The open items in three columns: Now, Next and Later, each in its order. */
export const RoadmapBoard = (props: {
  items: RoadmapItem[];
  canManage: boolean;
  selectedId?: string;
  onAction: (item: RoadmapItem, action: RoadmapAction) => void;
}) => {
  const { items, ...rest } = props;
  return (
    <Grid container spacing={2} alignItems="stretch">
      {ROADMAP_HORIZONS.map(horizon => (
        <Grid item xs={12} md={4} key={horizon}>
          <Column
            horizon={horizon}
            items={items
              .filter(item => item.horizon === horizon)
              .sort((a, b) => a.position - b.position)}
            {...rest}
          />
        </Grid>
      ))}
    </Grid>
  );
};
