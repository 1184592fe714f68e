import {
  RoadmapDemand,
  RoadmapHistoryAction,
  RoadmapHorizon,
  RoadmapStatus,
} from '@platform-product/plugin-platform-product-common';
import { statusChip } from '../shared/statusChip';

export const HORIZON_LABELS: Record<RoadmapHorizon, string> = {
  now: 'Now',
  next: 'Next',
  later: 'Later',
};

export const HORIZON_HINTS: Record<RoadmapHorizon, string> = {
  now: 'Being built',
  next: 'Coming up',
  later: 'On the horizon',
};

export const STATUS_LABELS: Record<RoadmapStatus, string> = {
  exploring: 'Exploring',
  planned: 'Planned',
  'in-progress': 'In progress',
  shipped: 'Shipped',
  dropped: 'Dropped',
};

export const ACTION_LABELS: Record<RoadmapHistoryAction, string> = {
  create: 'Created',
  update: 'Edited',
  move: 'Moved',
  ship: 'Shipped',
  drop: 'Dropped',
  reopen: 'Taken up again',
  link: 'Linked a request',
  unlink: 'Unlinked a request',
};

/** "1 request", "12 people". */
export function countOf(count: number, one: string, many = `${one}s`) {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** "3 requests · 12 people", what users asked for an item. */
export function demandLabel(demand: RoadmapDemand): string {
  if (!demand.posts) return 'No linked requests yet';
  return `${countOf(demand.posts, 'request')} · ${countOf(
    demand.people,
    'person',
    'people',
  )}`;
}

/** "2027-Q1" as people say it: "Q1 2027". */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-');
  return q ? `${q} ${year}` : quarter;
}

/** The quarter of a date, as the API writes it: "2027-Q1". */
export function quarterOf(date: Date): string {
  return `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1}`;
}

/** This quarter and the `count - 1` after it. */
export function upcomingQuarters(count: number, from = new Date()): string[] {
  const quarters: string[] = [];
  const year = from.getFullYear();
  const first = Math.floor(from.getMonth() / 3);
  for (let i = 0; i < count; i++) {
    quarters.push(
      `${year + Math.floor((first + i) / 4)}-Q${((first + i) % 4) + 1}`,
    );
  }
  return quarters;
}

export const RoadmapStatusChip = statusChip(
  'PlatformProductRoadmapStatusChip',
  STATUS_LABELS,
  theme => ({
    exploring: { backgroundColor: theme.palette.info.light },
    planned: {
      backgroundColor: theme.palette.primary.light,
      color: theme.palette.primary.contrastText,
    },
    'in-progress': { backgroundColor: theme.palette.warning.light },
    shipped: {
      backgroundColor: theme.palette.success.main,
      color: theme.palette.success.contrastText,
    },
    dropped: { backgroundColor: theme.palette.grey[300] },
  }),
);
