import {
  PortfolioSort,
  ScorecardLevel,
} from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { PortfolioFilter, StoredPortfolioRow } from '../ScorecardStore';
import { num, numOrNull, ProductRow, PRODUCTS, toFigures } from './rows';

/** The column each sort orders by; `score` is the one that sorts highest first. */
const SORT_COLUMNS: Record<PortfolioSort, string> = {
  title: 'lower(title)',
  score: 'score',
  level: 'level_rank',
  nps: 'nps',
  adoptingTeams: 'adopting_teams',
  openPosts: 'open_posts',
  oldestUntriaged: 'oldest_untriaged_at',
  lastAnnouncement: 'last_announcement_at',
};

/**
 * The portfolio in one query of one table, whatever the number of products: the product rows,
 * filtered and sorted in SQL, each with the trend the evaluations keep on it (trend.ts), as the
 * JSON text it is stored in: the answer splices it in unparsed (views.ts `portfolioJson`).
 */
export async function portfolioRows(
  db: Knex,
  filter: PortfolioFilter,
): Promise<StoredPortfolioRow[]> {
  const query = db<ProductRow>(PRODUCTS);
  if (filter.owner) query.where('owner', filter.owner);
  if (filter.lifecycle) query.where('lifecycle', filter.lifecycle);
  if (filter.level === 'none') query.whereNull('level');
  else if (filter.level) query.where('level', filter.level);

  const { by, descending } = filter.sort;
  const column = SORT_COLUMNS[by];
  // score reads best first; every other key ascends unless reversed. Products without a
  // value come last either way (the engines disagree on where NULL sorts).
  const direction = (by === 'score') !== descending ? 'desc' : 'asc';
  query
    .orderByRaw(`(${column} is null) asc, ${column} ${direction}`)
    .orderByRaw('lower(title) asc')
    .orderBy('product_ref', 'asc');

  const rows: ProductRow[] = await query;
  return rows.map(row => ({
    productRef: row.product_ref,
    title: row.title,
    productManager: row.product_manager,
    owner: row.owner,
    lifecycle: row.lifecycle,
    score: num(row.score),
    level: row.level as ScorecardLevel | null,
    ...toFigures(row),
    scoreTrendJson: row.score_trend,
    npsBefore: numOrNull(row.nps_before),
    evaluatedAt: num(row.evaluated_at),
  }));
}
