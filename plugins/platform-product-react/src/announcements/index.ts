export type {
  ListAnnouncementsOptions,
  PlatformProductAnnouncementsApi,
} from './AnnouncementsApi';
export { PlatformProductAnnouncementsClient } from './AnnouncementsClient';
export {
  useAnnouncement,
  useAnnouncementBanners,
  useAnnouncementList,
  useAnnouncementReach,
  useProductFollow,
  useUnreadAnnouncementCount,
} from './hooks';
