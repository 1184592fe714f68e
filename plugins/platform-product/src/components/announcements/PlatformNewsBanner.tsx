import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import CloseIcon from '@material-ui/icons/Close';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isPlatformProductEntity } from '@platform-product/plugin-platform-product-common';
import { useAnnouncementBanners } from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import { errorMessage } from '../shared/errorMessage';
import { refOf } from '../shared/entities';
import { RelativeTime } from './dates';
import { TYPE_LABELS } from './labels';
import { useAnnouncementLink } from './links';

/**
 * Pinned maintenance and incident posts as banners (the global ones, and a
 * product's with `productRef`), each dismissible for good. Renders nothing while
 * loading, when there are none, or when they cannot be loaded: a banner must
 * never get in the way of the page it sits on.
 */
export const PlatformNewsBanner = (props: { productRef?: string }) => {
  const { banners, dismiss } = useAnnouncementBanners(props.productRef);
  const link = useAnnouncementLink();
  const [error, setError] = useState<string>();
  if (!banners.length) return null;
  return (
    // padded like a grid item, so it can sit in a grid item without padding of its
    // own and take no room at all when there is no banner
    <Box display="flex" flexDirection="column" style={{ gap: 8 }} p={1.5}>
      {banners.map(post => (
        <Alert
          key={post.id}
          severity={post.type === 'incident' ? 'error' : 'warning'}
          variant="filled"
          data-testid="platform-news-banner"
          action={
            <IconButton
              aria-label={`Dismiss ${post.title}`}
              color="inherit"
              size="small"
              onClick={() =>
                dismiss(post.id).catch(e =>
                  setError(`Could not dismiss: ${errorMessage(e)}`),
                )
              }
            >
              <CloseIcon fontSize="small" />
            </IconButton>
          }
        >
          <AlertTitle>
            {TYPE_LABELS[post.type]}:{' '}
            <Link to={link(post.id)} color="inherit" underline="always">
              {post.title}
            </Link>
          </AlertTitle>
          {post.summary}
          {post.publishedAt && (
            <>
              {' · '}
              <RelativeTime iso={post.publishedAt} />
            </>
          )}
        </Alert>
      ))}
      {error && (
        <Alert severity="error" onClose={() => setError(undefined)}>
          {error}
        </Alert>
      )}
    </Box>
  );
};

/** The banners of the product whose page this is (and the global ones). */
export const EntityPlatformNewsBanner = () => {
  const { entity } = useEntity();
  return (
    <PlatformNewsBanner
      productRef={isPlatformProductEntity(entity) ? refOf(entity) : undefined}
    />
  );
};
