import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  EntityDisplayName,
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import { isPlatformProductEntity } from '@platform-product/plugin-platform-product-common';
import { useAnnouncementList } from '@platform-product/plugin-platform-product-react';
import { refOf } from '../shared/entities';
import { AnnouncementSummary } from './AnnouncementSummary';
import { useAnnouncementLink } from './links';

type CardVariant = 'gridItem' | 'flex' | 'fullHeight';

/**
 * "Latest from <product>" on the pages of a product's parts and consumers (and on
 * the product's own page): its newest posts. With `hideWhenEmpty`, renders nothing
 * when there is no news, so pages of entities that use no product stay clean. In a
 * MUI grid, render its `Grid item` under `EntitySwitch.Case if={hasPlatformProductNews}`
 * instead: an item with nothing in it still takes its padding.
 */
export const EntityLatestProductNewsCard = (props: {
  variant?: CardVariant;
  /** how many posts, 3 by default */
  limit?: number;
  hideWhenEmpty?: boolean;
}) => {
  const { variant = 'gridItem', limit = 3, hideWhenEmpty } = props;
  const { entity } = useEntity();
  const ref = refOf(entity);
  const isProduct = isPlatformProductEntity(entity);
  const entityRoute = useRouteRef(entityRouteRef);
  const link = useAnnouncementLink();
  const list = useAnnouncementList(
    isProduct ? { productRef: ref, limit } : { entityRef: ref, limit },
  );

  const products = [
    ...new Set(
      list.items.map(p => p.productRef).filter((p): p is string => !!p),
    ),
  ];
  const single = isProduct ? ref : products.length === 1 && products[0];
  const title = single ? (
    <>
      Latest from <EntityDisplayName entityRef={single} hideIcon />
    </>
  ) : (
    'Latest platform news'
  );
  const deepLink = {
    title: single ? 'All news of the product' : 'All platform news',
    link: single ? `${entityRoute(entityRouteParams(single))}/news` : link(),
  };

  if (list.loading && !list.items.length) {
    return (
      <InfoCard title={title} variant={variant}>
        <Progress />
      </InfoCard>
    );
  }
  if (list.error) {
    return (
      <InfoCard title={title} variant={variant}>
        <ResponseErrorPanel
          error={list.error}
          title="Could not load the news"
        />
      </InfoCard>
    );
  }
  if (!list.items.length) {
    if (hideWhenEmpty) return null;
    return (
      <InfoCard title={title} variant={variant}>
        <EmptyState
          missing="content"
          title="No news"
          description={`The platforms this ${entity.kind.toLocaleLowerCase(
            'en-US',
          )} is part of or uses have not posted anything yet.`}
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard title={title} variant={variant} deepLink={deepLink}>
      <Box display="flex" flexDirection="column" style={{ gap: 20 }}>
        {list.items.map(post => (
          <AnnouncementSummary
            key={post.id}
            post={post}
            showProduct={!single}
          />
        ))}
      </Box>
    </InfoCard>
  );
};
