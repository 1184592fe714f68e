import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  computeNps,
  lastMonths,
  PlatformProductEntityV1alpha1,
  SCORECARD_CHECK_STATUSES,
  ScorecardValue,
} from '@platform-product/plugin-platform-product-common';
import {
  ScorecardCheck,
  ScorecardCheckOutcome,
} from '@platform-product/plugin-platform-product-node';
import { Knex } from 'knex';
import { lower } from '../shared/caller';
import { chunks } from '../shared/chunks';
import { clockOf, iso } from '../shared/clock';
import { BuiltInCheck, builtInChecks, ProductManagerFact } from './checks';
import { daysInMs } from './checks/format';
import { grade } from './grading';
import { ProductEvaluation, ProductEvaluator } from './ProductEvaluation';
import { readScorecardSettings, ScorecardSettings } from './ScorecardConfig';
import { MetricWindows, readProductMetrics } from './store/metrics';

/**
 * Evaluates a batch of products: the other capabilities' metrics in 3 queries per 500
 * products (store/metrics.ts) and the product managers in one catalog request per 500,
 * whatever the batch size; then every check, the custom ones with the whole batch, and the
 * grade. The configuration is validated by `create`, so a wrong one stops the backend at start.
 */
export class DatabaseProductEvaluator implements ProductEvaluator {
  static create(options: {
    db: Knex;
    config: Config;
    catalog: CatalogService;
    auth: AuthService;
    customChecks: ScorecardCheck[];
    now?: () => number;
    /** where a custom check that throws is reported */
    logger?: LoggerService;
  }) {
    const settings = readScorecardSettings(
      options.config,
      options.customChecks,
    );
    return new DatabaseProductEvaluator(options, settings);
  }

  private readonly now: () => number;
  private readonly builtIns: Map<string, BuiltInCheck>;

  private constructor(
    private readonly options: {
      db: Knex;
      catalog: CatalogService;
      auth: AuthService;
      customChecks: ScorecardCheck[];
      now?: () => number;
      logger?: LoggerService;
    },
    private readonly settings: ScorecardSettings,
  ) {
    this.now = clockOf(options.now);
    this.builtIns = new Map(
      builtInChecks(settings.thresholds).map(check => [check.id, check]),
    );
  }

  async evaluate(
    products: PlatformProductEntityV1alpha1[],
  ): Promise<ProductEvaluation[]> {
    if (!products.length) return [];
    const now = this.now();
    const refs = products.map(product => lower(stringifyEntityRef(product)));
    const [metrics, managers, custom] = await Promise.all([
      readProductMetrics(this.options.db, refs, this.windows(now)),
      this.productManagers(products),
      this.runCustomChecks(products),
    ]);

    return products.map((entity, i) => {
      const m = metrics.get(refs[i])!;
      const facts = { entity, productManager: managers[i], metrics: m, now };
      const checks = this.settings.order.map(id => {
        const check = this.builtIns.get(id) ?? custom.get(id)!.check;
        const outcome = this.builtIns.has(id)
          ? this.builtIns.get(id)!.evaluate(facts)
          : custom.get(id)!.outcomes[i];
        return {
          id,
          title: check.title,
          level: this.settings.levels.get(id) ?? null,
          status: outcome.status,
          value: outcome.value ?? null,
          threshold: outcome.threshold ?? null,
          advice: outcome.advice ?? check.advice,
          weight: this.settings.weights.get(id) ?? 1,
        };
      });
      return {
        productRef: refs[i],
        ...grade(checks),
        checks,
        figures: {
          nps: computeNps(m.nps),
          adoptingTeams: m.adoptingTeams,
          openPosts: m.openPosts,
          oldestUntriagedAt: iso(m.untriaged.oldestAt),
          lastAnnouncementAt: iso(m.lastAnnouncementAt),
        },
      };
    });
  }

  private windows(now: number): MetricWindows {
    const { thresholds } = this.settings;
    return {
      now,
      responsesSince: now - daysInMs(thresholds['feedback-responses'].days),
      npsMonths: lastMonths(now, thresholds.nps.months),
      replyMonths: lastMonths(now, thresholds['first-reply'].months),
      staleBefore: now - daysInMs(thresholds['no-stale-posts'].days),
    };
  }

