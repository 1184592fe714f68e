import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import ThumbUpIcon from '@material-ui/icons/ThumbUp';
import ThumbUpOutlinedIcon from '@material-ui/icons/ThumbUpOutlined';
import { FeedbackItem } from '@platform-product/plugin-platform-product-common';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import { errorMessage } from './labels';

/** +1 on a post, and take it back: the count and whether the caller voted. */
export const VoteButton = (props: {
  post: FeedbackItem;
  onChange: (post: FeedbackItem) => void;
  onError?: (message: string) => void;
}) => {
  const { post, onChange, onError } = props;
  const api = useApi(platformProductApiRef);
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      const vote = await api.voteOnFeedback(post.id, !post.votedByMe);
      onChange({ ...post, ...vote });
    } catch (e) {
      onError?.(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      variant={post.votedByMe ? 'contained' : 'outlined'}
      color={post.votedByMe ? 'primary' : 'default'}
      aria-pressed={post.votedByMe}
      aria-label={`${post.votedByMe ? 'Remove your vote' : 'Vote'} (${
        post.voteCount
      } ${post.voteCount === 1 ? 'vote' : 'votes'})`}
      startIcon={post.votedByMe ? <ThumbUpIcon /> : <ThumbUpOutlinedIcon />}
      onClick={toggle}
      disabled={busy}
    >
      {post.voteCount}
    </Button>
  );
};
