import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import {
  RoadmapFieldChange,
  RoadmapHorizon,
  RoadmapItem,
  RoadmapStatus,
} from '@platform-product/plugin-platform-product-common';
import { useRoadmapItemHistory } from '@platform-product/plugin-platform-product-react';
import { Fragment } from 'react';
import { RelativeTime } from '../announcements/dates';
import {
  ACTION_LABELS,
  HORIZON_LABELS,
  quarterLabel,
  STATUS_LABELS,
} from './labels';
import { DialogFrame } from '../shared/DialogFrame';

type Value = RoadmapFieldChange['from'];

/** A field's value as people read it. */
function valueOf(field: RoadmapFieldChange['field'], value: Value): string {
  if (value === null || value === undefined || value === '') return 'none';
  switch (field) {
    case 'horizon':
      return HORIZON_LABELS[value as RoadmapHorizon] ?? String(value);
    case 'status':
      return STATUS_LABELS[value as RoadmapStatus] ?? String(value);
    case 'targetQuarter':
      return quarterLabel(String(value));
    case 'position':
      // positions are 0-based; people count from 1
      return `#${Number(value) + 1}`;
    default:
      return `“${value}”`;
  }
}

const FIELD_LABELS: Record<RoadmapFieldChange['field'], string> = {
  title: 'Title',
  description: 'Description',
  horizon: 'Horizon',
  position: 'Place',
  status: 'Status',
  targetQuarter: 'Target',
  link: 'Linked',
  unlink: 'Unlinked',
};

/**
 * One change as a line: "Horizon: Next → Now", "Description edited". A link names its
 * post by id: `postTitle` names the posts the item still shows.
 */
export function describeChange(
  change: RoadmapFieldChange,
  postTitle: (id: string) => string | undefined = () => undefined,
): string {
  const { field, from, to } = change;
  const label = FIELD_LABELS[field];
  if (field === 'description') {
    return from === undefined ? 'Description written' : 'Description edited';
  }
  if (field === 'link' || field === 'unlink') {
    const title = postTitle(String(to ?? from));
    return `${label} ${title ? `“${title}”` : 'a request'}`;
  }
  if (from === undefined) return `${label}: ${valueOf(field, to)}`;
  return `${label}: ${valueOf(field, from)} → ${valueOf(field, to)}`;
}

/** Every change to an item, newest first: who, when, what changed. */
export const RoadmapChangesDialog = (props: {
  item: RoadmapItem;
  onClose: () => void;
}) => {
  const { item, onClose } = props;
  const { entries, loading, error } = useRoadmapItemHistory(item.id);
  const postTitle = (id: string) =>
    item.linkedPosts.find(post => post.id === id)?.title;
  return (
    <DialogFrame
      id="roadmap-changes-title"
      title={`Changes to “${item.title}”`}
      onClose={onClose}
      actions={<Button onClick={onClose}>Close</Button>}
    >
      {loading && !entries && <Progress />}
      {error && (
        <ResponseErrorPanel error={error} title="Could not load the changes" />
      )}
      {entries?.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No changes recorded.
        </Typography>
      )}
      {entries?.map((entry, index) => (
        <Fragment key={entry.id}>
          {index > 0 && <Divider />}
          <Box py={1.5} data-testid="roadmap-change">
            <Typography variant="subtitle2">
              {ACTION_LABELS[entry.action] ?? entry.action}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              <EntityRefLink
                entityRef={entry.actor}
                defaultKind="user"
                hideIcon
              />{' '}
              · <RelativeTime iso={entry.at} />
            </Typography>
            {entry.changes.map(change => (
              <Typography
                key={`${change.field}-${String(change.to)}`}
                variant="body2"
              >
                {describeChange(change, postTitle)}
              </Typography>
            ))}
          </Box>
        </Fragment>
      ))}
    </DialogFrame>
  );
};
