import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { PLATFORM_ANNOUNCEMENT_SEARCH_TYPE } from '@platform-product/plugin-platform-product-common';
import {
  PlatformProductClient,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { portfolioRouteRef, rootRouteRef } from './routes';

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
  routes: {
    platformNews: rootRouteRef,
    portfolio: portfolioRouteRef,
  },
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
 * A product's Roadmap tab: Now, Next and Later with each item's status, target
 * quarter and demand (the linked feedback and the people behind it), and the
 * shipped and dropped history; the product team edits it and links feedback.
 * Mount it at `path="/roadmap"`: notifications and the roadmap card link to
 * `/roadmap?item=<id>`.
 *
 * @public
 */
export const EntityProductRoadmapContent = platformProductPlugin.provide(
  createComponentExtension({
    name: 'EntityProductRoadmapContent',
    component: {
      lazy: () =>
        import('./components/roadmap/EntityProductRoadmapContent').then(
          m => m.EntityProductRoadmapContent,
        ),
    },
  }),
);

/**
 * The top of a product's roadmap (the first items of Now and Next) for its
 * overview, linking to the Roadmap tab.
 *
 * @public
 */
export const EntityProductRoadmapCard = platformProductPlugin.provide(
  createComponentExtension({
    name: 'EntityProductRoadmapCard',
    component: {
      lazy: () =>
        import('./components/roadmap/EntityProductRoadmapCard').then(
          m => m.EntityProductRoadmapCard,
        ),
    },
  }),
);

/**
 * A product's Scorecard tab: its level (Bronze, Silver, Gold) and score, the score's
 * trend, and every check grouped by level with what was measured and, on a failure,
 * what to do next; the product team re-evaluates it on demand. Mount it at
 * `path="/scorecard"`: the score card and the portfolio link there.
 *
 * @public
 */
export const EntityProductScorecardContent = platformProductPlugin.provide(
  createComponentExtension({
    name: 'EntityProductScorecardContent',
    component: {
      lazy: () =>
        import('./components/scorecards/EntityProductScorecardContent').then(
          m => m.EntityProductScorecardContent,
        ),
    },
  }),
);

/**
 * A product's scorecard in brief (level, score and its trend, failing checks) with a
 * link to its Scorecard tab: on a product's overview, and on the pages of its parts
 * (pair with `isPartOfPlatformProduct` in an `EntitySwitch`).
 *
 * @public
 */
export const EntityProductScoreCard = platformProductPlugin.provide(
  createComponentExtension({
    name: 'EntityProductScoreCard',
    component: {
      lazy: () =>
        import('./components/scorecards/EntityProductScoreCard').then(
          m => m.EntityProductScoreCard,
        ),
    },
  }),
);

/**
 * The portfolio: one row per product with its PM, owning team, lifecycle, level,
 * score and trend, NPS and its trend, adoption, open posts and last announcement;
 * sortable, filtered by owner, lifecycle and level, exported as CSV. Mount it at
 * `/platform-products`.
 *
 * @public
 */
export const PlatformPortfolioPage = platformProductPlugin.provide(
  createRoutableExtension({
    name: 'PlatformPortfolioPage',
    component: () =>
      import('./components/scorecards/PlatformPortfolioPage').then(
        m => m.PlatformPortfolioPage,
      ),
    mountPoint: portfolioRouteRef,
  }),
);

/**
 * The Platform news page: every product's posts and the global ones, with
 * filters (product, type, tag, search, unread, upcoming events), and one post at
 * `/:id`. Mount it at `/platform-news`: notifications and search results link to
 * `/platform-news/<id>`.
 *
 * @public
 */
export const PlatformNewsPage = platformProductPlugin.provide(
  createRoutableExtension({
    name: 'PlatformNewsPage',
    component: () =>
      import('./components/announcements/PlatformNewsPage').then(
        m => m.PlatformNewsPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * A product's News tab: upcoming events first, then a timeline of its posts;
 * follow the product; for the product team, new posts, edits and each post's
 * reach. Mount it at `path="/news"`.
 *
 * @public
 */
export const EntityProductNewsContent = platformProductPlugin.provide(
  createComponentExtension({
    name: 'EntityProductNewsContent',
    component: {
      lazy: () =>
        import('./components/announcements/EntityProductNewsContent').then(
          m => m.EntityProductNewsContent,
        ),
    },
  }),
);

/**
 * "Latest from <product>" for the pages of a product's parts and of the
 * entities that use it. `hideWhenEmpty` renders nothing when there is no news.
 *
 * @public
 */
export const EntityLatestProductNewsCard = platformProductPlugin.provide(
  createComponentExtension({
    name: 'EntityLatestProductNewsCard',
    component: {
      lazy: () =>
        import('./components/announcements/EntityLatestProductNewsCard').then(
          m => m.EntityLatestProductNewsCard,
        ),
    },
  }),
);

/**
 * The homepage card "Platform news": the unread count and the latest posts.
 *
 * @public
 */
export const PlatformNewsHomeCard = platformProductPlugin.provide(
  createComponentExtension({
    name: 'PlatformNewsHomeCard',
    component: {
      lazy: () =>
        import('./components/announcements/PlatformNewsHomeCard').then(
          m => m.PlatformNewsHomeCard,
        ),
    },
  }),
);

/**
 * Pinned maintenance and incident posts as dismissible banners: the global ones,
 * plus a product's with `productRef`. Put it at the top of the app.
 *
 * @public
 */
export const PlatformNewsBanner = platformProductPlugin.provide(
  createComponentExtension({
    name: 'PlatformNewsBanner',
    component: {
      lazy: () =>
        import('./components/announcements/PlatformNewsBanner').then(
          m => m.PlatformNewsBanner,
        ),
    },
  }),
);

/**
 * The banners of the product whose entity page this is: put it at the top of
 * the PlatformProduct entity page.
 *
 * @public
 */
export const EntityPlatformNewsBanner = platformProductPlugin.provide(
  createComponentExtension({
    name: 'EntityPlatformNewsBanner',
    component: {
      lazy: () =>
        import('./components/announcements/PlatformNewsBanner').then(
          m => m.EntityPlatformNewsBanner,
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
