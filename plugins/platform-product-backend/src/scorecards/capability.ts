import { scorecardRefreshPermission } from '@platform-product/plugin-platform-product-common';
import { ScorecardCheck } from '@platform-product/plugin-platform-product-node';
import { Capability, CapabilityEnv } from '../shared/capability';
import { readScorecardRunConfig } from './config';
import { DatabaseProductEvaluator } from './DatabaseProductEvaluator';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { createScorecardsRouter } from './router';
import { ScorecardAccess } from './ScorecardAccess';
import { scheduleScorecardRuns, ScorecardRun } from './ScorecardRun';
import { ScorecardService } from './ScorecardService';

/**
 * Scorecards: how well each product is run as a product (the built-in checks and the custom
 * ones that backend modules add through `platformProductScorecardsExtensionPoint`), evaluated
 * on a schedule once across replicas, stored with a daily history, and the portfolio of all
 * products. Registers `platform-product.scorecard.refresh`; reading takes
 * `platform-product.product.read`. A bad config stops the backend at start, naming its key.
 */
export async function createScorecardsCapability(
  env: CapabilityEnv,
  customChecks: ScorecardCheck[],
): Promise<Capability & { scorecards: ScorecardService }> {
  const { db, config, catalog, auth, logger } = env;
  env.permissionsRegistry.addPermissions([scorecardRefreshPermission]);
  const { schedule, batchSize, historyDays } = readScorecardRunConfig(config);
  const evaluator = await DatabaseProductEvaluator.create({
    db,
    config,
    catalog,
    auth,
    customChecks,
    logger,
  });
  const store = DatabaseScorecardStore.create(db);
  const run = new ScorecardRun({
    catalog,
    auth,
    evaluator,
    store,
    logger,
    batchSize,
    historyDays,
  });
  await scheduleScorecardRuns({
    scheduler: env.scheduler,
    schedule,
    logger,
    run,
  });
  const scorecards = ScorecardService.create({
    store,
    access: new ScorecardAccess(env.access),
    run,
    catalog,
    auth,
    auditor: env.auditor,
  });
  return {
    scorecards,
    router: createScorecardsRouter({ httpAuth: env.httpAuth, scorecards }),
  };
}
