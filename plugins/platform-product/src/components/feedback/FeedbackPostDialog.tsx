import {
  MarkdownContent,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Divider from '@material-ui/core/Divider';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import Alert from '@material-ui/lab/Alert';
import {
  FEEDBACK_BODY_MAX,
  FeedbackItem,
  FeedbackReply,
} from '@platform-product/plugin-platform-product-common';
import {
  platformProductApiRef,
  useFeedbackPost,
} from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import {
  errorMessage,
  FeedbackStatusChip,
  FeedbackTypeIcon,
  TYPE_LABELS,
} from './labels';
import { PostRoadmapControl } from '../roadmap/PostRoadmapControl';
import { StatusControl } from './StatusControl';
import { VoteButton } from './VoteButton';

const useStyles = makeStyles(
  theme => ({
    title: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
    meta: {
      display: 'flex',
      alignItems: 'center',
      flexWrap: 'wrap',
      gap: theme.spacing(1),
      margin: theme.spacing(1, 0, 2),
    },
    reply: { padding: theme.spacing(1.5, 2), marginTop: theme.spacing(1.5) },
    official: {
      borderLeft: `4px solid ${theme.palette.primary.main}`,
    },
    section: { marginTop: theme.spacing(3) },
  }),
  { name: 'PlatformProductFeedbackPostDialog' },
);

function timeOf(iso: string): string {
  return new Date(iso).toLocaleString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

const Author = (props: { author: string | null; label?: string }) =>
  props.author ? (
    <EntityRefLink entityRef={props.author} defaultKind="user" hideIcon />
  ) : (
    <span>{props.label ?? 'Anonymous'}</span>
  );

const Reply = (props: { reply: FeedbackReply }) => {
  const { reply } = props;
  const classes = useStyles();
  return (
    <Paper
      variant="outlined"
      className={`${classes.reply} ${reply.official ? classes.official : ''}`}
      data-testid="feedback-reply"
    >
      <Box display="flex" alignItems="center" gridGap={8} mb={0.5}>
        <Typography variant="subtitle2" component="span">
          <Author
            author={reply.author}
            label={reply.byPostAuthor ? 'The author (anonymous)' : undefined}
          />
        </Typography>
        {reply.official && (
          <Chip
            size="small"
            color="primary"
            icon={<VerifiedUserIcon />}
            label="Official"
          />
        )}
        {!reply.official && reply.byPostAuthor && (
          <Chip size="small" variant="outlined" label="Author" />
        )}
        <Typography variant="caption" color="textSecondary">
          {timeOf(reply.createdAt)}
        </Typography>
      </Box>
      <MarkdownContent content={reply.body} />
    </Paper>
  );
};

const ReplyBox = (props: { postId: string; onReplied: () => void }) => {
  const api = useApi(platformProductApiRef);
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const send = async () => {
    setSending(true);
    setError(undefined);
    try {
      await api.replyToFeedback(props.postId, body);
      setBody('');
      props.onReplied();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Box>
      <TextField
        id="feedback-reply"
        label="Your reply"
        helperText="Markdown is supported."
        value={body}
        onChange={e => setBody(e.target.value)}
        multiline
        minRows={3}
        fullWidth
        variant="outlined"
        inputProps={{ maxLength: FEEDBACK_BODY_MAX }}
      />
      {error && (
        <Box mt={1}>
          <Alert severity="error">{error}</Alert>
        </Box>
      )}
      <Box mt={1} textAlign="right">
        <Button
          variant="contained"
          color="primary"
          onClick={send}
          disabled={sending || !body.trim()}
        >
          Reply
        </Button>
      </Box>
    </Box>
  );
};

/** One post with its thread; the team can change its status. */
export const FeedbackPostDialog = (props: {
  postId: string | undefined;
  canRespond: boolean;
  onClose: () => void;
  /** a vote, reply or status change: the list should reload */
  onChanged: () => void;
}) => {
  const { postId, canRespond, onClose, onChanged } = props;
  const classes = useStyles();
  const { post, loading, error, retry } = useFeedbackPost(postId);
  const [voteError, setVoteError] = useState<string>();
  const [override, setOverride] = useState<FeedbackItem>();
  // a vote answers with counts only: show them over the loaded post
  const shown =
    post && override?.id === post.id ? { ...post, ...override } : post;

  const changed = () => {
    setOverride(undefined);
    retry();
    onChanged();
  };

  return (
    <Dialog
      open={!!postId}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="feedback-post-title"
    >
      <DialogTitle id="feedback-post-title" disableTypography>
        <Typography variant="h5" component="h2" className={classes.title}>
          {shown && <FeedbackTypeIcon type={shown.type} fontSize="default" />}
          {shown ? shown.title ?? `Rating ${shown.score}` : 'Feedback post'}
        </Typography>
      </DialogTitle>
      <DialogContent dividers>
        {loading && !post && <Progress />}
        {error && (
          <ResponseErrorPanel error={error} title="Could not load this post" />
        )}
        {shown && !error && (
          <>
            <Box className={classes.meta}>
              {shown.status && <FeedbackStatusChip status={shown.status} />}
              {shown.type !== 'rating' && (
                <VoteButton
                  post={shown}
                  onChange={item => {
                    setOverride(item);
                    onChanged();
                  }}
                  onError={setVoteError}
                />
              )}
              <Typography variant="body2" color="textSecondary">
                {TYPE_LABELS[shown.type]} by <Author author={shown.author} /> on{' '}
                {timeOf(shown.createdAt)}
              </Typography>
            </Box>
            {voteError && (
              <Box mb={1}>
                <Alert severity="error">{voteError}</Alert>
              </Box>
            )}
            {shown.type !== 'rating' && (
              <Box mb={2}>
                <PostRoadmapControl post={shown} onChanged={changed} />
              </Box>
            )}
            {shown.body ? (
              <MarkdownContent content={shown.body} />
            ) : (
              <Typography variant="body2" color="textSecondary">
                No details given.
              </Typography>
            )}
            {canRespond && shown.status && (
              <Box className={classes.section}>
                <Divider />
                <Box mt={2}>
                  <StatusControl post={shown} onChanged={changed} />
                </Box>
              </Box>
            )}
            {shown.type !== 'rating' && (
              <Box className={classes.section}>
                <Typography variant="h6" component="h3">
                  {shown.replies.length === 0
                    ? 'No replies yet'
                    : `${shown.replies.length} ${
                        shown.replies.length === 1 ? 'reply' : 'replies'
                      }`}
                </Typography>
                {shown.replies.map(reply => (
                  <Reply key={reply.id} reply={reply} />
                ))}
                <Box mt={2}>
                  <ReplyBox postId={shown.id} onReplied={changed} />
                </Box>
              </Box>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
};
