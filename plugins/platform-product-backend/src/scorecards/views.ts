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

/** A portfolio item but its trend (which stays the stored JSON text). */
type PortfolioItemFields = Omit<PortfolioItem, 'scoreTrend'>;

function portfolioItemFields(row: StoredPortfolioRow): PortfolioItemFields {
  return {
    productRef: row.productRef,
    title: row.title,
    productManager: row.productManager,
    owner: row.owner,
    lifecycle: row.lifecycle,
    level: row.level,
    score: row.score,
    nps: row.nps,
    npsBefore: row.npsBefore,
    adoptingTeams: row.adoptingTeams,
    openPosts: row.openPosts,
    oldestUntriagedAt: row.oldestUntriagedAt,
    lastAnnouncementAt: row.lastAnnouncementAt,
    evaluatedAt: iso(row.evaluatedAt),
  };
}

/**
 * The JSON of the `Portfolio` of these rows. Each row's trend is the stored JSON of its
 * `ScoreTrend` (store/trend.ts writes it with JSON.stringify): it goes into the answer as is,
 * instead of being parsed and serialized again for each of 1,000 products (issue 13).
 */
export function portfolioJson(rows: StoredPortfolioRow[]): string {
  const items = rows.map(row => {
    const fields = JSON.stringify(portfolioItemFields(row));
    // the item's object without its closing brace, then the trend
    return `${fields.slice(0, -1)},"scoreTrend":${row.scoreTrendJson}}`;
  });
  return `{"items":[${items.join(',')}]}`;
}

/** The portfolio as a spreadsheet: one line per product, in the order of the page. */
export function portfolioCsv(rows: StoredPortfolioRow[]): string {
  const items = rows.map(portfolioItemFields);
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
