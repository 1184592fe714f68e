import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import EventIcon from '@material-ui/icons/Event';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import HistoryIcon from '@material-ui/icons/History';
import LinkIcon from '@material-ui/icons/Link';
import LinkOffIcon from '@material-ui/icons/LinkOff';
import PeopleOutlineIcon from '@material-ui/icons/PeopleOutline';
import { RoadmapItem } from '@platform-product/plugin-platform-product-common';
import { useEffect, useRef, useState } from 'react';
import { SafeMarkdown } from '../announcements/SafeMarkdown';
import { useFeedbackLink } from '../feedback/feedbackLink';
import { FeedbackStatusChip, FeedbackTypeIcon } from '../feedback/labels';
import {
  countOf,
  demandLabel,
  quarterLabel,
  RoadmapStatusChip,
} from './labels';
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
    details: { paddingTop: theme.spacing(1) },
    requests: {
      listStyle: 'none',
      margin: theme.spacing(0.5, 0, 0),
      padding: 0,
    },
    request: {
      display: 'flex',
      alignItems: 'flex-start',
      gap: theme.spacing(1),
      padding: theme.spacing(0.75, 0),
    },
    requestMain: { flex: 1, minWidth: 0 },
    requestTitle: {
      display: 'flex',
      alignItems: 'flex-start',
      gap: theme.spacing(0.5),
      '& svg': { marginTop: 3, flexShrink: 0 },
    },
    requestMeta: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1),
      marginTop: theme.spacing(0.5),
    },
    detailsButton: {
      textTransform: 'none',
      color: theme.palette.text.secondary,
    },
  }),
  { name: 'PlatformProductRoadmapItemCard' },
);

/** The requests linked to an item, each linking to its post on the Feedback tab. */
const LinkedRequests = (props: {
  item: RoadmapItem;
  canManage: boolean;
  onAction: (action: RoadmapAction) => void;
}) => {
  const { item, canManage, onAction } = props;
  const classes = useStyles();
  const feedbackLink = useFeedbackLink();
  // the roadmap lists an item's most voted requests only
  const unlisted = item.demand.posts - item.linkedPosts.length;
  return (
    <Box mt={1.5}>
      <Typography variant="overline" color="textSecondary" component="h4">
        Requests
      </Typography>
      {item.demand.posts === 0 && (
        <Typography variant="body2" color="textSecondary">
          No feedback linked yet.
        </Typography>
      )}
      {item.linkedPosts.length > 0 && (
        <ul className={classes.requests}>
          {item.linkedPosts.map(post => (
            <li key={post.id} className={classes.request}>
              <Box className={classes.requestMain}>
                <Typography variant="body2" className={classes.requestTitle}>
                  <FeedbackTypeIcon type={post.type} fontSize="inherit" />
                  <Link to={feedbackLink(item.productRef, post.id)}>
                    {post.title}
                  </Link>
                </Typography>
                <Box className={classes.requestMeta}>
                  <FeedbackStatusChip status={post.status} />
                  <Typography variant="caption" color="textSecondary">
                    {countOf(post.voteCount, 'vote')}
                  </Typography>
                </Box>
              </Box>
              {canManage && (
                <IconButton
                  size="small"
                  aria-label={`Unlink ${post.title}`}
                  title="Unlink this request"
                  onClick={() =>
                    onAction({
                      kind: 'unlink',
                      postId: post.id,
                      postTitle: post.title,
                    })
                  }
                >
                  <LinkOffIcon fontSize="small" />
                </IconButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {unlisted > 0 && (
        <Typography variant="caption" color="textSecondary" component="p">
          {item.linkedPosts.length
            ? `and ${countOf(unlisted, 'more request')}`
            : countOf(unlisted, 'request')}
        </Typography>
      )}
      {canManage && (
        <Button
          size="small"
          color="primary"
          startIcon={<LinkIcon />}
          onClick={() => onAction({ kind: 'link' })}
        >
          Link feedback
        </Button>
      )}
    </Box>
  );
};

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
  const [expanded, setExpanded] = useState(!!selected);
  const ref = useRef<HTMLDivElement>(null);
  const detailsId = `roadmap-item-details-${item.id}`;

  useEffect(() => {
    if (selected) {
      setExpanded(true);
      ref.current?.scrollIntoView?.({ block: 'center' });
    }
  }, [selected]);

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
        <Button
          size="small"
          className={classes.detailsButton}
          onClick={() => setExpanded(open => !open)}
          aria-expanded={expanded}
          aria-controls={expanded ? detailsId : undefined}
          endIcon={expanded ? <ExpandLessIcon /> : <ExpandMoreIcon />}
        >
          Details
        </Button>
        <IconButton
          size="small"
          aria-label={`Change history of ${item.title}`}
          title="Change history"
          onClick={() => onAction({ kind: 'changes' })}
        >
          <HistoryIcon fontSize="small" />
        </IconButton>
      </Box>
      <Collapse in={expanded} unmountOnExit>
        <Box className={classes.details} id={detailsId}>
          {item.description ? (
            <SafeMarkdown content={item.description} />
          ) : (
            <Typography variant="body2" color="textSecondary">
              No description.
            </Typography>
          )}
          <LinkedRequests
            item={item}
            canManage={canManage}
            onAction={onAction}
          />
        </Box>
      </Collapse>
    </Paper>
  );
};
