import { Knex } from 'knex';
import { chunks } from '../../shared/chunks';
import { utcDay } from '../../shared/clock';
import { ProductEvaluation } from '../ProductEvaluation';
import { ProductInfo, RecordOutcome } from '../ScorecardStore';
import {
  CHECK_COLUMNS,
  CHECKS,
  checkContents,
  numOrNull,
  CheckRow,
  productContent,
  ProductRow,
  PRODUCT_COLUMNS,
  PRODUCTS,
  sameRow,
  snapshotRow,
  SNAPSHOT_COLUMNS,
  SnapshotRow,
  SNAPSHOTS,
} from './rows';
import { readTrendHistory, trendOf } from './trend';
import { upsertRows } from './upsert';

/** Rows per insert: under the bound-parameter limits of both engines. */
const ROWS_PER_STATEMENT = 500;

const key = (...parts: string[]) => JSON.stringify(parts);

/**
 * Stores a batch of evaluations, writing only what changed. One read of each table for the
 * whole batch gives the stored rows; then a row is upserted only where it differs (its
 * `changed_at` moves with it), a check no longer evaluated is deleted, and the products whose
 * row did not change get their `evaluated_at` moved in one statement. Today's snapshot is
 * upserted where it differs from the one stored, and with it the trend kept on the product's
 * row (one more read, of the days before). So a run that finds nothing new reads three times
 * and writes one statement per batch, and the tables grow with products and days, not runs.
 */
export async function recordEvaluations(
  db: Knex,
  batch: ProductEvaluation[],
  products: ProductInfo[],
  now: number,
): Promise<RecordOutcome> {
  // one evaluation per product, the last winning: an upsert may not touch a row twice
  const evaluations = [...new Map(batch.map(e => [e.productRef, e])).values()];
  if (!evaluations.length) return { products: 0, checks: 0, snapshots: 0 };
  const infos = new Map(products.map(info => [info.productRef, info]));
  const refs = evaluations.map(e => e.productRef);
  const day = utcDay(now);

  return db.transaction(async tx => {
    const storedProducts = new Map(
      (await tx<ProductRow>(PRODUCTS).whereIn('product_ref', refs)).map(row => [
        row.product_ref,
        row,
      ]),
    );
    const storedChecks = new Map(
      (await tx<CheckRow>(CHECKS).whereIn('product_ref', refs)).map(row => [
        key(row.product_ref, row.check_id),
        row,
      ]),
    );
    const storedSnapshots = new Map(
      (
        await tx<SnapshotRow>(SNAPSHOTS)
          .whereIn('product_ref', refs)
          .andWhere('day', day)
      ).map(row => [row.product_ref, row]),
    );

    // a product's trend moves with today's snapshot: the days before are read back (one query)
    // for the products whose snapshot changes, or that have no row yet
    const snapshots = evaluations.map(e => snapshotRow(e, day));
    const changedSnapshots = snapshots.filter(snapshot => {
      const stored = storedSnapshots.get(snapshot.product_ref);
      return !stored || !sameRow(snapshot, stored);
    });
    const retrend = new Set([
      ...changedSnapshots.map(snapshot => snapshot.product_ref),
      ...refs.filter(ref => !storedProducts.has(ref)),
    ]);
    const history = await readTrendHistory(tx, [...retrend], day);

    const changedProducts: ProductRow[] = [];
    const unchangedProducts: string[] = [];
    const changedChecks: CheckRow[] = [];
    for (const evaluation of evaluations) {
      const ref = evaluation.productRef;
      const info = infos.get(ref);
      if (!info) {
        throw new Error(`No product info for the evaluation of '${ref}'`);
      }
      const stored = storedProducts.get(ref);
      const trend =
        retrend.has(ref) || !stored
          ? trendOf(history.get(ref) ?? [], day, evaluation.score)
          : {
              scoreTrend: stored.score_trend,
              npsBefore: numOrNull(stored.nps_before),
            };
      const product = productContent(evaluation, info, trend);
      if (stored && sameRow(product, stored)) {
        unchangedProducts.push(ref);
      } else {
        changedProducts.push({
          ...product,
          evaluated_at: now,
          changed_at: now,
        });
      }
      for (const check of checkContents(evaluation)) {
        const storedCheck = storedChecks.get(
          key(check.product_ref, check.check_id),
        );
        storedChecks.delete(key(check.product_ref, check.check_id));
        if (!storedCheck || !sameRow(check, storedCheck)) {
          changedChecks.push({ ...check, changed_at: now });
        }
      }
    }
    // what is left of the stored checks was not evaluated this time (a check removed)
    const goneChecks = [...storedChecks.values()].map(row => [
      row.product_ref,
      row.check_id,
    ]);

    await upsertRows(
      tx,
      PRODUCTS,
      changedProducts,
      ['product_ref'],
      PRODUCT_COLUMNS,
    );
    if (unchangedProducts.length) {
      await tx(PRODUCTS)
        .whereIn('product_ref', unchangedProducts)
        .update({ evaluated_at: now });
    }
    await upsertRows(
      tx,
      CHECKS,
      changedChecks,
      ['product_ref', 'check_id'],
      CHECK_COLUMNS,
    );
    for (const pairs of chunks(goneChecks, ROWS_PER_STATEMENT)) {
      await tx(CHECKS).whereIn(['product_ref', 'check_id'], pairs).delete();
    }
    await upsertRows(
      tx,
      SNAPSHOTS,
      changedSnapshots,
      ['product_ref', 'day'],
      SNAPSHOT_COLUMNS,
    );
    return {
      products: changedProducts.length,
      checks: changedChecks.length + goneChecks.length,
      snapshots: changedSnapshots.length,
    };
  });
}
