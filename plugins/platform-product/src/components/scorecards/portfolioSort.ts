import {
  PORTFOLIO_SORTS,
  PortfolioSort,
} from '@platform-product/plugin-platform-product-common';

export type SortDirection = 'asc' | 'desc';

/** The portfolio's order as the table shows it: a column and a direction. */
export type PortfolioOrder = { by: PortfolioSort; direction: SortDirection };

export const DEFAULT_ORDER: PortfolioOrder = { by: 'title', direction: 'asc' };

/** The direction a column sorts in when first clicked: names A to Z, numbers and dates highest first. */
const FIRST_DIRECTION: Record<PortfolioSort, SortDirection> = {
  title: 'asc',
  score: 'desc',
  level: 'desc',
  nps: 'desc',
  adoptingTeams: 'desc',
  openPosts: 'desc',
  oldestUntriaged: 'asc',
  lastAnnouncement: 'desc',
};

/**
 * The server's `sort`: `score` sorts highest first and `-score` lowest first; every
 * other key ascends and `-key` descends.
 */
export function sortParam(order: PortfolioOrder): string {
  const descendsByDefault = order.by === 'score';
  const reversed = descendsByDefault
    ? order.direction === 'asc'
    : order.direction === 'desc';
  return reversed ? `-${order.by}` : order.by;
}

/** The order a `sort` parameter stands for; the default for none or an unknown one. */
export function orderOf(param: string | null | undefined): PortfolioOrder {
  if (!param) return DEFAULT_ORDER;
  const reversed = param.startsWith('-');
  const by = (reversed ? param.slice(1) : param) as PortfolioSort;
  if (!PORTFOLIO_SORTS.includes(by)) return DEFAULT_ORDER;
  const descendsByDefault = by === 'score';
  return { by, direction: descendsByDefault !== reversed ? 'desc' : 'asc' };
}

/** The order after a click on a column's header: the other way on the current column. */
export function clicked(
  order: PortfolioOrder,
  column: PortfolioSort,
): PortfolioOrder {
  if (order.by !== column) {
    return { by: column, direction: FIRST_DIRECTION[column] };
  }
  return { by: column, direction: order.direction === 'asc' ? 'desc' : 'asc' };
}
