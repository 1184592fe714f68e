import {
  AnnouncementType,
  EventKind,
} from '@platform-product/plugin-platform-product-common';

/** A post as stored. Times are epoch milliseconds. */
export interface StoredAnnouncement {
  id: string;
  /** null for a global post */
  productRef: string | null;
  type: AnnouncementType;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  pinned: boolean;
  draft: boolean;
  authorRef: string;
  onBehalfOf: string | null;
  publishAt: number | null;
  publishedAt: number | null;
  expiresAt: number | null;
  effectiveAt: number | null;
  event: {
    kind: EventKind;
    start: number;
    end: number;
    location: string | null;
  } | null;
  deliveredAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** A post with the caller's marks, as lists and reads return it. */
export interface AnnouncementWithMarks extends StoredAnnouncement {
  readAt: number | null;
  acknowledgedAt: number | null;
}

export type NewAnnouncement = Omit<
  StoredAnnouncement,
  'publishedAt' | 'deliveredAt' | 'updatedAt'
>;

/** The fields an update may change. */
export type AnnouncementChange = Partial<
  Pick<
    StoredAnnouncement,
    | 'type'
    | 'title'
    | 'summary'
    | 'body'
    | 'tags'
    | 'pinned'
    | 'draft'
    | 'onBehalfOf'
    | 'publishAt'
    | 'expiresAt'
    | 'effectiveAt'
    | 'event'
  >
>;

export interface AnnouncementQuery {
  /**
   * Which posts: of these products, and the global ones when `global` is set. Without
   * `productRefs`, of every product.
   */
  productRefs?: string[];
  global: boolean;
  type?: AnnouncementType;
  tag?: string;
  /** matched case-insensitively anywhere in title, summary or body */
  q?: string;
  /** events that have not ended, soonest first */
  upcoming: boolean;
  /** only posts the viewer has not read */
  unread: boolean;
  /** the caller's read marks come with each item; absent for services */
  viewerRef?: string;
  /**
   * Also the unpublished and expired posts of these products (of every product without
   * `productRefs`; and global ones when `global` is set): the ones the caller may edit.
   */
  editable?: { productRefs?: string[]; global: boolean };
  now: number;
  limit: number;
  cursor?: string;
}

export interface AnnouncementPage {
  items: AnnouncementWithMarks[];
  /** exact up to ANNOUNCEMENT_TOTAL_COUNT_CAP, that cap beyond (then totalCountCapped) */
  totalCount: number;
  totalCountCapped: boolean;
  nextCursor: string | null;
  /**
   * published, unexpired posts in the same products / global scope the viewer has not read:
   * exact up to ANNOUNCEMENT_UNREAD_COUNT_CAP, that cap beyond (then unreadCountCapped)
   */
  unreadCount: number;
  unreadCountCapped: boolean;
}

export interface DeliveryRecipient {
  userRef: string;
  teamRef: string | null;
}

export interface ReachCounts {
  audienceUsers: number;
  readUsers: number;
  acknowledgedUsers: number;
  audienceTeams: number;
  reachedTeams: number;
  acknowledgedTeams: number;
  /** audience members who have not acknowledged, by team, sorted */
  pendingAcknowledgement: Array<{ team: string | null; users: string[] }>;
}

/** The posts: their fields and tags, the lists and the banners. */
export interface AnnouncementPostStore {
  /** Stores the post and its tags; `publishedAt` set means it is published right away. */
  create(
    post: NewAnnouncement & { publishedAt: number | null },
  ): Promise<StoredAnnouncement>;
  get(
    id: string,
    viewerRef?: string,
  ): Promise<AnnouncementWithMarks | undefined>;
  /**
   * Applies the change when the post was not updated since `expectedUpdatedAt`;
   * undefined when it is gone or changed meanwhile. `publishedAt` publishes it.
   */
  update(
    id: string,
    change: AnnouncementChange & { publishedAt?: number },
    expectedUpdatedAt: number,
    updatedAt: number,
  ): Promise<StoredAnnouncement | undefined>;
  delete(id: string): Promise<boolean>;
  list(query: AnnouncementQuery): Promise<AnnouncementPage>;
  /** The products that have published or (with `includeUnpublished`) any posts. */
  productRefsWithPosts(includeUnpublished: boolean): Promise<string[]>;
  /** Pinned banner-type posts, published and unexpired, the user has not dismissed; newest first. */
  banners(query: {
    productRef: string | null;
    types: string[];
    viewerRef?: string;
    now: number;
  }): Promise<StoredAnnouncement[]>;
}

/** What each reader did: reads, acknowledgements, dismissed banners, followed products. */
export interface AnnouncementReaderStore {
  /** Marks the post read by the user; idempotent, the first time kept. */
  markRead(id: string, userRef: string, now: number): Promise<void>;
  /** Marks the post read and acknowledged by the user; idempotent, the first times kept. */
  acknowledge(id: string, userRef: string, now: number): Promise<void>;
  dismiss(id: string, userRef: string, now: number): Promise<void>;
  follow(productRef: string, userRef: string, now: number): Promise<void>;
  unfollow(productRef: string, userRef: string): Promise<void>;
  /** Whether the user follows the product (none for a service), and how many do. */
  followState(
    productRef: string,
    userRef?: string,
  ): Promise<{ following: boolean; followers: number }>;
  followers(productRef: string): Promise<string[]>;
}

/** The delivery queue: due posts, one claim across replicas, the audience notified in batches. */
export interface AnnouncementDeliveryQueue {
  /** Ids of posts due for delivery: not drafts, publishAt reached, undelivered, unclaimed or claimed before `staleBefore`. */
  dueForDelivery(
    now: number,
    staleBefore: number,
    limit: number,
  ): Promise<string[]>;
  /**
   * Claims the post's delivery when it is still due (a conditional UPDATE: one winner
   * across replicas), publishing it if it was not yet. Returns the post when claimed.
   */
  claimDelivery(
    id: string,
    claim: string,
    now: number,
    staleBefore: number,
  ): Promise<(StoredAnnouncement & { audienceRecorded: boolean }) | undefined>;
  /** Records the audience (once per post) while the claim holds; false when it was lost. */
  recordAudience(
    id: string,
    claim: string,
    recipients: DeliveryRecipient[],
    now: number,
  ): Promise<boolean>;
  /** Audience members not notified yet, in a stable order. */
  pendingRecipients(id: string, limit: number): Promise<string[]>;
  /** Marks them notified and renews the claim; false when the claim was lost. */
  markNotified(
    id: string,
    claim: string,
    userRefs: string[],
    now: number,
  ): Promise<boolean>;
  /** Ends the delivery while the claim holds; false when it was lost. */
  finishDelivery(id: string, claim: string, now: number): Promise<boolean>;
  /** Gives an unfinished delivery up while the claim holds, for the next run to resume. */
  releaseDelivery(id: string, claim: string): Promise<void>;
}

/** Announcements with their tags, reader state, reach and delivery queue. */
export interface AnnouncementStore
  extends AnnouncementPostStore,
    AnnouncementReaderStore,
    AnnouncementDeliveryQueue {
  /** How far a post reached its audience (recorded at delivery). */
  reach(id: string): Promise<ReachCounts>;
}
