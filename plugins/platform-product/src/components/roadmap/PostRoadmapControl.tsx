import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import LinkIcon from '@material-ui/icons/Link';
import Alert from '@material-ui/lab/Alert';
import {
  FeedbackItem,
  ROADMAP_HORIZONS,
  roadmapManagePermission,
} from '@platform-product/plugin-platform-product-common';
import {
  platformProductApiRef,
  useRoadmap,
} from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import { errorMessage } from '../shared/errorMessage';
import { HORIZON_LABELS, quarterLabel, STATUS_LABELS } from './labels';
import { RoadmapItemChip } from './RoadmapItemChip';
import { DialogFrame } from '../shared/DialogFrame';

/** Picks an open item of the post's product and links the post to it, or unlinks it. */
const RoadmapItemPicker = (props: {
  post: FeedbackItem;
  onClose: () => void;
  onLinked: () => void;
}) => {
  const { post, onClose, onLinked } = props;
  const api = useApi(platformProductApiRef);
  const { roadmap, loading, error } = useRoadmap(post.productRef);
  const current = post.roadmapItem?.id ?? '';
  const [chosen, setChosen] = useState(current);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();

  const save = async () => {
    setSaving(true);
    setSaveError(undefined);
    try {
      // linking moves the post off the item that carried it
      if (chosen) await api.linkRoadmapFeedback(chosen, post.id);
      else await api.unlinkRoadmapFeedback(current, post.id);
      onLinked();
      onClose();
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const items = roadmap?.items ?? [];
  return (
    <DialogFrame
      id="roadmap-picker-title"
      title={`Link “${post.title}” to a roadmap item`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            onClick={save}
            disabled={saving || chosen === current}
          >
            {chosen ? 'Link' : 'Unlink'}
          </Button>
        </>
      }
    >
      {loading && !roadmap && <Progress />}
      {error && (
        <ResponseErrorPanel error={error} title="Could not load the roadmap" />
      )}
      {roadmap && items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          The roadmap has no open items yet: create one on the Roadmap tab.
        </Typography>
      )}
      {items.length > 0 && (
        <RadioGroup
          aria-label="Roadmap item"
          value={chosen}
          onChange={e => setChosen(e.target.value)}
        >
          {ROADMAP_HORIZONS.map(horizon =>
            items
              .filter(item => item.horizon === horizon)
              .map(item => (
                <FormControlLabel
                  key={item.id}
                  value={item.id}
                  control={<Radio color="primary" />}
                  label={`${item.title} (${HORIZON_LABELS[horizon]} · ${
                    STATUS_LABELS[item.status]
                  }${
                    item.targetQuarter
                      ? ` · ${quarterLabel(item.targetQuarter)}`
                      : ''
                  })`}
                />
              )),
          )}
          {current && (
            <FormControlLabel
              value=""
              control={<Radio />}
              label="Not on the roadmap (unlink)"
            />
          )}
        </RadioGroup>
      )}
      {saveError && (
        <Box mt={1}>
          <Alert severity="error">{saveError}</Alert>
        </Box>
      )}
    </DialogFrame>
  );
};

/**
 * The roadmap item that carries a post, and for the product team
 * (`platform-product.roadmap.manage`) a way to link the post to another item.
 */
export const PostRoadmapControl = (props: {
  post: FeedbackItem;
  onChanged: () => void;
}) => {
  const { post, onChanged } = props;
  const [picking, setPicking] = useState(false);
  const { allowed: canManage } = usePermission({
    permission: roadmapManagePermission,
    resourceRef: post.productRef,
  });
  if (!post.roadmapItem && !canManage) return null;
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 8 }}>
      {post.roadmapItem ? (
        <RoadmapItemChip productRef={post.productRef} item={post.roadmapItem} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          Not on the roadmap.
        </Typography>
      )}
      {canManage && (
        <Button
          size="small"
          color="primary"
          startIcon={<LinkIcon />}
          onClick={() => setPicking(true)}
        >
          {post.roadmapItem
            ? 'Change roadmap item…'
            : 'Link to a roadmap item…'}
        </Button>
      )}
      {picking && (
        <RoadmapItemPicker
          post={post}
          onClose={() => setPicking(false)}
          onLinked={onChanged}
        />
      )}
    </Box>
  );
};
