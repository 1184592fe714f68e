/**
 * API client and React hooks of Platform Product, reusable by other plugins.
 *
 * @packageDocumentation
 */
export * from './api';
export * from './adoption';
export * from './feedback';
export * from './announcements';
export * from './roadmap';
export * from './scorecards';
export type { PlatformProductClientOptions } from './shared/BackendRequests';
export type {
  AdoptingTeam,
  AdoptionConsumer,
  AdoptionTrendPoint,
  ProductAdoption,
  CreateFeedbackRequest,
  FeedbackItem,
  FeedbackItemWithReplies,
  FeedbackList,
  FeedbackReply,
  FeedbackStats,
  FeedbackStatus,
  FeedbackTrendPoint,
  FeedbackType,
  FeedbackVote,
  UpdateFeedbackRequest,
  Announcement,
  AnnouncementEvent,
  AnnouncementList,
  AnnouncementReach,
  AnnouncementState,
  AnnouncementType,
  CreateAnnouncementRequest,
  EventKind,
  ProductFollow,
  UpdateAnnouncementRequest,
  CreateRoadmapItemRequest,
  Roadmap,
  RoadmapDemand,
  RoadmapHistoryEntry,
  RoadmapHorizon,
  RoadmapItem,
  RoadmapItemSummary,
  RoadmapLinkResult,
  RoadmapLinkedPost,
  RoadmapStatus,
  UpdateRoadmapItemRequest,
  Portfolio,
  PortfolioItem,
  PortfolioSort,
  ProductScorecard,
  ScorecardCheckResult,
  ScorecardCheckStatus,
  ScorecardLevel,
  ScorecardSnapshot,
  ScorecardValue,
  ScoreTrend,
  ScoreTrendPoint,
} from '@platform-product/plugin-platform-product-common';
/** A portfolio item's compact `scoreTrend` as the days that have a score. */
export { scoreTrendPoints } from '@platform-product/plugin-platform-product-common';
