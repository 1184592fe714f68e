import { AnnouncementType } from './types';

/** The search document type of published announcements (search-backend-module-platform-product). */
export const PLATFORM_ANNOUNCEMENT_SEARCH_TYPE = 'platform-announcement';

/** A published announcement as the search index holds it. */
export interface PlatformAnnouncementSearchDocument {
  title: string;
  /** the summary and the body as plain text */
  text: string;
  /** `/platform-news/<id>` */
  location: string;
  /** null for a global post */
  productRef: string | null;
  announcementType: AnnouncementType;
  tags: string[];
  /** ISO 8601 */
  publishedAt: string;
  author: string;
}
