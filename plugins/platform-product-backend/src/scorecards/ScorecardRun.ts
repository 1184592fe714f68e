import { loggedRun } from '../shared/taskRun';
import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import { clockOf, utcDay } from '../shared/clock';
import { ProductEvaluator } from './ProductEvaluation';
import { productInfoOf, productPages } from './products';
import { RecordOutcome, ScorecardStore } from './ScorecardStore';

export const SCORECARD_TASK_ID = 'platform-product-scorecards';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one run did. */
export interface RunOutcome {
  products: number;
  written: RecordOutcome;
  pruned: { products: number; snapshots: number };
}

export type ScorecardRunOptions = {
  catalog: CatalogService;
  auth: AuthService;
  evaluator: ProductEvaluator;
  store: ScorecardStore;
  logger: LoggerService;
  batchSize: number;
  historyDays: number;
  now?: () => number;
};

/**
 * Evaluates products and stores their scorecards: every product of the catalog in a run (a page
 * of `batchSize` at a time: one evaluation and one write per page), or a few now (a refresh, a
 * product viewed before its first run).
 */
export class ScorecardRun {
  private readonly now: () => number;

  constructor(private readonly options: ScorecardRunOptions) {
    this.now = clockOf(options.now);
  }

  /** Evaluates these products now and stores the result. */
  async evaluateNow(
    products: PlatformProductEntityV1alpha1[],
  ): Promise<RecordOutcome> {
    const evaluations = await this.options.evaluator.evaluate(products);
    return this.options.store.record(
      evaluations,
      products.map(productInfoOf),
      this.now(),
    );
  }

  /**
   * One run over the whole catalog, then the pruning: the products it did not see (gone from
   * the catalog) and the snapshots older than `historyDays`. A batch that fails is logged and
   * the run goes on; its products are kept, and the run fails at the end, naming how many.
   */
  async run(): Promise<RunOutcome> {
    const { catalog, auth, store, logger, batchSize } = this.options;
    const seen: string[] = [];
    const written: RecordOutcome = { products: 0, checks: 0, snapshots: 0 };
    let failed = 0;
    for await (const page of productPages(catalog, auth, batchSize)) {
      if (!page.length) continue;
      seen.push(...page.map(product => productInfoOf(product).productRef));
      try {
        const outcome = await this.evaluateNow(page);
        written.products += outcome.products;
        written.checks += outcome.checks;
        written.snapshots += outcome.snapshots;
      } catch (error) {
        failed += page.length;
        logger.error(
          `Could not evaluate the scorecards of ${page.length} products`,
          error as Error,
        );
      }
    }
    // an empty catalog is more likely one that has not loaded yet than one without products:
    // the stored scorecards and their history stay
    const pruned = seen.length
      ? await store.prune(seen, this.oldestDayKept())
      : { products: 0, snapshots: 0 };
    if (failed) {
      throw new Error(
        `The scorecards of ${failed} of ${seen.length} products could not be evaluated (see the errors above)`,
      );
    }
    return { products: seen.length, written, pruned };
  }

  private oldestDayKept() {
    return utcDay(this.now() - (this.options.historyDays - 1) * DAY_MS);
  }
}

/** The run on the scheduler: once across replicas, as task `platform-product-scorecards`. */
export async function scheduleScorecardRuns(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  logger: LoggerService;
  run: ScorecardRun;
}) {
  const { scheduler, schedule, logger, run } = options;
  await scheduler.scheduleTask({
    id: SCORECARD_TASK_ID,
    ...schedule,
    // one replica evaluates each run, whatever the config says: the others wait for the next
    scope: 'global',
    fn: loggedRun(logger, SCORECARD_TASK_ID, async () => {
      const { products, written, pruned } = await run.run();
      logger.info(
        `Evaluated the scorecards of ${products} platform products: ${written.products} products, ${written.checks} check results and ${written.snapshots} snapshots changed; pruned ${pruned.products} products and ${pruned.snapshots} snapshots`,
      );
    }),
  });
}
