import { AuditorService, AuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  portfolioQuerySchema,
  ProductScorecard,
  refreshScorecardSchema,
  scorecardHistoryQuerySchema,
  ScorecardSnapshot,
  scorecardQuerySchema,
} from '@platform-product/plugin-platform-product-common';
import { audited } from '../shared/audited';
import { RequestContext, requireUser } from '../shared/caller';
import { clockOf, utcDay } from '../shared/clock';
import { parseInput } from '../shared/validation';
import { currentProduct } from './products';
import { ScorecardAccess } from './ScorecardAccess';
import { ScorecardRun } from './ScorecardRun';
import { ScorecardStore, StoredPortfolioRow } from './ScorecardStore';
import { portfolioCsv, portfolioJson, scorecardView } from './views';

const DAY_MS = 24 * 60 * 60 * 1000;

export type ScorecardServiceOptions = {
  store: ScorecardStore;
  access: ScorecardAccess;
  run: ScorecardRun;
  catalog: CatalogService;
  auth: AuthService;
  auditor: AuditorService;
  now?: () => number;
};

/**
 * Scorecards and the portfolio, read from the stored results of the scheduled run. A product
 * the catalog has but no run has evaluated yet is evaluated when first asked for; a refresh
 * evaluates one product now, as its team asks.
 */
export class ScorecardService {
  static create(options: ScorecardServiceOptions) {
    return new ScorecardService(options);
  }

  private readonly now: () => number;

  private constructor(private readonly options: ScorecardServiceOptions) {
    this.now = clockOf(options.now);
  }

  async getScorecard(
    query: unknown,
    ctx: RequestContext,
  ): Promise<ProductScorecard> {
    const { productRef } = parseInput(scorecardQuerySchema, query);
    const { store, access, run } = this.options;
    const product = await access.readable(productRef, ctx.credentials);
    let stored = await store.scorecard(productRef);
    if (!stored) {
      await run.evaluateNow([product]);
      stored = await store.scorecard(productRef);
    }
    return scorecardView(stored!);
  }

  /** The product's snapshots of the last `days` days (today included), oldest first. */
  async getHistory(
    query: unknown,
    ctx: RequestContext,
  ): Promise<ScorecardSnapshot[]> {
    const { productRef, days } = parseInput(scorecardHistoryQuerySchema, query);
    await this.options.access.readable(productRef, ctx.credentials);
    return this.options.store.history(
      productRef,
      utcDay(this.now() - (days - 1) * DAY_MS),
    );
  }

  /** Evaluates the product now, as the catalog has it, and answers its new scorecard. */
  async refresh(
    input: unknown,
    ctx: RequestContext,
  ): Promise<ProductScorecard> {
    requireUser(ctx.credentials);
    const { productRef } = parseInput(refreshScorecardSchema, input);
    const { store, access, run, catalog, auth, auditor } = this.options;
    await access.refresher(productRef, ctx.credentials);
    const stored = await audited(
      auditor,
      { eventId: 'platform-product-scorecard-refresh', meta: { productRef } },
      ctx,
      async () => {
        const product = await currentProduct(catalog, auth, productRef);
        if (!product) {
          throw new NotFoundError(
            `No PlatformProduct '${productRef}' in the catalog`,
          );
        }
        await run.evaluateNow([product]);
        return store.scorecard(productRef);
      },
    );
    return scorecardView(stored!);
  }

  /** The JSON of the `Portfolio` (views.ts `portfolioJson`: the stored trends go in as they are). */
  async getPortfolioJson(query: unknown, ctx: RequestContext): Promise<string> {
    return portfolioJson(await this.portfolioRows(query, ctx));
  }

  async exportPortfolio(query: unknown, ctx: RequestContext): Promise<string> {
    return portfolioCsv(await this.portfolioRows(query, ctx));
  }

  /** The stored products matching the query that the caller may read, in its order. */
  private async portfolioRows(
    query: unknown,
    ctx: RequestContext,
  ): Promise<StoredPortfolioRow[]> {
    const filter = parseInput(portfolioQuerySchema, query);
    const rows = await this.options.store.portfolio(filter);
    const readable = await this.options.access.readableAmong(
      rows.map(row => row.productRef),
      ctx.credentials,
    );
    return rows.filter(row => readable.has(row.productRef));
  }
}
