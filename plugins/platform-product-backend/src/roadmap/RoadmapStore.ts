import {
  FeedbackPostType,
  FeedbackStatus,
  RoadmapFieldChange,
  RoadmapHistoryAction,
  RoadmapHorizon,
  RoadmapItemSummary,
  RoadmapStatus,
} from '@platform-product/plugin-platform-product-common';
import { StoredPost } from '../feedback/FeedbackStore';

/** Times are epoch milliseconds. */
export interface StoredRoadmapItem {
  id: string;
  productRef: string;
  title: string;
  description: string;
  horizon: RoadmapHorizon;
  position: number;
  status: RoadmapStatus;
  targetQuarter: string | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  /** demand, kept on write */
  postCount: number;
  voteCount: number;
  peopleCount: number;
}

export type NewRoadmapItem = Pick<
  StoredRoadmapItem,
  | 'id'
  | 'productRef'
  | 'title'
  | 'description'
  | 'horizon'
  | 'status'
  | 'targetQuarter'
  | 'createdBy'
>;

/** A post an item carries, as the roadmap shows it. */
export interface StoredLinkedPost {
  id: string;
  itemId: string;
  entityRef: string;
  type: FeedbackPostType;
  title: string;
  status: FeedbackStatus;
  voteCount: number;
}

export interface StoredHistoryEntry {
  id: string;
  itemId: string;
  action: RoadmapHistoryAction;
  actor: string;
  at: number;
  changes: RoadmapFieldChange[];
}

/** Who writes, and when: every write records it in the item's history. */
export interface RoadmapWriter {
  actor: string;
  at: number;
}

/** Open items per horizon of a product, as they stand under the write's lock. */
export type HorizonSizes = Record<RoadmapHorizon, number>;

/** Linked posts in one of `from` move to `to` with the change (a ship moves them to done). */
export interface LinkedPostsMove {
  from: FeedbackStatus[];
  to: FeedbackStatus;
}

/** What a change does to an item, decided on the item as it stands under the lock. */
export interface RoadmapItemUpdate {
  action: RoadmapHistoryAction;
  title?: string;
  description?: string;
  targetQuarter?: string | null;
  horizon?: RoadmapHorizon;
  /** within the (target) horizon; without it, an item entering a horizon goes last */
  position?: number;
  status?: RoadmapStatus;
  linkedPosts?: LinkedPostsMove;
}

/**
 * Decides a change on the item and its product's open items as they stand under the lock;
 * throws to refuse it (nothing is written).
 */
export type PlanUpdate = (
  item: StoredRoadmapItem,
  sizes: HorizonSizes,
) => RoadmapItemUpdate;

/** Checks a link on the item and the post as they stand under the lock; throws to refuse it. */
export type CheckLink = (item: StoredRoadmapItem, post: StoredPost) => void;

export interface LinkOutcome {
  item: StoredRoadmapItem;
  post: StoredPost;
  /** the item that carried the post before, when it moved from another one */
  previousItemId: string | null;
  /** false when the post was already linked to the item: nothing was written */
  changed: boolean;
}

/** The people behind posts, to tell them what became of their requests. */
export interface PostPeople {
  /** named authors and voters, distinct user refs */
  named: string[];
  /** the encrypted refs of the anonymous authors (see AuthorIdentity) */
  anonymousAuthors: string[];
}

/**
 * Roadmap items with their order, history, links to feedback posts and the demand behind
 * them (kept on write). Every write runs in one transaction that first locks the product's
 * roadmap, so concurrent writes of one product leave one dense order per horizon.
 */
export interface RoadmapStore {
  /** Every item of the product, open and closed. */
  listItems(productRef: string): Promise<StoredRoadmapItem[]>;
  /** The time of the last change to the product's roadmap; null when it never had one. */
  lastUpdatedAt(productRef: string): Promise<number | null>;
  /** The most voted visible posts of each item, at most `perItem` each. */
  topLinkedPosts(
    itemIds: string[],
    perItem: number,
  ): Promise<StoredLinkedPost[]>;
  getItem(id: string): Promise<StoredRoadmapItem | undefined>;
  history(itemId: string): Promise<StoredHistoryEntry[]>;
  /** The summaries of these items, for the posts they carry. */
  summaries(itemIds: string[]): Promise<Map<string, RoadmapItemSummary>>;
  /** The authors and voters of the posts the item carries. */
  peopleOf(itemId: string): Promise<PostPeople>;
  /** The author and voters of one post. */
  peopleOfPost(postId: string): Promise<PostPeople>;
  /** Shipped items whose people have not all been told yet, shipped before `shippedBefore`. */
  untoldShipments(shippedBefore: number): Promise<StoredRoadmapItem[]>;
  /** Everyone behind the shipped item was told. */
  markShipmentTold(itemId: string, at: number): Promise<void>;

  /** Adds an item last in its horizon; `check` sees how many items the product has. */
  createItem(
    item: NewRoadmapItem,
    check: (itemCount: number) => void,
    writer: RoadmapWriter,
  ): Promise<StoredRoadmapItem>;
  /** Undefined when the item is gone. */
  updateItem(
    id: string,
    plan: PlanUpdate,
    writer: RoadmapWriter,
  ): Promise<StoredRoadmapItem | undefined>;
  /** Deletes the item and its history; its planned posts go back to acknowledged. */
  deleteItem(id: string, writer: RoadmapWriter): Promise<boolean>;

  /**
   * Links a post to the item, moving it from the item that carried it before; an open post
   * (new, acknowledged) becomes planned. Undefined when the item or the post is gone.
   */
  linkPost(
    itemId: string,
    postId: string,
    check: CheckLink,
    writer: RoadmapWriter,
  ): Promise<LinkOutcome | undefined>;
  /** Unlinks a post the item carries; a planned post goes back to acknowledged. */
  unlinkPost(
    itemId: string,
    postId: string,
    writer: RoadmapWriter,
  ): Promise<LinkOutcome | undefined>;
}
