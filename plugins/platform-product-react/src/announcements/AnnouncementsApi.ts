import {
  Announcement,
  AnnouncementList,
  AnnouncementReach,
  AnnouncementType,
  CreateAnnouncementRequest,
  ProductFollow,
  UpdateAnnouncementRequest,
} from '@platform-product/plugin-platform-product-common';

/**
 * Which announcements to list, one page at a time. Without `productRef` or
 * `entityRef`: every product's posts and the global ones.
 *
 * @public
 */
export interface ListAnnouncementsOptions {
  /** the posts of one PlatformProduct (its full entity ref) */
  productRef?: string;
  /** the posts of the products an entity is part of or consumes */
  entityRef?: string;
  type?: AnnouncementType;
  tag?: string;
  /** searches title, summary and body */
  q?: string;
  /** only events that have not ended yet, soonest first */
  upcoming?: boolean;
  /** only posts the caller has not read */
  unread?: boolean;
  /** also the drafts, scheduled and expired posts the caller may edit */
  drafts?: boolean;
  /** 1-100, 20 by default */
  limit?: number;
  /** the `nextCursor` of the previous page */
  cursor?: string;
}

/**
 * The announcement calls of the Platform Product backend: posts, reads and
 * acknowledgements, reach, follows and banners.
 *
 * @public
 */
export interface PlatformProductAnnouncementsApi {
  /** Posts for a product (`productRef`) or, without one, a global post. */
  createAnnouncement(request: CreateAnnouncementRequest): Promise<Announcement>;
  listAnnouncements(
    options?: ListAnnouncementsOptions,
  ): Promise<AnnouncementList>;
  getAnnouncement(id: string): Promise<Announcement>;
  updateAnnouncement(
    id: string,
    change: UpdateAnnouncementRequest,
  ): Promise<Announcement>;
  deleteAnnouncement(id: string): Promise<void>;
  /** Marks a post read by the caller (done when it is opened). */
  markAnnouncementRead(id: string): Promise<void>;
  /** The caller acknowledges a post that asks for it (deprecations). */
  acknowledgeAnnouncement(id: string): Promise<void>;
  /** Who a post reached: for the product team. */
  getAnnouncementReach(id: string): Promise<AnnouncementReach>;
  /** Whether the caller follows a product, and how many do. */
  getProductFollow(productRef: string): Promise<ProductFollow>;
  /** Follows (`true`) or unfollows (`false`) a product. */
  followProduct(productRef: string, follow: boolean): Promise<ProductFollow>;
  /**
   * Pinned maintenance and incident posts the caller has not dismissed: the global
   * ones, and a product's with `productRef`.
   */
  getAnnouncementBanners(productRef?: string): Promise<Announcement[]>;
  /** Hides a banner for the caller, for good. */
  dismissAnnouncement(id: string): Promise<void>;
  /** An event as an iCalendar file (`.ics`). */
  getAnnouncementEventCalendar(id: string): Promise<Blob>;
  /**
   * The address of the Atom feed of a product's news (of all news without one), to open in
   * this browser: sets Backstage's user cookie for the plugin first, since a tab sends no token.
   */
  getAnnouncementFeedUrl(productRef?: string): Promise<string>;
}
