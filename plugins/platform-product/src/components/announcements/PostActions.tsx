import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import DeleteIcon from '@material-ui/icons/DeleteOutline';
import EditIcon from '@material-ui/icons/Edit';
import EqualizerIcon from '@material-ui/icons/Equalizer';
import { Announcement } from '@platform-product/plugin-platform-product-common';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { errorMessage } from '../shared/errorMessage';
import { AnnouncementDialog } from './AnnouncementDialog';
import { ReachPanel } from './ReachPanel';

/**
 * Edit, delete and reach of a post, for those who may edit it (`post.canEdit`);
 * nothing for the others.
 */
export const PostActions = (props: {
  post: Announcement;
  onChanged: (post: Announcement) => void;
  onDeleted: (id: string) => void;
  /** show the reach right away instead of behind a button */
  reachOpen?: boolean;
}) => {
  const { post, onChanged, onDeleted, reachOpen } = props;
  const api = useApi(platformProductApiRef);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string>();
  const [showReach, setShowReach] = useState(!!reachOpen);
  if (!post.canEdit) return null;

  const remove = async () => {
    setDeleting(true);
    setError(undefined);
    try {
      await api.deleteAnnouncement(post.id);
      setConfirming(false);
      onDeleted(post.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Box width="100%">
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        <Button
          size="small"
          startIcon={<EditIcon />}
          onClick={() => setEditing(true)}
          aria-label={`Edit ${post.title}`}
        >
          Edit
        </Button>
        <Button
          size="small"
          startIcon={<DeleteIcon />}
          onClick={() => setConfirming(true)}
          aria-label={`Delete ${post.title}`}
        >
          Delete
        </Button>
        {!reachOpen && (
          <Button
            size="small"
            startIcon={<EqualizerIcon />}
            onClick={() => setShowReach(open => !open)}
            aria-expanded={showReach}
            aria-label={`Reach of ${post.title}`}
          >
            Reach
          </Button>
        )}
      </Box>
      {showReach && <ReachPanel post={post} />}
      {editing && (
        <AnnouncementDialog
          open
          post={post}
          onClose={() => setEditing(false)}
          onSaved={onChanged}
        />
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete “${post.title}”?`}
        confirmLabel="Delete"
        busy={deleting}
        error={error}
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
      >
        The post disappears for everyone, with its reads and acknowledgements.
        Notifications already sent stay.
      </ConfirmDialog>
    </Box>
  );
};
