import {
  CreateRoadmapItemRequest,
  Roadmap,
  RoadmapHistoryEntry,
  RoadmapItem,
  RoadmapLinkResult,
  UpdateRoadmapItemRequest,
} from '@platform-product/plugin-platform-product-common';

/**
 * The roadmap calls of the Platform Product backend: a product's items by horizon,
 * their history, and the feedback posts linked to them.
 *
 * @public
 */
export interface PlatformProductRoadmapApi {
  /** A product's open items (now, next, later), its shipped and dropped history. */
  getRoadmap(productRef: string): Promise<Roadmap>;
  /** A new item, at the end of its horizon. */
  createRoadmapItem(request: CreateRoadmapItemRequest): Promise<RoadmapItem>;
  /**
   * Edits, moves (horizon and/or 0-based position) or changes the status of an item;
   * `shipped` moves its linked posts to done and tells their authors and voters.
   */
  updateRoadmapItem(
    id: string,
    change: UpdateRoadmapItemRequest,
  ): Promise<RoadmapItem>;
  deleteRoadmapItem(id: string): Promise<void>;
  /** Links a feedback post to an item: an open post moves to planned. */
  linkRoadmapFeedback(
    id: string,
    feedbackId: string,
  ): Promise<RoadmapLinkResult>;
  unlinkRoadmapFeedback(
    id: string,
    feedbackId: string,
  ): Promise<RoadmapLinkResult>;
  /** Every change to an item (who, when, what), newest first. */
  getRoadmapItemHistory(id: string): Promise<RoadmapHistoryEntry[]>;
}
