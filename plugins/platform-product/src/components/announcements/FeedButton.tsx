import { useApi } from '@backstage/core-plugin-api';
import RssFeedIcon from '@material-ui/icons/RssFeed';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { ActionButton } from '../shared/ActionButton';

/**
 * Opens the Atom feed of a product's news (of all news without a product) in a new tab.
 * A tab sends no Backstage token, so the client sets the user cookie first.
 */
export const FeedButton = (props: { productRef?: string }) => {
  const { productRef } = props;
  const api = useApi(platformProductApiRef);
  return (
    <ActionButton
      action={async () => {
        window.open(await api.getAnnouncementFeedUrl(productRef), '_blank');
      }}
      failure="Could not open the feed"
      icon={<RssFeedIcon />}
      title="The news as an Atom feed, for a feed reader"
    >
      Atom feed
    </ActionButton>
  );
};
