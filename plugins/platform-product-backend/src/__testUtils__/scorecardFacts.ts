import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import { ConfigReader } from '@backstage/config';
import { ProductFacts } from '../scorecards/checks';
import { readScorecardSettings } from '../scorecards/ScorecardConfig';
import { ProductMetrics } from '../scorecards/store/metrics';

/** The scorecard checks' unit tests: a product's facts at NOW, with nothing recorded by default. */
export const NOW = Date.parse('2026-06-15T12:00:00Z');
export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** The default thresholds (no configuration). */
export const defaultThresholds = readScorecardSettings(
  new ConfigReader({}),
  [],
).thresholds;

/** A bare product: owner and lifecycle only; `spec` and `metadata` add to it. */
export function productEntity(
  extra: {
    spec?: Partial<PlatformProductEntityV1alpha1['spec']>;
    metadata?: Partial<PlatformProductEntityV1alpha1['metadata']>;
  } = {},
): PlatformProductEntityV1alpha1 {
  return {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: 'p', ...extra.metadata },
    spec: {
      owner: 'group:default/platform-team',
      lifecycle: 'production',
      ...extra.spec,
    },
  };
}

export function noMetrics(): ProductMetrics {
  return {
    roadmapUpdatedAt: null,
    lastAnnouncementAt: null,
    recentRatings: 0,
    recentPosts: 0,
    nps: { promoters: 0, passives: 0, detractors: 0 },
    medianFirstReplyMs: null,
    openPosts: 0,
    untriaged: { stale: 0, oldestAt: null },
    adoptingTeams: null,
  };
}

export function facts(
  extra: Partial<Omit<ProductFacts, 'metrics'>> & {
    metrics?: Partial<ProductMetrics>;
  } = {},
): ProductFacts {
  return {
    entity: extra.entity ?? productEntity(),
    productManager: extra.productManager ?? { state: 'none' },
    metrics: { ...noMetrics(), ...extra.metrics },
    now: extra.now ?? NOW,
  };
}
