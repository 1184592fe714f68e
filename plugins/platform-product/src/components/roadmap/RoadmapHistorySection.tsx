import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Divider from '@material-ui/core/Divider';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import HistoryIcon from '@material-ui/icons/History';
import NewReleasesIcon from '@material-ui/icons/NewReleases';
import ReplayIcon from '@material-ui/icons/Replay';
import { RoadmapItem } from '@platform-product/plugin-platform-product-common';
import { Fragment } from 'react';
import { dateOnly } from '../announcements/dates';
import {
  demandLabel,
  quarterLabel,
  RoadmapStatusChip,
  STATUS_LABELS,
} from './labels';
import {
  DetailsButton,
  RoadmapItemDetails,
  useItemDetails,
} from './RoadmapItemDetails';
import { RoadmapAction } from './RoadmapItemMenu';

const useStyles = makeStyles(
  theme => ({
    row: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(1.5),
      padding: theme.spacing(1.5, 0, 0.5),
    },
    details: { paddingBottom: theme.spacing(1.5) },
    item: { padding: theme.spacing(0, 1), borderLeft: '4px solid transparent' },
    selected: { borderLeftColor: theme.palette.primary.main },
    main: { flex: 1, minWidth: theme.spacing(30) },
    date: { minWidth: theme.spacing(16) },
  }),
  { name: 'PlatformProductRoadmapHistory' },
);

/** One shipped or dropped item: when, what, its demand, and its details on request. */
const HistoryRow = (props: {
  item: RoadmapItem;
  canManage: boolean;
  selected: boolean;
  onAction: (item: RoadmapItem, action: RoadmapAction) => void;
}) => {
  const { item, canManage, selected, onAction } = props;
  const classes = useStyles();
  const { ref, expanded, toggle } = useItemDetails<HTMLDivElement>(selected);
  return (
    <div
      ref={ref}
      className={`${classes.item} ${selected ? classes.selected : ''}`}
      data-testid="roadmap-history-item"
      aria-current={selected ? 'true' : undefined}
    >
      <Box className={classes.row}>
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.date}
        >
          {item.closedAt
            ? `${STATUS_LABELS[item.status]} ${dateOnly(item.closedAt)}`
            : STATUS_LABELS[item.status]}
        </Typography>
        <Box className={classes.main}>
          <Typography variant="subtitle2" component="h3">
            {item.title}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {demandLabel(item.demand)}
            {item.targetQuarter
              ? ` · target was ${quarterLabel(item.targetQuarter)}`
              : ''}
          </Typography>
        </Box>
        <RoadmapStatusChip status={item.status} />
        {canManage && item.status === 'shipped' && (
          <Button
            size="small"
            color="primary"
            startIcon={<NewReleasesIcon />}
            onClick={() => onAction(item, { kind: 'announce' })}
            aria-label={`Announce ${item.title}`}
          >
            Announce
          </Button>
        )}
        {canManage && item.status === 'dropped' && (
          <Button
            size="small"
            startIcon={<ReplayIcon />}
            onClick={() => onAction(item, { kind: 'reopen' })}
            aria-label={`Take up ${item.title} again`}
          >
            Take up again
          </Button>
        )}
        <DetailsButton item={item} expanded={expanded} onToggle={toggle} />
        <IconButton
          size="small"
          aria-label={`Change history of ${item.title}`}
          title="Change history"
          onClick={() => onAction(item, { kind: 'changes' })}
        >
          <HistoryIcon fontSize="small" />
        </IconButton>
      </Box>
      <Box className={classes.details}>
        {/* a closed item's requests are settled: nothing to link or unlink */}
        <RoadmapItemDetails
          item={item}
          expanded={expanded}
          canManage={false}
          onAction={action => onAction(item, action)}
        />
      </Box>
    </div>
  );
};

/**
 * Shipped and dropped items, the most recently closed first, with their dates and
 * details. The product team can announce a shipped item or take a dropped one up again.
 */
export const RoadmapHistorySection = (props: {
  items: RoadmapItem[];
  canManage: boolean;
  selectedId?: string;
  onAction: (item: RoadmapItem, action: RoadmapAction) => void;
}) => {
  const { items, canManage, selectedId, onAction } = props;
  return (
    <InfoCard
      title="History"
      subheader="Shipped and dropped, most recent first"
    >
      {items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing shipped or dropped yet.
        </Typography>
      ) : (
        items.map((item, index) => (
          <Fragment key={item.id}>
            {index > 0 && <Divider />}
            <HistoryRow
              item={item}
              canManage={canManage}
              selected={item.id === selectedId}
              onAction={onAction}
            />
          </Fragment>
        ))
      )}
    </InfoCard>
  );
};
