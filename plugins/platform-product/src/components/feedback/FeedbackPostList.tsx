import { EmptyState, InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChatBubbleOutlineIcon from '@material-ui/icons/ChatBubbleOutline';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import Alert from '@material-ui/lab/Alert';
import {
  FEEDBACK_POST_TYPES,
  FEEDBACK_STATUSES,
  FeedbackItem,
  FeedbackPostType,
  FeedbackStatus,
} from '@platform-product/plugin-platform-product-common';
import { useFeedbackList } from '@platform-product/plugin-platform-product-react';
import { Fragment, ReactNode, useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import {
  FeedbackStatusChip,
  FeedbackTypeIcon,
  STATUS_LABELS,
  TYPE_LABELS,
} from './labels';
import {
  FilterSelect,
  labelledOptions,
  SearchField,
} from '../shared/FilterSelect';
import { PagedListContent } from '../shared/PagedListContent';
import { RoadmapItemChip } from '../roadmap/RoadmapItemChip';
import { VoteButton } from './VoteButton';

const PAGE_SIZE = 20;

const SORT_OPTIONS = [
  { value: 'votes', label: 'Most votes' },
  { value: 'recent', label: 'Most recent' },
];

const useStyles = makeStyles(
  theme => ({
    filters: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(2),
      marginBottom: theme.spacing(2),
    },
    filter: { minWidth: theme.spacing(18) },
    search: { flex: 1, minWidth: theme.spacing(25) },
    row: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(2),
      padding: theme.spacing(1.5, 0),
    },
    main: { flex: 1, minWidth: 0 },
    title: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1),
      textAlign: 'left',
    },
    meta: {
      display: 'flex',
      alignItems: 'center',
      flexWrap: 'wrap',
      gap: theme.spacing(1),
      marginTop: theme.spacing(0.5),
    },
    replies: {
      display: 'inline-flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
    },
  }),
  { name: 'PlatformProductFeedbackPostList' },
);

function dateOf(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

const PostRow = (props: {
  post: FeedbackItem;
  onOpen: (id: string) => void;
  onChange: (post: FeedbackItem) => void;
  onError: (message: string) => void;
}) => {
  const { post, onOpen, onChange, onError } = props;
  const classes = useStyles();
  return (
    <Box className={classes.row} data-testid="feedback-row">
      <VoteButton post={post} onChange={onChange} onError={onError} />
      <Box className={classes.main}>
        <Link
          component="button"
          variant="subtitle1"
          className={classes.title}
          onClick={() => onOpen(post.id)}
        >
          <FeedbackTypeIcon type={post.type} />
          {post.title}
        </Link>
        <Box className={classes.meta}>
          {post.status && <FeedbackStatusChip status={post.status} />}
          <Typography variant="caption" color="textSecondary">
            {TYPE_LABELS[post.type]} · {dateOf(post.createdAt)}
            {post.anonymous ? ' · anonymous' : ''}
            {post.hidden ? ' · hidden' : ''}
          </Typography>
          <Typography
            variant="caption"
            color="textSecondary"
            className={classes.replies}
            aria-label={`${post.replyCount} ${
              post.replyCount === 1 ? 'reply' : 'replies'
            }`}
          >
            <ChatBubbleOutlineIcon fontSize="inherit" />
            {post.replyCount}
          </Typography>
          {post.hasOfficialReply && (
            <Typography
              variant="caption"
              color="primary"
              className={classes.replies}
            >
              <VerifiedUserIcon fontSize="inherit" />
              Team replied
            </Typography>
          )}
          {post.roadmapItem && (
            <RoadmapItemChip
              productRef={post.productRef}
              item={post.roadmapItem}
            />
          )}
        </Box>
      </Box>
    </Box>
  );
};

/** A product's posts: filters, search, sort and server-side paging. */
export const FeedbackPostList = (props: {
  productRef: string;
  onOpen: (id: string) => void;
  action?: ReactNode;
  /** bump to reload (after a change in the post view) */
  reloadKey?: number;
}) => {
  const { productRef, onOpen, action, reloadKey } = props;
  const classes = useStyles();
  const [type, setType] = useState<FeedbackPostType | ''>('');
  const [status, setStatus] = useState<FeedbackStatus | ''>('');
  const [sort, setSort] = useState<'recent' | 'votes'>('votes');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [voteError, setVoteError] = useState<string>();
  useDebounce(() => setQ(search.trim()), 300, [search]);

  const list = useFeedbackList({
    productRef,
    type: type || undefined,
    status: status || undefined,
    q: q || undefined,
    sort,
    limit: PAGE_SIZE,
  });
  const { reload } = list;
  useEffect(() => {
    if (reloadKey) reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reloadKey]);

  const filtered = !!(type || status || q);
  const content = (
    <PagedListContent
      list={list}
      errorTitle="Could not load feedback"
      moreErrorTitle="Could not load more feedback"
      moreLabel="Load more"
      empty={
        filtered ? (
          <EmptyState
            missing="data"
            title="No posts match"
            description="Try another type, status or search."
          />
        ) : (
          <EmptyState
            missing="data"
            title="No feedback posts yet"
            description="Ideas, problems, questions and praise from the product's users show up here."
          />
        )
      }
    >
      <Typography variant="body2" color="textSecondary">
        {list.totalCount === 1
          ? '1 post'
          : `${list.totalCount ?? list.items.length} posts`}
      </Typography>
      {list.items.map((post, index) => (
        <Fragment key={post.id}>
          {index > 0 && <Divider />}
          <PostRow
            post={post}
            onOpen={onOpen}
            onChange={list.updateItem}
            onError={setVoteError}
          />
        </Fragment>
      ))}
    </PagedListContent>
  );

  return (
    <InfoCard title="Posts" action={action}>
      <Box className={classes.filters}>
        <FilterSelect
          id="feedback-filter-type"
          label="Type"
          value={type}
          onChange={value => setType(value as FeedbackPostType | '')}
          allLabel="All types"
          options={labelledOptions(FEEDBACK_POST_TYPES, TYPE_LABELS)}
          className={classes.filter}
        />
        <FilterSelect
          id="feedback-filter-status"
          label="Status"
          value={status}
          onChange={value => setStatus(value as FeedbackStatus | '')}
          allLabel="All statuses"
          options={labelledOptions(FEEDBACK_STATUSES, STATUS_LABELS)}
          className={classes.filter}
        />
        <FilterSelect
          id="feedback-sort"
          label="Sort by"
          value={sort}
          onChange={value => setSort(value as 'recent' | 'votes')}
          options={SORT_OPTIONS}
          className={classes.filter}
        />
        <SearchField
          id="feedback-search"
          value={search}
          onChange={setSearch}
          className={classes.search}
        />
      </Box>
      {voteError && (
        <Box mb={1}>
          <Alert severity="error" onClose={() => setVoteError(undefined)}>
            {voteError}
          </Alert>
        </Box>
      )}
      {content}
    </InfoCard>
  );
};
