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
} from '@platform-product/plugin-platform-product-common';
