import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import BuildIcon from '@material-ui/icons/Build';
import EventIcon from '@material-ui/icons/Event';
import HistoryIcon from '@material-ui/icons/History';
import NewReleasesIcon from '@material-ui/icons/NewReleases';
import ReportIcon from '@material-ui/icons/Report';
import WarningIcon from '@material-ui/icons/Warning';
import {
  AnnouncementState,
  AnnouncementType,
  EventKind,
} from '@platform-product/plugin-platform-product-common';

/** A capped count of the list route: "12", "1,000+". */
export function countLabel(count: number, capped?: boolean) {
  return `${count.toLocaleString('en-US')}${capped ? '+' : ''}`;
}

/** What the product team is told once a new product post is saved. */
export function savedPostMessage(post: { title: string; state: string }) {
  return post.state === 'published'
    ? `Published “${post.title}”: the product's users are being notified.`
    : `Saved “${post.title}” (${post.state}).`;
}

export const TYPE_LABELS: Record<AnnouncementType, string> = {
  release: 'Release',
  changelog: 'Changelog',
  deprecation: 'Deprecation',
  maintenance: 'Maintenance',
  incident: 'Incident',
  event: 'Event',
};

export const TYPE_HINTS: Record<AnnouncementType, string> = {
  release: 'A new version or feature is out',
  changelog: 'Smaller changes and fixes',
  deprecation: 'Something goes away: readers are asked to acknowledge',
  maintenance: 'Planned downtime or degraded service',
  incident: 'Something is broken right now',
  event: 'Office hours, a workshop or a demo',
};

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  'office-hours': 'Office hours',
  workshop: 'Workshop',
  demo: 'Demo',
  other: 'Event',
};

export const STATE_LABELS: Record<AnnouncementState, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
  expired: 'Expired',
};

const ICONS: Record<AnnouncementType, typeof EventIcon> = {
  release: NewReleasesIcon,
  changelog: HistoryIcon,
  deprecation: WarningIcon,
  maintenance: BuildIcon,
  incident: ReportIcon,
  event: EventIcon,
};

export const AnnouncementTypeIcon = (props: {
  type: AnnouncementType;
  fontSize?: 'small' | 'inherit' | 'default';
  className?: string;
}) => {
  const { type, fontSize = 'small', className } = props;
  const Icon = ICONS[type] ?? NewReleasesIcon;
  return (
    <Icon
      fontSize={fontSize}
      className={className}
      titleAccess={TYPE_LABELS[type]}
    />
  );
};

/** The colour of each type: calm for news, warm for what needs attention. */
export const useTypeColors = makeStyles(
  theme => ({
    release: {
      backgroundColor: theme.palette.success.dark,
      color: theme.palette.common.white,
    },
    changelog: {
      backgroundColor: theme.palette.info.dark,
      color: theme.palette.common.white,
    },
    deprecation: {
      backgroundColor: theme.palette.warning.dark,
      color: theme.palette.common.white,
    },
    maintenance: {
      backgroundColor: theme.palette.grey[700],
      color: theme.palette.common.white,
    },
    incident: {
      backgroundColor: theme.palette.error.dark,
      color: theme.palette.common.white,
    },
    event: {
      backgroundColor: theme.palette.primary.main,
      color: theme.palette.primary.contrastText,
    },
  }),
  { name: 'PlatformProductAnnouncementTypeColors' },
);

const useChipStyles = makeStyles(
  theme => ({
    chip: { fontWeight: theme.typography.fontWeightBold as number },
    icon: { color: 'inherit' },
  }),
  { name: 'PlatformProductAnnouncementTypeChip' },
);

/** The type of a post as a coloured chip with its icon. */
export const AnnouncementTypeChip = (props: { type: AnnouncementType }) => {
  const { type } = props;
  const classes = useChipStyles();
  const colors = useTypeColors();
  const Icon = ICONS[type] ?? NewReleasesIcon;
  return (
    <Chip
      size="small"
      icon={<Icon fontSize="small" className={classes.icon} />}
      label={TYPE_LABELS[type] ?? type}
      className={`${classes.chip} ${colors[type] ?? ''}`}
      data-testid="announcement-type"
    />
  );
};

/** The state of a post not (or no longer) published: Draft, Scheduled or Expired; nothing when published. */
export const AnnouncementStateChip = (props: { state: AnnouncementState }) =>
  props.state === 'published' ? null : (
    <Chip size="small" variant="outlined" label={STATE_LABELS[props.state]} />
  );
