import {
  ROADMAP_HORIZONS,
  RoadmapStatus,
} from '@platform-product/plugin-platform-product-common';
import {
  StoredHistoryEntry,
  StoredLinkedPost,
  StoredRoadmapItem,
} from '../RoadmapStore';

/** The tables' rows as the drivers return them: numbers may come as strings. */
export type ItemRow = {
  id: string;
  product_ref: string;
  title: string;
  description: string;
  horizon: string;
  position: number | string;
  status: string;
  target_quarter: string | null;
  created_by: string;
  created_at: number | string;
  updated_at: number | string;
  closed_at: number | string | null;
  post_count: number | string;
  vote_count: number | string;
  people_count: number | string;
};

export type HistoryRow = {
  id: number | string;
  item_id: string;
  action: string;
  actor: string;
  at: number | string;
  changes: string;
};

export type LinkedPostRow = {
  id: string;
  roadmap_item_id: string;
  entity_ref: string;
  type: string;
  title: string;
  status: string;
  vote_count: number | string;
};

/** The statuses of items in the Now / Next / Later columns. */
export const OPEN_STATUSES: RoadmapStatus[] = [
  'exploring',
  'planned',
  'in-progress',
];

export const toItem = (row: ItemRow): StoredRoadmapItem => ({
  id: row.id,
  productRef: row.product_ref,
  title: row.title,
  description: row.description,
  horizon: row.horizon as StoredRoadmapItem['horizon'],
  position: Number(row.position),
  status: row.status as RoadmapStatus,
  targetQuarter: row.target_quarter,
  createdBy: row.created_by,
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
  closedAt: row.closed_at === null ? null : Number(row.closed_at),
  postCount: Number(row.post_count),
  voteCount: Number(row.vote_count),
  peopleCount: Number(row.people_count),
});

/** The row of an item's fields (its demand counters are kept apart, see demand.ts). */
export const itemFieldsRow = (item: StoredRoadmapItem) => ({
  title: item.title,
  description: item.description,
  horizon: item.horizon,
  position: item.position,
  status: item.status,
  target_quarter: item.targetQuarter,
  updated_at: item.updatedAt,
  closed_at: item.closedAt,
});

export const newItemRow = (item: StoredRoadmapItem) => ({
  id: item.id,
  product_ref: item.productRef,
  created_by: item.createdBy,
  created_at: item.createdAt,
  ...itemFieldsRow(item),
});

export const toHistoryEntry = (row: HistoryRow): StoredHistoryEntry => ({
  id: String(row.id),
  itemId: row.item_id,
  action: row.action as StoredHistoryEntry['action'],
  actor: row.actor,
  at: Number(row.at),
  changes: JSON.parse(row.changes),
});

export const toLinkedPost = (row: LinkedPostRow): StoredLinkedPost => ({
  id: row.id,
  itemId: row.roadmap_item_id,
  entityRef: row.entity_ref,
  type: row.type as StoredLinkedPost['type'],
  title: row.title,
  status: row.status as StoredLinkedPost['status'],
  voteCount: Number(row.vote_count),
});

/** Horizons in their order (now, next, later): the sort key of open items. */
export const horizonRank = (horizon: string) =>
  ROADMAP_HORIZONS.indexOf(horizon as StoredRoadmapItem['horizon']);
