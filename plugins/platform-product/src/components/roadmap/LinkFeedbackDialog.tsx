import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  FeedbackItem,
  RoadmapItem,
  RoadmapLinkResult,
} from '@platform-product/plugin-platform-product-common';
import {
  platformProductApiRef,
  useFeedbackList,
} from '@platform-product/plugin-platform-product-react';
import { Fragment, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { FeedbackStatusChip, FeedbackTypeIcon } from '../feedback/labels';
import { errorMessage } from '../shared/errorMessage';
import { SearchField } from '../shared/FilterSelect';
import { PagedListContent } from '../shared/PagedListContent';
import { countOf } from './labels';
import { DialogFrame } from '../shared/DialogFrame';

const useStyles = makeStyles(
  theme => ({
    row: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1.5),
      padding: theme.spacing(1, 0),
    },
    main: { flex: 1, minWidth: 0 },
    title: { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) },
  }),
  { name: 'PlatformProductLinkFeedbackDialog' },
);

const PostRow = (props: {
  post: FeedbackItem;
  linked: boolean;
  busy: boolean;
  onLink: () => void;
}) => {
  const { post, linked, busy, onLink } = props;
  const classes = useStyles();
  const elsewhere = !linked && post.roadmapItem;
  return (
    <Box className={classes.row} data-testid="link-feedback-row">
      <Box className={classes.main}>
        <Typography variant="body2" className={classes.title}>
          <FeedbackTypeIcon type={post.type} fontSize="inherit" />
          {post.title}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {countOf(post.voteCount, 'vote')}
          {elsewhere ? ` · on “${elsewhere.title}”` : ''}
        </Typography>
      </Box>
      {post.status && <FeedbackStatusChip status={post.status} />}
      <Button
        size="small"
        variant="outlined"
        color="primary"
        disabled={linked || busy}
        onClick={onLink}
        aria-label={linked ? `${post.title} is linked` : `Link ${post.title}`}
      >
        {linked ? 'Linked' : 'Link'}
      </Button>
    </Box>
  );
};

/**
 * Links the product's feedback posts to a roadmap item: search them (most voted
 * first) and link one or several. Linking moves an open post to planned and tells
 * its author and voters.
 */
export const LinkFeedbackDialog = (props: {
  item: RoadmapItem;
  onClose: () => void;
  onLinked: (result: RoadmapLinkResult) => void;
}) => {
  const { item, onClose, onLinked } = props;
  const api = useApi(platformProductApiRef);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [linked, setLinked] = useState(
    () => new Set(item.linkedPosts.map(post => post.id)),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useDebounce(() => setQ(search.trim()), 300, [search]);
  const list = useFeedbackList({
    productRef: item.productRef,
    q: q || undefined,
    sort: 'votes',
    limit: 10,
  });

  const link = async (post: FeedbackItem) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.linkRoadmapFeedback(item.id, post.id);
      setLinked(previous => new Set(previous).add(post.id));
      list.updateItem({ ...post, status: result.postStatus });
      onLinked(result);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogFrame
      id="link-feedback-title"
      title={`Link feedback to “${item.title}”`}
      onClose={onClose}
      actions={<Button onClick={onClose}>Done</Button>}
    >
      <Typography variant="body2" color="textSecondary" paragraph>
        The request moves to planned, and its author and voters hear which
        roadmap item carries it.
      </Typography>
      <SearchField
        id="link-feedback-search"
        value={search}
        onChange={setSearch}
      />
      {error && (
        <Box mt={1}>
          <Alert severity="error">{error}</Alert>
        </Box>
      )}
      <Box mt={1}>
        <PagedListContent
          list={list}
          errorTitle="Could not load the feedback"
          moreErrorTitle="Could not load more feedback"
          moreLabel="More posts"
          empty={
            <EmptyState
              missing="data"
              title={q ? 'No posts match' : 'No feedback posts yet'}
            />
          }
        >
          {list.items.map((post, index) => (
            <Fragment key={post.id}>
              {index > 0 && <Divider />}
              <PostRow
                post={post}
                linked={linked.has(post.id) || post.roadmapItem?.id === item.id}
                busy={busy}
                onLink={() => link(post)}
              />
            </Fragment>
          ))}
        </PagedListContent>
      </Box>
    </DialogFrame>
  );
};
