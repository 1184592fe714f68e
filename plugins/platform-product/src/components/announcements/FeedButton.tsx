import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import RssFeedIcon from '@material-ui/icons/RssFeed';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import { errorMessage } from '../shared/errorMessage';

/**
 * Opens the Atom feed of a product's news (of all news without a product) in a new tab.
 * A tab sends no Backstage token, so the client sets the user cookie first.
 */
export const FeedButton = (props: { productRef?: string }) => {
  const { productRef } = props;
  const api = useApi(platformProductApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      window.open(await api.getAnnouncementFeedUrl(productRef), '_blank');
    } catch (e) {
      alertApi.post({
        message: `Could not open the feed: ${errorMessage(e)}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="outlined"
      startIcon={<RssFeedIcon />}
      onClick={open}
      disabled={busy}
      title="The news as an Atom feed, for a feed reader"
    >
      Atom feed
    </Button>
  );
};
