import {
  ScorecardLevel,
  ScorecardSnapshot,
} from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { chunks } from '../shared/chunks';
import { ProductEvaluation } from './ProductEvaluation';
import {
  PortfolioFilter,
  ProductInfo,
  RecordOutcome,
  ScorecardStore,
  StoredPortfolioRow,
  StoredScorecard,
} from './ScorecardStore';
import { portfolioRows } from './store/portfolio';
import { recordEvaluations } from './store/record';
import {
  CHECKS,
  CheckRow,
  num,
  ProductRow,
  PRODUCTS,
  SnapshotRow,
  SNAPSHOTS,
  toCheck,
  toSnapshot,
} from './store/rows';

/** Refs per `where in`: well under the bound-parameter limits. */
const REFS_PER_STATEMENT = 500;

export class DatabaseScorecardStore implements ScorecardStore {
  static create(db: Knex) {
    return new DatabaseScorecardStore(db);
  }

  private constructor(private readonly db: Knex) {}

  record(
    evaluations: ProductEvaluation[],
    products: ProductInfo[],
    now: number,
  ): Promise<RecordOutcome> {
    return recordEvaluations(this.db, evaluations, products, now);
  }

  async prune(
    keepProductRefs: string[],
    olderThanDay: string,
  ): Promise<{ products: number; snapshots: number }> {
    return this.db.transaction(async tx => {
      const keep = new Set(keepProductRefs);
      const stored: string[] = await tx(PRODUCTS).pluck('product_ref');
      const gone = stored.filter(ref => !keep.has(ref));
      let snapshots = 0;
      for (const refs of chunks(gone, REFS_PER_STATEMENT)) {
        await tx(PRODUCTS).whereIn('product_ref', refs).delete();
        await tx(CHECKS).whereIn('product_ref', refs).delete();
        snapshots += await tx(SNAPSHOTS).whereIn('product_ref', refs).delete();
      }
      snapshots += await tx(SNAPSHOTS).where('day', '<', olderThanDay).delete();
      return { products: gone.length, snapshots };
    });
  }

  async scorecard(productRef: string): Promise<StoredScorecard | undefined> {
    const [product, checks] = await Promise.all([
      this.db<ProductRow>(PRODUCTS).where('product_ref', productRef).first(),
      this.db<CheckRow>(CHECKS)
        .where('product_ref', productRef)
        .orderBy('position', 'asc'),
    ]);
    if (!product) return undefined;
    return {
      productRef: product.product_ref,
      score: num(product.score),
      level: product.level as ScorecardLevel | null,
      checks: checks.map(toCheck),
      evaluatedAt: num(product.evaluated_at),
    };
  }

  async history(
    productRef: string,
    sinceDay: string,
  ): Promise<ScorecardSnapshot[]> {
    const rows = await this.db<SnapshotRow>(SNAPSHOTS)
      .where('product_ref', productRef)
      .andWhere('day', '>=', sinceDay)
      .orderBy('day', 'asc');
    return rows.map(toSnapshot);
  }

  portfolio(filter: PortfolioFilter): Promise<StoredPortfolioRow[]> {
    return portfolioRows(this.db, filter);
  }
}
