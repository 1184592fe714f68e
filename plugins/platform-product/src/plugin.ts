import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { PLATFORM_ANNOUNCEMENT_SEARCH_TYPE } from '@platform-product/plugin-platform-product-common';
import {
  PlatformProductClient,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';

/**
 * The Platform Product frontend plugin (legacy frontend system).
 *
 * @public
 */
export const platformProductPlugin = createPlugin({
  id: 'platform-product',
  apis: [
    createApiFactory({
      api: platformProductApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformProductClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The overview of a PlatformProduct's entity page: product manager, vision,
 * support, parts and adoption.
 *
 * @public
 */
export const EntityPlatformProductOverviewContent =
  platformProductPlugin.provide(
    createComponentExtension({
      name: 'EntityPlatformProductOverviewContent',
      component: {
        lazy: () =>
          import(
            './components/product/EntityPlatformProductOverviewContent'
          ).then(m => m.EntityPlatformProductOverviewContent),
      },
    }),
  );

/**
 * For User pages: the products the user is the product manager of
 * ("Products I manage" on the signed-in user's own page).
 *
 * @public
 */
export const EntityProductsManagedCard = platformProductPlugin.provide(
  createComponentExtension({
    name: 'EntityProductsManagedCard',
    component: {
      lazy: () =>
        import('./components/cards/EntityProductsManagedCard').then(
          m => m.EntityProductsManagedCard,
        ),
    },
  }),
);

/**
 * For Group pages: the products the team owns ("Products we own").
 *
 * @public
 */
export const EntityProductsOwnedCard = platformProductPlugin.provide(
  createComponentExtension({
    name: 'EntityProductsOwnedCard',
    component: {
      lazy: () =>
        import('./components/cards/EntityProductsOwnedCard').then(
          m => m.EntityProductsOwnedCard,
        ),
    },
  }),
);

/**
 * For pages of a product's parts: the product this entity is part of, with a
 * link to its page. Pair with `isPartOfPlatformProduct` in an `EntitySwitch`.
 *
 * @public
 */
export const EntityPartOfProductCard = platformProductPlugin.provide(
  createComponentExtension({
    name: 'EntityPartOfProductCard',
    component: {
      lazy: () =>
        import('./components/cards/EntityPartOfProductCard').then(
          m => m.EntityPartOfProductCard,
        ),
    },
  }),
);

/**
 * "Give feedback" (rate the product, post an idea, problem, question or
 * praise): on a product's overview, and on the overview of its parts (pair with
 * `isPartOfPlatformProduct` in an `EntitySwitch`).
 *
 * @public
 */
export const EntityGiveFeedbackCard = platformProductPlugin.provide(
  createComponentExtension({
    name: 'EntityGiveFeedbackCard',
    component: {
      lazy: () =>
        import('./components/feedback/EntityGiveFeedbackCard').then(
          m => m.EntityGiveFeedbackCard,
        ),
    },
  }),
);

/**
 * A product's Feedback tab: NPS, its trend and the team's metrics, and the
 * posts with their threads. Mount it at `path="/feedback"`: notifications link
 * to `/feedback?post=<id>`.
 *
 * @public
 */
export const EntityProductFeedbackContent = platformProductPlugin.provide(
  createComponentExtension({
    name: 'EntityProductFeedbackContent',
    component: {
      lazy: () =>
        import('./components/feedback/EntityProductFeedbackContent').then(
          m => m.EntityProductFeedbackContent,
        ),
    },
  }),
);

/**
 * A platform announcement in the search results (documents of type
 * `platform-announcement`, indexed by
 * `@platform-product/plugin-search-backend-module-platform-product`): the type's
 * icon, the title linking to the post, its type, product, tags and date. Put it
 * in `SearchResult` beside the other result items.
 *
 * @public
 */
export const PlatformNewsSearchResultListItem = platformProductPlugin.provide(
  createSearchResultListItemExtension({
    name: 'PlatformNewsSearchResultListItem',
    component: () =>
      import('./components/search/PlatformNewsSearchResultListItem').then(
        m => m.PlatformNewsSearchResultListItem,
      ),
    predicate: result => result.type === PLATFORM_ANNOUNCEMENT_SEARCH_TYPE,
  }),
);
