import {
  PortfolioItem,
  ProductScorecard,
  ScorecardCheckResult,
  ScorecardSnapshot,
} from '@platform-product/plugin-platform-product-common';

export const productRef = 'platformproduct:default/deployment-platform';

export function check(
  overrides: Partial<ScorecardCheckResult> = {},
): ScorecardCheckResult {
  return {
    id: 'vision',
    title: 'Has a vision',
    level: 'bronze',
    status: 'pass',
    value: true,
    threshold: null,
    advice: 'Write the product vision in spec.vision.',
    weight: 1,
    ...overrides,
  };
}

/** Deployment Platform at Silver: Bronze and Silver pass, one Gold check fails. */
export function scorecard(
  overrides: Partial<ProductScorecard> = {},
): ProductScorecard {
  return {
    productRef,
    level: 'silver',
    score: 72,
    evaluatedAt: '2026-03-02T08:00:00.000Z',
    checks: [
      check({
        id: 'product-manager',
        title: 'Has a product manager',
        value: 'user:default/jane.doe',
      }),
      check({ id: 'vision', title: 'Has a vision' }),
      check({
        id: 'feedback-responses',
        title: 'Hears from its users',
        level: 'silver',
        value: 14,
        threshold: 5,
      }),
      check({
        id: 'roadmap-updated',
        title: 'Roadmap updated recently',
        level: 'silver',
        status: 'not-applicable',
        value: null,
        threshold: 30,
        advice: 'The roadmap capability is not installed.',
      }),
      check({
        id: 'adopting-teams',
        title: 'Adopted by several teams',
        level: 'gold',
        status: 'fail',
        value: '2 teams',
        threshold: '5 teams',
        advice:
          'Show two more teams what the platform does for them: a demo or a migration guide.',
      }),
      check({
        id: 'on-call-rota',
        title: 'Has an on-call rota',
        level: null,
        status: 'fail',
        value: false,
        threshold: null,
        advice: 'Name the rota in the pagerduty.com/service-id annotation.',
      }),
    ],
    ...overrides,
  };
}

export const history: ScorecardSnapshot[] = [58, 64, 72].map((score, i) => ({
  day: `2026-03-0${i + 1}`,
  score,
  level: score >= 70 ? 'silver' : 'bronze',
  nps: 20,
  adoptingTeams: 2,
  openPosts: 3,
  oldestUntriagedAt: null,
  lastAnnouncementAt: null,
}));

export function portfolioItem(
  overrides: Partial<PortfolioItem> = {},
): PortfolioItem {
  return {
    productRef,
    title: 'Deployment Platform',
    productManager: 'user:default/jane.doe',
    owner: 'group:default/platform-team',
    lifecycle: 'production',
    level: 'gold',
    score: 92,
    scoreTrend: { from: '2026-03-01', scores: [88, 92] },
    nps: 25,
    npsBefore: 20,
    adoptingTeams: 6,
    openPosts: 4,
    oldestUntriagedAt: null,
    lastAnnouncementAt: '2026-02-20T10:00:00.000Z',
    evaluatedAt: '2026-03-02T08:00:00.000Z',
    ...overrides,
  };
}

/** Three products at three levels, one without a PM at no level. */
export const portfolioItems: PortfolioItem[] = [
  portfolioItem(),
  portfolioItem({
    productRef: 'platformproduct:default/data-platform',
    title: 'Data Platform',
    productManager: 'user:default/sam.lee',
    owner: 'group:default/data-platform-team',
    lifecycle: 'beta',
    level: 'silver',
    score: 70,
    // no snapshot on Mar 1
    scoreTrend: { from: '2026-02-28', scores: [65, null, 70] },
    nps: 10,
    npsBefore: 18,
    adoptingTeams: 3,
  }),
  portfolioItem({
    productRef: 'platformproduct:default/legacy-ci',
    title: 'Legacy CI',
    productManager: 'user:default/omar.khan',
    owner: 'group:default/ci-team',
    lifecycle: 'deprecated',
    level: 'bronze',
    score: 41,
    nps: null,
    npsBefore: null,
    lastAnnouncementAt: null,
  }),
  portfolioItem({
    productRef: 'platformproduct:default/preview-environments',
    title: 'Preview Environments',
    productManager: null,
    lifecycle: 'experimental',
    level: null,
    score: 18,
    scoreTrend: { from: '2026-03-02', scores: [] },
    nps: null,
    npsBefore: null,
    adoptingTeams: 0,
    openPosts: 2,
    oldestUntriagedAt: '2026-02-10T10:00:00.000Z',
    lastAnnouncementAt: null,
  }),
];
