import {
  SCORECARD_LEVELS,
  ScorecardCheckResult,
  ScorecardCheckStatus,
  ScorecardLevel,
  ScorecardSnapshot,
  ScorecardValue,
} from '@platform-product/plugin-platform-product-common';
import { iso } from '../../shared/clock';
import { ProductEvaluation } from '../ProductEvaluation';
import { ProductInfo } from '../ScorecardStore';
import { StoredTrend } from './trend';
import { ColumnTypes } from './upsert';

/** Numbers as the drivers return them: bigint columns come as strings from PostgreSQL. */
type Num = number | string;

export type ProductRow = {
  product_ref: string;
  title: string;
  product_manager: string | null;
  owner: string | null;
  lifecycle: string | null;
  score: Num;
  level: string | null;
  level_rank: Num;
  nps: Num | null;
  adopting_teams: Num | null;
  open_posts: Num;
  oldest_untriaged_at: Num | null;
  last_announcement_at: Num | null;
  /** see trend.ts */
  score_trend: string;
  nps_before: Num | null;
  evaluated_at: Num;
  changed_at: Num;
};

export type CheckRow = {
  product_ref: string;
  check_id: string;
  position: Num;
  title: string;
  level: string | null;
  status: string;
  value: string;
  threshold: string;
  advice: string;
  weight: Num;
  changed_at: Num;
};

export type SnapshotRow = {
  product_ref: string;
  day: string;
  score: Num;
  level: string | null;
  nps: Num | null;
  adopting_teams: Num | null;
  open_posts: Num;
  oldest_untriaged_at: Num | null;
  last_announcement_at: Num | null;
};

export const PRODUCTS = 'scorecard_products';
export const CHECKS = 'scorecard_check_results';
export const SNAPSHOTS = 'scorecard_snapshots';

/** The columns of each table with their PostgreSQL types (the migration's), for upsertRows. */
export const PRODUCT_COLUMNS: Record<keyof ProductRow, ColumnTypes[string]> = {
  product_ref: 'text',
  title: 'text',
  product_manager: 'text',
  owner: 'text',
  lifecycle: 'text',
  score: 'double precision',
  level: 'text',
  level_rank: 'integer',
  nps: 'integer',
  adopting_teams: 'integer',
  open_posts: 'integer',
  oldest_untriaged_at: 'bigint',
  last_announcement_at: 'bigint',
  score_trend: 'text',
  nps_before: 'integer',
  evaluated_at: 'bigint',
  changed_at: 'bigint',
};
export const CHECK_COLUMNS: Record<keyof CheckRow, ColumnTypes[string]> = {
  product_ref: 'text',
  check_id: 'text',
  position: 'integer',
  title: 'text',
  level: 'text',
  status: 'text',
  value: 'text',
  threshold: 'text',
  advice: 'text',
  weight: 'double precision',
  changed_at: 'bigint',
};
export const SNAPSHOT_COLUMNS: Record<keyof SnapshotRow, ColumnTypes[string]> =
  {
    product_ref: 'text',
    day: 'text',
    score: 'double precision',
    level: 'text',
    nps: 'integer',
    adopting_teams: 'integer',
    open_posts: 'integer',
    oldest_untriaged_at: 'bigint',
    last_announcement_at: 'bigint',
  };

/** 0 below bronze, then 1, 2, 3: the order the portfolio sorts levels in. */
export const levelRank = (level: ScorecardLevel | null) =>
  level ? SCORECARD_LEVELS.indexOf(level) + 1 : 0;

const num = (value: Num) => Number(value);
const numOrNull = (value: Num | null) =>
  value === null ? null : Number(value);
const time = (value: string | null) => (value ? Date.parse(value) : null);

// what a row holds besides the times it was written: compared to decide whether to write it
type ProductContent = Omit<ProductRow, 'evaluated_at' | 'changed_at'>;
type CheckContent = Omit<CheckRow, 'changed_at'>;

export function productContent(
  evaluation: ProductEvaluation,
  info: ProductInfo,
  trend: StoredTrend,
): ProductContent {
  return {
    product_ref: evaluation.productRef,
    title: info.title,
    product_manager: info.productManager,
    owner: info.owner,
    lifecycle: info.lifecycle,
    score: evaluation.score,
    level: evaluation.level,
    level_rank: levelRank(evaluation.level),
    ...figureColumns(evaluation),
    score_trend: trend.scoreTrend,
    nps_before: trend.npsBefore,
  };
}

export function checkContents(evaluation: ProductEvaluation): CheckContent[] {
  return evaluation.checks.map((check, position) => ({
    product_ref: evaluation.productRef,
    check_id: check.id,
    position,
    title: check.title,
    level: check.level,
    status: check.status,
    value: JSON.stringify(check.value ?? null),
    threshold: JSON.stringify(check.threshold ?? null),
    advice: check.advice,
    weight: check.weight,
  }));
}

export function snapshotRow(
  evaluation: ProductEvaluation,
  day: string,
): SnapshotRow {
  return {
    product_ref: evaluation.productRef,
    day,
    score: evaluation.score,
    level: evaluation.level,
    ...figureColumns(evaluation),
  };
}

function figureColumns({ figures }: ProductEvaluation) {
  return {
    nps: figures.nps,
    adopting_teams: figures.adoptingTeams,
    open_posts: figures.openPosts,
    oldest_untriaged_at: time(figures.oldestUntriagedAt),
    last_announcement_at: time(figures.lastAnnouncementAt),
  };
}

/** Whether two rows hold the same values (numbers compared as numbers, whatever the driver gave). */
export function sameRow(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return Object.keys(left).every(key => {
    const x = left[key];
    const y = right[key];
    if (x === null || y === null || x === undefined || y === undefined) {
      return (x ?? null) === (y ?? null);
    }
    return typeof x === 'number' || typeof y === 'number'
      ? Number(x) === Number(y)
      : x === y;
  });
}

export const toCheck = (row: CheckRow): ScorecardCheckResult => ({
  id: row.check_id,
  title: row.title,
  level: row.level as ScorecardLevel | null,
  status: row.status as ScorecardCheckStatus,
  value: JSON.parse(row.value) as ScorecardValue,
  threshold: JSON.parse(row.threshold) as ScorecardValue,
  advice: row.advice,
  weight: num(row.weight),
});

export const toFigures = (row: ProductRow | SnapshotRow) => ({
  nps: numOrNull(row.nps),
  adoptingTeams: numOrNull(row.adopting_teams),
  openPosts: num(row.open_posts),
  oldestUntriagedAt: iso(numOrNull(row.oldest_untriaged_at)),
  lastAnnouncementAt: iso(numOrNull(row.last_announcement_at)),
});

export const toSnapshot = (row: SnapshotRow): ScorecardSnapshot => ({
  day: row.day,
  score: num(row.score),
  level: row.level as ScorecardLevel | null,
  ...toFigures(row),
});

export { num, numOrNull };
