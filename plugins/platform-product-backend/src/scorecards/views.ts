import {
  PortfolioItem,
  ProductScorecard,
} from '@platform-product/plugin-platform-product-common';
import { toCsv } from '../feedback/csv';
import { iso } from '../shared/clock';
import { StoredPortfolioRow, StoredScorecard } from './ScorecardStore';

export function scorecardView(stored: StoredScorecard): ProductScorecard {
  return {
    productRef: stored.productRef,
    level: stored.level,
    score: stored.score,
    checks: stored.checks,
    evaluatedAt: iso(stored.evaluatedAt),
  };
}

export function portfolioItemView(row: StoredPortfolioRow): PortfolioItem {
  return {
    productRef: row.productRef,
    title: row.title,
    productManager: row.productManager,
    owner: row.owner,
    lifecycle: row.lifecycle,
    level: row.level,
    score: row.score,
    scoreTrend: row.scoreTrend,
    nps: row.nps,
    npsBefore: row.npsBefore,
    adoptingTeams: row.adoptingTeams,
    openPosts: row.openPosts,
    oldestUntriagedAt: row.oldestUntriagedAt,
    lastAnnouncementAt: row.lastAnnouncementAt,
    evaluatedAt: iso(row.evaluatedAt),
  };
}

/** The portfolio as a spreadsheet: one line per product, in the order of the page. */
export function portfolioCsv(items: PortfolioItem[]): string {
  return toCsv(
    [
      'product',
      'title',
      'product manager',
      'owner',
      'lifecycle',
      'level',
      'score',
      'nps',
      'nps 30 days before',
      'adopting teams',
      'open posts',
      'oldest untriaged post',
      'last announcement',
      'evaluated at',
    ],
    items.map(item => [
      item.productRef,
      item.title,
      item.productManager,
      item.owner,
      item.lifecycle,
      item.level ?? 'none',
      item.score,
      item.nps,
      item.npsBefore,
      item.adoptingTeams,
      item.openPosts,
      item.oldestUntriagedAt,
      item.lastAnnouncementAt,
      item.evaluatedAt,
    ]),
  );
}
