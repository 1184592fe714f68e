import {
  isClosedRoadmapStatus,
  Roadmap,
  RoadmapHistoryEntry,
  RoadmapItem,
} from '@platform-product/plugin-platform-product-common';
import { iso } from '../shared/clock';
import {
  StoredHistoryEntry,
  StoredLinkedPost,
  StoredRoadmapItem,
} from './RoadmapStore';
import { horizonRank } from './store/rows';

/** An item as the API shows it, with its top linked posts (most voted first). */
export function itemView(
  item: StoredRoadmapItem,
  linkedPosts: StoredLinkedPost[],
): RoadmapItem {
  return {
    id: item.id,
    productRef: item.productRef,
    title: item.title,
    description: item.description,
    horizon: item.horizon,
    position: item.position,
    status: item.status,
    targetQuarter: item.targetQuarter,
    demand: {
      posts: item.postCount,
      people: item.peopleCount,
      votes: item.voteCount,
    },
    linkedPosts: linkedPosts
      .filter(post => post.itemId === item.id)
      .sort((a, b) => b.voteCount - a.voteCount || a.id.localeCompare(b.id))
      .map(post => ({
        id: post.id,
        entityRef: post.entityRef,
        type: post.type,
        title: post.title,
        status: post.status,
        voteCount: post.voteCount,
      })),
    createdBy: item.createdBy,
    createdAt: iso(item.createdAt),
    updatedAt: iso(item.updatedAt),
    closedAt: iso(item.closedAt),
  };
}

/**
 * A product's roadmap: open items by horizon (now, next, later) and position; shipped and
 * dropped ones in the history, the most recently closed first.
 */
export function roadmapView(
  productRef: string,
  items: StoredRoadmapItem[],
  linkedPosts: StoredLinkedPost[],
  lastUpdatedAt: number | null,
): Roadmap {
  const byItem = new Map<string, StoredLinkedPost[]>();
  for (const post of linkedPosts) {
    byItem.set(post.itemId, [...(byItem.get(post.itemId) ?? []), post]);
  }
  const view = (item: StoredRoadmapItem) =>
    itemView(item, byItem.get(item.id) ?? []);
  const open = items.filter(item => !isClosedRoadmapStatus(item.status));
  const closed = items.filter(item => isClosedRoadmapStatus(item.status));
  return {
    productRef,
    items: open
      .sort(
        (a, b) =>
          horizonRank(a.horizon) - horizonRank(b.horizon) ||
          a.position - b.position,
      )
      .map(view),
    history: closed
      .sort(
        (a, b) =>
          (b.closedAt ?? 0) - (a.closedAt ?? 0) || a.id.localeCompare(b.id),
      )
      .map(view),
    lastUpdatedAt: iso(lastUpdatedAt),
  };
}

export function historyView(entry: StoredHistoryEntry): RoadmapHistoryEntry {
  return {
    id: entry.id,
    itemId: entry.itemId,
    action: entry.action,
    actor: entry.actor,
    at: iso(entry.at),
    changes: entry.changes,
  };
}
