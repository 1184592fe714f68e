import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import BuildIcon from '@material-ui/icons/Build';
import EventIcon from '@material-ui/icons/Event';
import NewReleasesIcon from '@material-ui/icons/NewReleases';
import NotesIcon from '@material-ui/icons/Notes';
import ReportIcon from '@material-ui/icons/Report';
import WarningIcon from '@material-ui/icons/Warning';
import { Link } from '@backstage/core-components';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import {
  AnnouncementType,
  PlatformAnnouncementSearchDocument,
} from '@platform-product/plugin-platform-product-common';
import { ReactNode } from 'react';
import { TYPE_LABELS } from '../announcements/labels';

const TYPE_ICONS: Record<AnnouncementType, typeof NotesIcon> = {
  release: NewReleasesIcon,
  changelog: NotesIcon,
  deprecation: WarningIcon,
  maintenance: BuildIcon,
  incident: ReportIcon,
  event: EventIcon,
};

const useStyles = makeStyles(
  theme => ({
    item: { display: 'flex', width: '100%' },
    content: { flexWrap: 'wrap', minWidth: 0 },
    itemText: { width: '100%', wordBreak: 'break-word', marginBottom: '1rem' },
    meta: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(0.5),
    },
  }),
  { name: 'PlatformNewsSearchResultListItem' },
);

/** @public */
export interface PlatformNewsSearchResultListItemProps {
  /** Overrides the icon of the post's type. */
  icon?:
    | ReactNode
    | ((result: PlatformAnnouncementSearchDocument) => ReactNode);
  result?: PlatformAnnouncementSearchDocument | SearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
  /** Lines of text shown before it is cut off; default 3. */
  lineClamp?: number;
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-US', {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
      });
}

/** A platform announcement (`platform-announcement`) in the search results. */
export function PlatformNewsSearchResultListItem(
  props: PlatformNewsSearchResultListItemProps,
) {
  const classes = useStyles();
  const result = props.result as PlatformAnnouncementSearchDocument | undefined;
  const highlight = props.highlight;
  if (!result) return null;

  const typeLabel =
    TYPE_LABELS[result.announcementType] ?? result.announcementType;
  const TypeIcon = TYPE_ICONS[result.announcementType] ?? NotesIcon;
  let icon: ReactNode = <TypeIcon titleAccess={typeLabel} />;
  if (props.icon) {
    icon = typeof props.icon === 'function' ? props.icon(result) : props.icon;
  }
  // the field as found, with the search's highlight when it has one
  const highlighted = (field: 'title' | 'text') => {
    const text = highlight?.fields[field];
    return text ? (
      <HighlightedSearchResultText
        text={text}
        preTag={highlight.preTag}
        postTag={highlight.postTag}
      />
    ) : (
      result[field]
    );
  };

  return (
    <div className={classes.item}>
      <ListItemIcon>{icon}</ListItemIcon>
      <div className={classes.content}>
        <ListItemText
          className={classes.itemText}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={result.location}>
              {highlighted('title')}
            </Link>
          }
          secondary={
            <Typography
              component="span"
              style={{
                display: '-webkit-box',
                WebkitBoxOrient: 'vertical',
                WebkitLineClamp: props.lineClamp ?? 3,
                overflow: 'hidden',
              }}
              color="textSecondary"
              variant="body2"
            >
              {highlighted('text')}
            </Typography>
          }
        />
        <Box className={classes.meta}>
          <Chip label={typeLabel} size="small" />
          <Chip
            size="small"
            variant="outlined"
            label={
              result.productRef ? (
                <>
                  Product:{' '}
                  <EntityDisplayName
                    entityRef={result.productRef}
                    hideIcon
                    disableTooltip
                  />
                </>
              ) : (
                'All platforms'
              )
            }
          />
          {result.tags?.map(tag => (
            <Chip key={tag} label={`#${tag}`} size="small" variant="outlined" />
          ))}
          {result.publishedAt && (
            <Typography variant="caption" color="textSecondary">
              Published{' '}
              <time dateTime={result.publishedAt}>
                {formatDate(result.publishedAt)}
              </time>
            </Typography>
          )}
        </Box>
      </div>
    </div>
  );
}