  /** Each product's manager as the catalog knows them: one request per 500 distinct refs. */
  private async productManagers(
    products: PlatformProductEntityV1alpha1[],
  ): Promise<ProductManagerFact[]> {
    const named = products.map(namedManager);
    const refs = [
      ...new Set(
        named.flatMap(fact => (fact.state === 'missing' ? [fact.ref] : [])),
      ),
    ];
    const users = new Set<string>();
    if (refs.length) {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      for (const part of chunks(refs, 500)) {
        const { items } = await this.options.catalog.getEntitiesByRefs(
          {
            entityRefs: part,
            fields: ['kind', 'metadata.name', 'metadata.namespace'],
          },
          { credentials },
        );
        items.forEach((entity, i) => {
          if (entity && lower(entity.kind) === 'user') users.add(part[i]);
        });
      }
    }
    return named.map(fact =>
      fact.state === 'missing' && users.has(fact.ref)
        ? { state: 'found', ref: fact.ref }
        : fact,
    );
  }

  /** Every custom check over the whole batch, at once. */
  private async runCustomChecks(products: PlatformProductEntityV1alpha1[]) {
    const answered = await Promise.all(
      this.options.customChecks.map(async check => ({
        check,
        outcomes: await this.runCustomCheck(check, products),
      })),
    );
    return new Map(answered.map(answer => [answer.check.id, answer]));
  }

  /** A custom check, kept from failing the batch: what it cannot answer does not apply. */
  private async runCustomCheck(
    check: ScorecardCheck,
    products: PlatformProductEntityV1alpha1[],
  ): Promise<ScorecardCheckOutcome[]> {
    const notApplicable = (why: string) => {
      this.options.logger?.warn(
        `Scorecard check '${check.id}' could not evaluate ${products.length} products: ${why}`,
      );
      return products.map(() => ({
        status: 'not-applicable' as const,
        advice: `This check could not run: ${why}`,
      }));
    };
    let outcomes: ScorecardCheckOutcome[];
    try {
      outcomes = await check.evaluate(products);
    } catch (error) {
      return notApplicable(
        error instanceof Error ? error.message : String(error),
      );
    }
    if (!Array.isArray(outcomes) || outcomes.length !== products.length) {
      return notApplicable(
        `it answered ${
          Array.isArray(outcomes) ? outcomes.length : 'no'
        } outcomes for ${products.length} products`,
      );
    }
    if (
      outcomes.some(
        outcome => !SCORECARD_CHECK_STATUSES.includes(outcome?.status),
      )
    ) {
      return notApplicable(
        `a status is not one of ${SCORECARD_CHECK_STATUSES.join(', ')}`,
      );
    }
    return outcomes.map(outcome => ({
      status: outcome.status,
      value: scorecardValue(outcome.value),
      threshold: scorecardValue(outcome.threshold),
      advice:
        typeof outcome.advice === 'string' && outcome.advice.trim()
          ? outcome.advice
          : check.advice,
    }));
  }
}

/** What spec.productManager names, before the catalog is asked ('missing' until found). */
function namedManager(
  product: PlatformProductEntityV1alpha1,
): ProductManagerFact {
  const given: unknown = product.spec.productManager;
  if (typeof given !== 'string' || !given.trim()) return { state: 'none' };
  let ref: string;
  try {
    ref = lower(
      stringifyEntityRef(
        parseEntityRef(given.trim(), {
          defaultKind: 'user',
          defaultNamespace: product.metadata.namespace ?? 'default',
        }),
      ),
    );
  } catch {
    return { state: 'malformed', ref: given };
  }
  return ref.startsWith('user:')
    ? { state: 'missing', ref }
    : { state: 'not-a-user', ref };
}

function scorecardValue(value: unknown): ScorecardValue {
  return ['string', 'number', 'boolean'].includes(typeof value)
    ? (value as ScorecardValue)
    : null;
}
