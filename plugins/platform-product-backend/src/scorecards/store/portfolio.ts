import {
  PortfolioSort,
  ScorecardLevel,
} from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { isPostgres } from '../../shared/sql';
import { PortfolioFilter, StoredPortfolioRow } from '../ScorecardStore';
import {
  num,
  numOrNull,
  ProductRow,
  PRODUCTS,
  SNAPSHOTS,
  toFigures,
} from './rows';

/** The column each sort orders by; `score` is the one that sorts highest first. */
const SORT_COLUMNS: Record<PortfolioSort, string> = {
  title: 'lower(p.title)',
  score: 'p.score',
  level: 'p.level_rank',
  nps: 'p.nps',
  adoptingTeams: 'p.adopting_teams',
  openPosts: 'p.open_posts',
  oldestUntriaged: 'p.oldest_untriaged_at',
  lastAnnouncement: 'p.last_announcement_at',
};

/** The days of the trend: the evaluation's day and the 29 before it. */
const TREND_DAYS = 30;
/** How far back the NPS the portfolio compares with lies. */
const NPS_BEFORE_DAYS = 30;

type PortfolioRow = ProductRow & {
  score_trend: string | null;
  nps_before: number | string | null;
};

/**
 * The portfolio in one query, whatever the number of products: the product rows, filtered and
 * sorted in SQL, each with its score trend (the snapshots of the last 30 days, aggregated into
 * one string) and its NPS 30 days before, both read from the snapshots' primary key.
 */
export async function portfolioRows(
  db: Knex,
  filter: PortfolioFilter,
): Promise<StoredPortfolioRow[]> {
  const postgres = isPostgres(db);
  // the UTC day `days` before the product's evaluation, as YYYY-MM-DD
  const daysBefore = (days: number) =>
    postgres
      ? `to_char((to_timestamp(p.evaluated_at / 1000) at time zone 'UTC') - interval '${days} days', 'YYYY-MM-DD')`
      : `date(p.evaluated_at / 1000, 'unixepoch', '-${days} days')`;
  const concat = postgres ? 'string_agg' : 'group_concat';

  const query = db<PortfolioRow>({ p: PRODUCTS }).select(
    'p.*',
    db.raw(
      `(select ${concat}(s.day || '=' || s.score, ',') from ${SNAPSHOTS} s where s.product_ref = p.product_ref and s.day >= ${daysBefore(
        TREND_DAYS - 1,
      )}) as score_trend`,
    ),
    db.raw(
      `(select s.nps from ${SNAPSHOTS} s where s.product_ref = p.product_ref and s.day = ${daysBefore(
        NPS_BEFORE_DAYS,
      )}) as nps_before`,
    ),
  );
  if (filter.owner) query.where('p.owner', filter.owner);
  if (filter.lifecycle) query.where('p.lifecycle', filter.lifecycle);
  if (filter.level === 'none') query.whereNull('p.level');
  else if (filter.level) query.where('p.level', filter.level);

  const { by, descending } = filter.sort;
  const column = SORT_COLUMNS[by];
  // score reads best first; every other key ascends unless reversed. Products without a
  // value come last either way (the engines disagree on where NULL sorts).
  const direction = (by === 'score') !== descending ? 'desc' : 'asc';
  query
    .orderByRaw(`(${column} is null) asc, ${column} ${direction}`)
    .orderByRaw('lower(p.title) asc')
    .orderBy('p.product_ref', 'asc');

  const rows = (await query) as PortfolioRow[];
  return rows.map(row => ({
    productRef: row.product_ref,
    title: row.title,
    productManager: row.product_manager,
    owner: row.owner,
    lifecycle: row.lifecycle,
    score: num(row.score),
    level: row.level as ScorecardLevel | null,
    ...toFigures(row),
    scoreTrend: trendOf(row.score_trend),
    npsBefore: numOrNull(row.nps_before),
    evaluatedAt: num(row.evaluated_at),
  }));
}

/** `2026-03-01=80,2026-03-02=85` (in any order) as points, oldest first. */
function trendOf(text: string | null): Array<{ day: string; score: number }> {
  if (!text) return [];
  return text
    .split(',')
    .map(point => {
      const [day, score] = point.split('=');
      return { day, score: Number(score) };
    })
    .sort((a, b) => a.day.localeCompare(b.day));
}
