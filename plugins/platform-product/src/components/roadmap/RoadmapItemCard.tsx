import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import EventIcon from '@material-ui/icons/Event';
import HistoryIcon from '@material-ui/icons/History';
import PeopleOutlineIcon from '@material-ui/icons/PeopleOutline';
import { RoadmapItem } from '@platform-product/plugin-platform-product-common';
import {
  countOf,
  demandLabel,
  quarterLabel,
  RoadmapStatusChip,
} from './labels';
import {
  DetailsButton,
  RoadmapItemDetails,
  useItemDetails,
} from './RoadmapItemDetails';
import { RoadmapAction, RoadmapItemMenu } from './RoadmapItemMenu';

const useStyles = makeStyles(
  theme => ({
    card: {
      padding: theme.spacing(1.5, 2),
      borderLeft: `4px solid ${theme.palette.divider}`,
    },
    selected: {
      borderColor: theme.palette.primary.main,
      boxShadow: `0 0 0 1px ${theme.palette.primary.main}`,
    },
    head: { display: 'flex', alignItems: 'flex-start', gap: theme.spacing(1) },
    title: { flex: 1, fontWeight: 600, lineHeight: 1.35, marginTop: 2 },
    meta: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(1),
      marginTop: theme.spacing(1),
    },
    demand: {
      display: 'inline-flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
    },
    footer: {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'space-between',
      marginTop: theme.spacing(0.5),
      marginLeft: theme.spacing(-1),
    },
  }),
  { name: 'PlatformProductRoadmapItemCard' },
);

/**
 * An open roadmap item: title, status, target quarter and demand; its description
 * and linked requests when expanded; its change history on request. The product
 * team gets its actions in a menu.
 */
export const RoadmapItemCard = (props: {
  item: RoadmapItem;
  columnSize: number;
  canManage: boolean;
  /** the item the page was opened for (`?item=`): highlighted, scrolled to, expanded */
  selected?: boolean;
  onAction: (action: RoadmapAction) => void;
}) => {
  const { item, columnSize, canManage, selected, onAction } = props;
  const classes = useStyles();
  const { ref, expanded, toggle } = useItemDetails<HTMLDivElement>(selected);

  return (
    <Paper
      ref={ref}
      variant="outlined"
      className={`${classes.card} ${selected ? classes.selected : ''}`}
      data-testid="roadmap-item"
      aria-current={selected ? 'true' : undefined}
    >
      <Box className={classes.head}>
        <Typography
          variant="subtitle1"
          component="h3"
          className={classes.title}
        >
          {item.title}
        </Typography>
        {canManage && (
          <RoadmapItemMenu
            item={item}
            columnSize={columnSize}
            onAction={onAction}
          />
        )}
      </Box>
      <Box className={classes.meta}>
        <RoadmapStatusChip status={item.status} />
        {item.targetQuarter && (
          <Chip
            size="small"
            variant="outlined"
            icon={<EventIcon />}
            label={quarterLabel(item.targetQuarter)}
            title="Target quarter"
          />
        )}
      </Box>
      <Box className={classes.meta}>
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.demand}
          title={`${countOf(item.demand.votes, 'vote')} on the linked requests`}
          data-testid="roadmap-demand"
        >
          <PeopleOutlineIcon fontSize="small" />
          {demandLabel(item.demand)}
        </Typography>
      </Box>
      <Box className={classes.footer}>
        <DetailsButton item={item} expanded={expanded} onToggle={toggle} />
        <IconButton
          size="small"
          aria-label={`Change history of ${item.title}`}
          title="Change history"
          onClick={() => onAction({ kind: 'changes' })}
        >
          <HistoryIcon fontSize="small" />
        </IconButton>
      </Box>
      <RoadmapItemDetails
        item={item}
        expanded={expanded}
        canManage={canManage}
        onAction={onAction}
      />
    </Paper>
  );
};
