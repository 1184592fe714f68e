/**
 * The frontend of Platform Product: the product page and the cards that put
 * products on the pages of users, groups and parts (legacy frontend system).
 *
 * @packageDocumentation
 */
export {
  platformProductPlugin,
  EntityPlatformProductOverviewContent,
  EntityProductsManagedCard,
  EntityProductsOwnedCard,
  EntityPartOfProductCard,
  EntityGiveFeedbackCard,
  EntityProductFeedbackContent,
  EntityProductRoadmapContent,
  EntityProductRoadmapCard,
  EntityProductScorecardContent,
  EntityProductScoreCard,
  PlatformPortfolioPage,
  PlatformNewsSearchResultListItem,
  EntityProductNewsContent,
  EntityLatestProductNewsCard,
  EntityPlatformNewsBanner,
  PlatformNewsBanner,
  PlatformNewsHomeCard,
  PlatformNewsPage,
} from './plugin';
export type { PlatformNewsSearchResultListItemProps } from './components/search/PlatformNewsSearchResultListItem';
export {
  rootRouteRef as platformNewsRouteRef,
  portfolioRouteRef as platformPortfolioRouteRef,
} from './routes';
export { isPartOfPlatformProduct } from './components/cards/isPartOfPlatformProduct';
export { hasPlatformProductNews } from './components/announcements/hasPlatformProductNews';
export { platformProductColumns } from './components/catalog/columns';
export {
  isPlatformProductEntity,
  PLATFORM_ANNOUNCEMENT_SEARCH_TYPE,
  roadmapManagePermission,
  scorecardRefreshPermission,
  RELATION_PRODUCT_MANAGED_BY,
  RELATION_PRODUCT_MANAGER_OF,
} from '@platform-product/plugin-platform-product-common';
export type {
  PlatformProductEntityV1alpha1,
  PlatformAnnouncementSearchDocument,
} from '@platform-product/plugin-platform-product-common';
export {
  platformProductApiRef,
  PlatformProductClient,
  useProductAdoption,
  useFeedbackList,
  useFeedbackPost,
  useFeedbackStats,
  useAnnouncement,
  useAnnouncementBanners,
  useAnnouncementList,
  useAnnouncementReach,
  useProductFollow,
  useUnreadAnnouncementCount,
  useRoadmap,
  useRoadmapItemHistory,
  usePortfolio,
  useProductScorecard,
  useScorecardHistory,
} from '@platform-product/plugin-platform-product-react';
export type {
  PlatformProductApi,
  PortfolioOptions,
} from '@platform-product/plugin-platform-product-react';
