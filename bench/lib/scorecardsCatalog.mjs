/**
 * The scorecards scenarios' catalog: 1,000 PlatformProducts owned by 50 teams, their PMs (200 User
 * entities; one product in 20 names no PM, one in 20 a PM the catalog does not know), lifecycles,
 * visions (none, too short, long enough), support channels and office hours, TechDocs annotations
 * or docs links, on-call annotations (the demo backend's custom check). Product k's profile,
 * which lib/scorecardsSeed.mjs also follows for its data, comes from k alone, mixed so that every
 * level, and no level, shows up.
 */
export const PRODUCTS = Number(process.env.BENCH_SCORECARDS_PRODUCTS ?? 1000);
const PMS = 200;
const TEAMS = 50;
const LIFECYCLES = [
  'production',
  'production',
  'beta',
  'experimental',
  'deprecated',
];
export const productName = k => `scorecards-product-${k}`;
export const productRef = k => `platformproduct:default/${productName(k)}`;
export const productRefs = () =>
  Array.from({ length: PRODUCTS }, (_, k) => productRef(k));
const pmName = i => `scorecards-pm-${i}`;
const teamRef = i => `group:default/scorecards-team-${i}`;

/** What product k is made of: every figure below follows from k. */
export function profileOf(k) {
  const activity = (k * 37) % 100; // 0-99: how much feedback the product gets
  return {
    // one in 20 names no PM, one in 20 a PM the catalog does not know
    productManager:
      k % 20 === 0
        ? undefined
        : k % 20 === 1
        ? `user:default/scorecards-pm-gone-${k}`
        : `user:default/${pmName(k % PMS)}`,
    // the vision check wants 12 words or more (its default): none, too short, long enough
    vision: k % 10 === 4 ? 'none' : k % 10 === 9 ? 'short' : 'long',
    lifecycle: LIFECYCLES[k % LIFECYCLES.length],
    docs: ['techdocs', 'link', 'none'][k % 3],
    supportChannel: k % 4 !== 3,
    officeHours: k % 2 === 0,
    ratings: activity < 10 ? 0 : 5 + activity * 3,
    promoterShare: 0.2 + (0.6 * ((k * 13) % 100)) / 100,
    posts: activity < 15 ? 0 : activity % 60,
    // posts still new (stale after 14 days) for two products in five
    newShare: [0, 0, 0, 0.1, 0.3][k % 5],
    replyShare: 0.2 + (k % 4) * 0.25,
    maxReplyHours: 2 + (k % 48) * 2,
    announcements: (k % 7) * 5,
    // the demo backend's custom check (packages/backend/src/onCallCheckModule.ts) looks for it
    onCall: k % 3 !== 2,
    roadmapItems: k % 4 === 0 ? 0 : 3 + (k % 6),
    roadmapAgeDays: (k * 11) % 120,
    adoption: k % 10 !== 0,
  };
}

/** The catalog entities: the teams, the PMs and the products. */
export function scorecardEntities() {
  const out = [];
  for (let i = 0; i < TEAMS; i++) {
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `scorecards-team-${i}` },
      spec: {
        type: 'team',
        profile: { displayName: `Scorecards team ${i}` },
        children: [],
      },
    });
  }
  for (let i = 0; i < PMS; i++) {
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: pmName(i) },
      spec: {
        profile: { displayName: `PM ${i}` },
        memberOf: [teamRef(i % TEAMS)],
      },
    });
  }
  for (let k = 0; k < PRODUCTS; k++) {
    const p = profileOf(k);
    const name = productName(k);
    const support = {};
    if (p.supportChannel)
      support.channels = [{ type: 'slack', name: `#${name}-help` }];
    if (p.officeHours)
      support.officeHours = {
        schedule: 'Thursdays 14:00-15:00 UTC',
        url: 'https://example.com/office-hours',
      };
    out.push({
      apiVersion: 'platform-product/v1alpha1',
      kind: 'PlatformProduct',
      metadata: {
        name,
        title: `Scorecards product ${k}`,
        annotations: {
          ...(p.docs === 'techdocs'
            ? { 'backstage.io/techdocs-ref': 'dir:.' }
            : {}),
          ...(p.onCall ? { 'pagerduty.com/service-id': `P${k}` } : {}),
        },
        ...(p.docs === 'link'
          ? {
              links: [
                { url: `https://docs.example.com/${name}`, title: 'Docs' },
              ],
            }
          : {}),
      },
      spec: {
        owner: teamRef(k % TEAMS),
        ...(p.productManager ? { productManager: p.productManager } : {}),
        lifecycle: p.lifecycle,
        ...(p.vision === 'none'
          ? {}
          : {
              vision:
                p.vision === 'short'
                  ? `Product ${k} ships.`
                  : `Product ${k} makes shipping a change to production boring, safe and fast for every team.`,
            }),
        ...(Object.keys(support).length ? { support } : {}),
        parts: [],
      },
    });
  }
  return out;
}
