export type {
  ListFeedbackOptions,
  PlatformProductFeedbackApi,
} from './FeedbackApi';
export { PlatformProductFeedbackClient } from './FeedbackClient';
export { useFeedbackList, useFeedbackPost, useFeedbackStats } from './hooks';
