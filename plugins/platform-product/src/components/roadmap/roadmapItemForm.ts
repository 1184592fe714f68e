import {
  CreateRoadmapItemRequest,
  quarterSchema,
  ROADMAP_TITLE_MAX,
  RoadmapHorizon,
  RoadmapItem,
  RoadmapStatus,
  UpdateRoadmapItemRequest,
} from '@platform-product/plugin-platform-product-common';

/**
 * The roadmap item form's model: its state, its checks and what it asks the server.
 * Pure: no React, no API.
 */

/** The statuses the form offers: shipping and dropping have their own actions. */
export const OPEN_STATUSES: RoadmapStatus[] = [
  'exploring',
  'planned',
  'in-progress',
];

export type RoadmapItemForm = {
  title: string;
  description: string;
  horizon: RoadmapHorizon;
  status: RoadmapStatus;
  /** '' for no target */
  targetQuarter: string;
};

/** The form for a new item in `horizon`, or filled in from `item` to edit it. */
export function formOf(
  item?: RoadmapItem,
  horizon: RoadmapHorizon = 'next',
): RoadmapItemForm {
  return {
    title: item?.title ?? '',
    description: item?.description ?? '',
    horizon: item?.horizon ?? horizon,
    status: item?.status ?? 'planned',
    targetQuarter: item?.targetQuarter ?? '',
  };
}

/** What is wrong with the form, by field; empty when it can be sent. */
export function problemsOf(form: RoadmapItemForm): Record<string, string> {
  const problems: Record<string, string> = {};
  const title = form.title.trim();
  if (!title) problems.title = 'Give the item a title';
  if (title.length > ROADMAP_TITLE_MAX) {
    problems.title = `At most ${ROADMAP_TITLE_MAX} characters (${title.length} now)`;
  }
  if (
    form.targetQuarter &&
    !quarterSchema.safeParse(form.targetQuarter).success
  ) {
    problems.targetQuarter = 'A quarter like 2027-Q1';
  }
  return problems;
}

/** POST /roadmap/items for the form. */
export function createRequestOf(
  form: RoadmapItemForm,
  productRef: string,
): CreateRoadmapItemRequest {
  return {
    productRef,
    title: form.title.trim(),
    description: form.description.trim(),
    horizon: form.horizon,
    status: form.status,
    targetQuarter: form.targetQuarter || null,
  };
}

/** PATCH /roadmap/items/:id with what the form changed in `item`; undefined when nothing. */
export function changeOf(
  form: RoadmapItemForm,
  item: RoadmapItem,
): UpdateRoadmapItemRequest | undefined {
  const before = formOf(item);
  const change: UpdateRoadmapItemRequest = {};
  if (form.title.trim() !== before.title) change.title = form.title.trim();
  if (form.description.trim() !== before.description.trim()) {
    change.description = form.description.trim();
  }
  if (form.horizon !== before.horizon) change.horizon = form.horizon;
  if (form.status !== before.status) change.status = form.status;
  if (form.targetQuarter !== before.targetQuarter) {
    change.targetQuarter = form.targetQuarter || null;
  }
  return Object.keys(change).length ? change : undefined;
}
