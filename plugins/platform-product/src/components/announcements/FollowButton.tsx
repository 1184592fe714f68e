import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import NotificationsActiveIcon from '@material-ui/icons/NotificationsActive';
import NotificationsNoneIcon from '@material-ui/icons/NotificationsNone';
import { useProductFollow } from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import { errorMessage } from '../shared/errorMessage';

/** Follow a product to be notified of its posts, with the follower count. */
export const FollowButton = (props: {
  productRef: string;
  onError: (message: string) => void;
}) => {
  const { productRef, onError } = props;
  const { follow, loading, error, setFollowing } = useProductFollow(productRef);
  const [busy, setBusy] = useState(false);
  if (error) {
    return (
      <Tooltip title={errorMessage(error)}>
        <span>
          <Button variant="outlined" disabled>
            Follow
          </Button>
        </span>
      </Tooltip>
    );
  }
  const following = !!follow?.following;
  const toggle = async () => {
    setBusy(true);
    try {
      await setFollowing(!following);
    } catch (e) {
      onError(
        `Could not ${following ? 'unfollow' : 'follow'}: ${errorMessage(e)}`,
      );
    } finally {
      setBusy(false);
    }
  };
  const count = follow?.followers ?? 0;
  return (
    <Tooltip
      title={
        following
          ? 'You get a notification for every post, even if your team does not use it.'
          : 'Get a notification for every post, even if your team does not use it.'
      }
    >
      <span>
        <Button
          variant={following ? 'outlined' : 'contained'}
          color="primary"
          startIcon={
            following ? <NotificationsActiveIcon /> : <NotificationsNoneIcon />
          }
          onClick={toggle}
          disabled={loading || busy}
          aria-pressed={following}
        >
          {following ? 'Unfollow' : 'Follow'}
          {follow && ` · ${count} ${count === 1 ? 'follower' : 'followers'}`}
        </Button>
      </span>
    </Tooltip>
  );
};
