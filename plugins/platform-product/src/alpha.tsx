/**
 * The frontend of Platform Product for Backstage's new frontend system: the same
 * components as the package root's legacy exports, wrapped as extensions.
 *
 * @packageDocumentation
 */
import { Entity } from '@backstage/catalog-model';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
  EntityContentLayoutBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultItemExtensionComponent,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import AnnouncementIcon from '@material-ui/icons/Announcement';
import AssessmentIcon from '@material-ui/icons/Assessment';
import {
  isPlatformProductEntity,
  PLATFORM_ANNOUNCEMENT_SEARCH_TYPE,
} from '@platform-product/plugin-platform-product-common';
import {
  PlatformProductClient,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { isPartOfPlatformProduct } from './components/cards/isPartOfPlatformProduct';
import { portfolioRouteRef, rootRouteRef } from './routes';

// Entity filters in the predicate form, which both the 3.x and the 4.x lines of
// plugin-catalog-react evaluate (string expressions are deprecated there).
// Kinds compare case-insensitively.
const isProduct = { kind: 'platformproduct' };
const isProductOrPart = (entity: Entity) =>
  isPlatformProductEntity(entity) || isPartOfPlatformProduct(entity);

/**
 * The Platform Product API (`platformProductApiRef`), through the plugin's
 * backend.
 *
 * @alpha
 */
export const platformProductApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: platformProductApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformProductClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The Platform news page at `/platform-news` (one post at `/platform-news/<id>`,
 * where notifications and search results link), in the app's navigation as
 * "Platform news".
 *
 * @alpha
 */
export const platformNewsPage = PageBlueprint.make({
  params: {
    path: '/platform-news',
    title: 'Platform news',
    icon: <AnnouncementIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    // the page brings its own header
    noHeader: true,
    loader: () =>
      import('./components/announcements/PlatformNewsPage').then(m => (
        <m.PlatformNewsPage />
      )),
  },
});

/**
 * The portfolio page at `/platform-products`: every product's level and score, in the
 * app's navigation as "Portfolio".
 *
 * @alpha
 */
export const platformPortfolioPage = PageBlueprint.make({
  name: 'portfolio',
  params: {
    path: '/platform-products',
    title: 'Portfolio',
    icon: <AssessmentIcon />,
    routeRef: convertLegacyRouteRef(portfolioRouteRef),
    // the page brings its own header
    noHeader: true,
    loader: () =>
      import('./components/scorecards/PlatformPortfolioPage').then(m => (
        <m.PlatformPortfolioPage />
      )),
  },
});

/**
 * A product's Feedback tab, at `feedback` on its entity page: notifications link
 * to `/catalog/<namespace>/platformproduct/<name>/feedback?post=<id>`.
 *
 * @alpha
 */
export const entityProductFeedbackContent = EntityContentBlueprint.make({
  name: 'feedback',
  params: {
    path: '/feedback',
    title: 'Feedback',
    filter: isProduct,
    loader: () =>
      import('./components/feedback/EntityProductFeedbackContent').then(m => (
        <m.EntityProductFeedbackContent />
      )),
  },
});

/**
 * A product's News tab, at `news` on its entity page (where the "All news of the
 * product" links of the news cards point).
 *
 * @alpha
 */
export const entityProductNewsContent = EntityContentBlueprint.make({
  name: 'news',
  params: {
    path: '/news',
    title: 'News',
    filter: isProduct,
    loader: () =>
      import('./components/announcements/EntityProductNewsContent').then(m => (
        <m.EntityProductNewsContent />
      )),
  },
});

/**
 * A product's Roadmap tab, at `roadmap` on its entity page: notifications and the
 * roadmap card link to `/catalog/<namespace>/platformproduct/<name>/roadmap?item=<id>`.
 *
 * @alpha
 */
export const entityProductRoadmapContent = EntityContentBlueprint.make({
  name: 'roadmap',
  params: {
    path: '/roadmap',
    title: 'Roadmap',
    filter: isProduct,
    loader: () =>
      import('./components/roadmap/EntityProductRoadmapContent').then(m => (
        <m.EntityProductRoadmapContent />
      )),
  },
});

/**
 * A product's Scorecard tab, at `scorecard` on its entity page (where the score
 * card and the portfolio link).
 *
 * @alpha
 */
export const entityProductScorecardContent = EntityContentBlueprint.make({
  name: 'scorecard',
  params: {
    path: '/scorecard',
    title: 'Scorecard',
    filter: isProduct,
    loader: () =>
      import('./components/scorecards/EntityProductScorecardContent').then(
        m => <m.EntityProductScorecardContent />,
      ),
  },
});

/**
 * The overview of PlatformProduct pages: the product overview at full width,
 * the info cards (About, Links) below it.
 *
 * @alpha
 */
export const productOverviewLayout = EntityContentLayoutBlueprint.make({
  name: 'product',
  params: {
    filter: isProduct,
    loader: () =>
      import('./alphaProductLayout').then(m => m.ProductOverviewLayout),
  },
});

/**
 * Pinned maintenance and incident posts as banners on every entity's overview:
 * the global ones, and on a product's page the product's own.
 *
 * @alpha
 */
export const entityNewsBannerCard = EntityCardBlueprint.make({
  name: 'news-banner',
  params: {
    type: 'content',
    loader: () =>
      import('./components/announcements/PlatformNewsBanner').then(m => (
        <m.EntityPlatformNewsBanner />
      )),
  },
});

/**
 * A product's overview on its entity page: product manager, vision, support,
 * parts and adoption.
 *
 * @alpha
 */
export const entityProductOverviewCard = EntityCardBlueprint.make({
  name: 'product-overview',
  params: {
    type: 'content',
    filter: isProduct,
    loader: () =>
      import('./components/product/EntityPlatformProductOverviewContent').then(
        m => <m.EntityPlatformProductOverviewContent />,
      ),
  },
});

/**
 * The top of Now and Next on a product's overview, linking to its Roadmap tab.
 *
 * @alpha
 */
export const entityProductRoadmapCard = EntityCardBlueprint.make({
  name: 'roadmap',
  params: {
    type: 'content',
    filter: isProduct,
    loader: () =>
      import('./components/roadmap/EntityProductRoadmapCard').then(m => (
        <m.EntityProductRoadmapCard />
      )),
  },
});

/**
 * "Give feedback" on a product's overview and on the overviews of its parts.
 *
 * @alpha
 */
export const entityGiveFeedbackCard = EntityCardBlueprint.make({
  name: 'give-feedback',
  params: {
    type: 'content',
    filter: isProductOrPart,
    loader: () =>
      import('./components/feedback/EntityGiveFeedbackCard').then(m => (
        <m.EntityGiveFeedbackCard />
      )),
  },
});

/**
 * On the pages of a product's parts: the product's level, score and trend, linking to
 * its Scorecard tab. A product's own page has it in its overview card already.
 *
 * @alpha
 */
export const entityProductScoreCard = EntityCardBlueprint.make({
  name: 'score',
  params: {
    type: 'content',
    filter: isPartOfPlatformProduct,
    loader: () =>
      import('./components/scorecards/EntityProductScoreCard').then(m => (
        <m.EntityProductScoreCard />
      )),
  },
});

/**
 * On the pages of a product's parts: the product the entity is part of.
 *
 * @alpha
 */
export const entityPartOfProductCard = EntityCardBlueprint.make({
  name: 'part-of-product',
  params: {
    type: 'content',
    filter: isPartOfPlatformProduct,
    loader: () =>
      import('./components/cards/EntityPartOfProductCard').then(m => (
        <m.EntityPartOfProductCard />
      )),
  },
});

/**
 * On the pages of components, APIs and systems (a product's parts and the
 * entities that use it): the product's latest posts; nothing when there are none.
 *
 * @alpha
 */
export const entityLatestProductNewsCard = EntityCardBlueprint.make({
  name: 'latest-product-news',
  params: {
    type: 'content',
    filter: { kind: { $in: ['component', 'api', 'system'] } },
    loader: () =>
      import('./components/announcements/EntityLatestProductNewsCard').then(
        m => <m.EntityLatestProductNewsCard hideWhenEmpty />,
      ),
  },
});

/**
 * On a user's page: the products they are the product manager of.
 *
 * @alpha
 */
export const entityProductsManagedCard = EntityCardBlueprint.make({
  name: 'products-managed',
  params: {
    type: 'content',
    filter: { kind: 'user' },
    loader: () =>
      import('./components/cards/EntityProductsManagedCard').then(m => (
        <m.EntityProductsManagedCard />
      )),
  },
});

/**
 * On a group's page: the products the team owns.
 *
 * @alpha
 */
export const entityProductsOwnedCard = EntityCardBlueprint.make({
  name: 'products-owned',
  params: {
    type: 'content',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/cards/EntityProductsOwnedCard').then(m => (
        <m.EntityProductsOwnedCard />
      )),
  },
});

