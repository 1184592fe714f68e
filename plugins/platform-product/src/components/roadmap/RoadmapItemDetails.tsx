import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import LinkIcon from '@material-ui/icons/Link';
import LinkOffIcon from '@material-ui/icons/LinkOff';
import { RoadmapItem } from '@platform-product/plugin-platform-product-common';
import { useEffect, useRef, useState } from 'react';
import { SafeMarkdown } from '../announcements/SafeMarkdown';
import { useFeedbackLink } from '../feedback/feedbackLink';
import { FeedbackStatusChip, FeedbackTypeIcon } from '../feedback/labels';
import { countOf } from './labels';
import { RoadmapAction } from './RoadmapItemMenu';

/** An item's details, folded by default: its markdown description and linked requests. */

const useStyles = makeStyles(
  theme => ({
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
  { name: 'PlatformProductRoadmapItemDetails' },
);

/**
 * Whether an item's details are open, and the element to scroll to: the item the
 * page was opened for (`?item=`) is scrolled to and opened.
 */
export function useItemDetails<E extends HTMLElement>(selected?: boolean) {
  const [expanded, setExpanded] = useState(!!selected);
  const ref = useRef<E>(null);
  useEffect(() => {
    if (selected) {
      setExpanded(true);
      ref.current?.scrollIntoView?.({ block: 'center' });
    }
  }, [selected]);
  return { ref, expanded, toggle: () => setExpanded(open => !open) };
}

const detailsIdOf = (item: RoadmapItem) => `roadmap-item-details-${item.id}`;

/** The button that opens and folds an item's details. */
export const DetailsButton = (props: {
  item: RoadmapItem;
  expanded: boolean;
  onToggle: () => void;
}) => {
  const { item, expanded, onToggle } = props;
  const classes = useStyles();
  return (
    <Button
      size="small"
      className={classes.detailsButton}
      onClick={onToggle}
      aria-expanded={expanded}
      aria-controls={expanded ? detailsIdOf(item) : undefined}
      endIcon={expanded ? <ExpandLessIcon /> : <ExpandMoreIcon />}
    >
      Details
    </Button>
  );
};

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

/** An item's description and linked requests, shown while `expanded`. */
export const RoadmapItemDetails = (props: {
  item: RoadmapItem;
  expanded: boolean;
  /** whether the product team may link and unlink requests here */
  canManage: boolean;
  onAction: (action: RoadmapAction) => void;
}) => {
  const { item, expanded, canManage, onAction } = props;
  const classes = useStyles();
  return (
    <Collapse in={expanded} unmountOnExit>
      <Box className={classes.details} id={detailsIdOf(item)}>
        {item.description ? (
          <SafeMarkdown content={item.description} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            No description.
          </Typography>
        )}
        <LinkedRequests item={item} canManage={canManage} onAction={onAction} />
      </Box>
    </Collapse>
  );
};