/**
 * Platform announcements in the search results.
 *
 * @alpha
 */
export const platformNewsSearchResultListItem =
  SearchResultListItemBlueprint.make({
    name: 'platform-news',
    params: {
      predicate: result => result.type === PLATFORM_ANNOUNCEMENT_SEARCH_TYPE,
      component: () =>
        import('./components/search/PlatformNewsSearchResultListItem').then(
          m =>
            m.PlatformNewsSearchResultListItem as SearchResultItemExtensionComponent,
        ),
    },
  });

/**
 * "Platform news" as a result type on the search page.
 *
 * @alpha
 */
export const platformNewsSearchResultType =
  SearchFilterResultTypeBlueprint.make({
    name: 'platform-news',
    params: {
      value: PLATFORM_ANNOUNCEMENT_SEARCH_TYPE,
      name: 'Platform news',
      icon: <AnnouncementIcon />,
    },
  });

/**
 * The Platform Product frontend plugin for the new frontend system.
 *
 * @alpha
 */
export const platformProductPlugin = createFrontendPlugin({
  pluginId: 'platform-product',
  title: 'Platform news',
  icon: <AnnouncementIcon />,
  routes: {
    platformNews: convertLegacyRouteRef(rootRouteRef),
    portfolio: convertLegacyRouteRef(portfolioRouteRef),
  },
  extensions: [
    platformProductApi,
    platformNewsPage,
    platformPortfolioPage,
    // tabs in the legacy demo's order: News, Feedback, Roadmap, then Scorecard
    entityProductNewsContent,
    entityProductFeedbackContent,
    entityProductRoadmapContent,
    entityProductScorecardContent,
    productOverviewLayout,
    // cards in the order of the legacy demo's pages: the banner, then the
    // product's overview (then its roadmap) or the part's product (then its score), then
    // "Give feedback"
    entityNewsBannerCard,
    entityProductOverviewCard,
    entityProductRoadmapCard,
    entityPartOfProductCard,
    entityProductScoreCard,
    entityGiveFeedbackCard,
    entityLatestProductNewsCard,
    entityProductsManagedCard,
    entityProductsOwnedCard,
    platformNewsSearchResultListItem,
    platformNewsSearchResultType,
  ],
});

export default platformProductPlugin;
