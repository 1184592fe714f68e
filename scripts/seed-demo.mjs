#!/usr/bin/env node
// Gives the demo something to show: ratings, posts, votes, triage and replies, announcements and
// each product's roadmap (some items carrying the posts, a few shipped or dropped) from the demo
// catalog's users, written through the suite's REST API as those users (the demo sign-in mints a
// token for whoever the `demo-user` cookie names); then each product's team refreshes its
// scorecard (Deployment Platform gold, Observability Platform silver, Data Platform, Legacy CI
// and Secrets Platform bronze, Preview Environments, without a PM, at no level). start.sh runs it
// once the backend answers; the demo database lives in memory, so every start seeds afresh.
// Usage: node scripts/seed-demo.mjs [backendUrl]
const backend = process.argv[2] ?? 'http://localhost:7007';
const api = `${backend}/api/platform-product`;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

const tokens = new Map();
async function tokenOf(user) {
  if (!tokens.has(user)) {
    const response = await fetch(`${backend}/api/auth/guest/refresh`, {
      headers: {
        cookie: `demo-user=${user}`,
        'x-requested-with': 'XMLHttpRequest',
      },
    });
    if (!response.ok) throw new Error(`sign-in as ${user}: ${response.status}`);
    tokens.set(user, (await response.json()).backstageIdentity.token);
  }
  return tokens.get(user);
}

async function call(user, method, path, body) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await tokenOf(user)}`,
      ...(body && { 'content-type': 'application/json' }),
    },
    body: body && JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(
      `${user} ${method} ${path}: ${response.status} ${await response.text()}`,
    );
  }
  return response.status === 204 ? undefined : response.json();
}

async function waitForCatalog() {
  for (let attempt = 0; attempt < 180; attempt++) {
    try {
      const token = await tokenOf('jane.doe');
      const response = await fetch(
        `${backend}/api/catalog/entities/by-name/platformproduct/default/observability-platform`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      // the products' relations are stitched once the deployment platform has adopting teams
      const adoption = await fetch(
        `${api}/adoption?productRef=platformproduct:default/deployment-platform`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      if (response.ok && adoption.ok && (await adoption.json()).teamCount > 0)
        return;
    } catch {
      tokens.clear(); // the backend or the catalog is not up yet
    }
    await sleep(2000);
  }
  throw new Error('the demo catalog did not load within 6 minutes');
}

const deployment = 'platformproduct:default/deployment-platform';
const observability = 'platformproduct:default/observability-platform';
const data = 'platformproduct:default/data-platform';

const ratings = [
  [
    deployment,
    'kim.nguyen',
    9,
    'One command to production. I stopped thinking about deploys.',
  ],
  [
    deployment,
    'diego.ramirez',
    10,
    'Rollouts are boring now, in the best way.',
  ],
  [
    deployment,
    'aisha.bello',
    8,
    'Solid, but canary settings are hard to find in the docs.',
  ],
  [
    deployment,
    'mei.tanaka',
    6,
    'Mobile backends need preview URLs per branch.',
  ],
  [deployment, 'lucas.silva', 9, undefined],
  [deployment, 'chen.wei', 7, 'Works; the CLI output is very noisy.'],
  [deployment, 'raj.iyer', 10, undefined],
  // ten ratings make the NPS count on the scorecard (50: gold)
  [deployment, 'tomas.novak', 9, undefined],
  [deployment, 'fatima.zahra', 10, 'Secrets and deploys in one flow, finally.'],
  [deployment, 'lena.fischer', 8, undefined],
  [
    observability,
    'kim.nguyen',
    6,
    'Dashboards are great, alert routing is painful.',
  ],
  [observability, 'diego.ramirez', 8, undefined],
  [
    observability,
    'mei.tanaka',
    4,
    'Too many knobs before the first useful graph.',
  ],
  [
    observability,
    'tomas.novak',
    9,
    'Traces saved us during the last incident.',
  ],
  // ten ratings: enough feedback for silver, an NPS of 10 that keeps it from gold
  [observability, 'aisha.bello', 9, undefined],
  [observability, 'lucas.silva', 10, 'Log search is fast.'],
  [observability, 'raj.iyer', 9, undefined],
  [observability, 'lena.fischer', 7, undefined],
  [observability, 'fatima.zahra', 8, undefined],
  [
    observability,
    'alex.morgan',
    5,
    'Every team builds the same dashboards by hand.',
  ],
  [
    data,
    'lucas.silva',
    7,
    'Promising beta; the catalog of datasets is the best part.',
  ],
];

const posts = [
  {
    productRef: deployment,
    author: 'kim.nguyen',
    type: 'idea',
    title: 'Roll back with one command',
    body: 'Today a rollback is **three** commands. `deploy rollback` would do.',
    voters: ['diego.ramirez', 'aisha.bello', 'mei.tanaka', 'lucas.silva'],
    status: 'planned',
    reply:
      'Planned for Q1: `deploy rollback` with the previous release as default.',
  },
  {
    productRef: deployment,
    author: 'mei.tanaka',
    type: 'idea',
    anonymous: true,
    title: 'Preview URL per pull request',
    body: 'Mobile teams test against the backend of a PR; a URL per PR would save a day a week.',
    voters: ['kim.nguyen', 'lucas.silva'],
    status: 'acknowledged',
    reply:
      'We hear you: this overlaps with Preview Environments, we are talking to that team.',
  },
  {
    productRef: deployment,
    author: 'aisha.bello',
    type: 'problem',
    title: 'Canary settings are missing from the docs',
    body: 'The `canary:` block of `deploy.yaml` is not documented anywhere I could find.',
    voters: ['chen.wei'],
    status: 'done',
    reply: 'Documented now: see *Canary releases* in the deploy guide. Thanks!',
  },
  {
    productRef: deployment,
    author: 'diego.ramirez',
    type: 'question',
    title: 'Can we deploy on Fridays?',
    body: 'Is there a freeze policy, or is it up to each team?',
    voters: [],
  },
  {
    productRef: deployment,
    author: 'raj.iyer',
    type: 'praise',
    title: 'The new status page is great',
    body: 'Seeing every rollout of my service in one place helps a lot.',
    voters: ['kim.nguyen'],
  },
  {
    productRef: observability,
    author: 'kim.nguyen',
    type: 'problem',
    title: 'Alerts go to the wrong channel after a team rename',
    body: 'Renaming our team in the catalog did not move the alert routes.',
    voters: ['mei.tanaka', 'diego.ramirez'],
    status: 'in-progress',
    replier: 'chen.wei',
    reply: 'Found it: routes are keyed by the old name. Fix in progress.',
  },
];

const inDays = (days, hour) => {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

const announcements = [
  {
    author: 'jane.doe',
    productRef: deployment,
    type: 'release',
    tags: ['cli'],
    title: 'deploy CLI 2.4: rollouts 40% faster',
    summary: 'Parallel image pulls and a new progress view.',
    body: 'Update with `brew upgrade deploy`. See the **changelog** for details.',
  },
  {
    author: 'jane.doe',
    productRef: deployment,
    type: 'deprecation',
    tags: ['api', 'migration'],
    title: 'The v1 deploy API goes away',
    summary: 'Move your pipelines to the v2 API before it is switched off.',
    body: 'Every v1 call has a v2 equivalent: see the migration guide.',
    effectiveAt: inDays(45, 9),
  },
  {
    author: 'jane.doe',
    productRef: deployment,
    type: 'event',
    tags: ['office-hours'],
    title: 'Deployment office hours',
    summary: 'Bring your rollout questions; we look at pipelines live.',
    body: 'Every team is welcome, no preparation needed.',
    event: {
      kind: 'office-hours',
      start: inDays(6, 14),
      end: inDays(6, 15),
      location: 'https://meet.example.com/deploy',
    },
  },
  {
    author: 'chen.wei',
    productRef: observability,
    type: 'changelog',
    tags: ['alerts'],
    title: 'Alert routes follow team renames',
    summary: 'Renaming a team in the catalog now moves its alert routes.',
    body: 'Thanks to everyone who reported it on the Feedback tab.',
  },
];

const previews = 'platformproduct:default/preview-environments';
const legacyCi = 'platformproduct:default/legacy-ci';
const secrets = 'platformproduct:default/secrets-platform';

// Each product's roadmap, shaped by its PM (Preview Environments has none: a member of its owning
// team). Items go in this order, each last in its horizon; `links` name posts above by title;
// `closeAs` ships or drops the item once its posts are linked (shipping tells their people).
const roadmaps = [
  {
    productRef: deployment,
    manager: 'jane.doe',
    items: [
      {
        title: 'One-command rollback',
        description:
          '`deploy rollback` puts the previous release back, with its config, in one step.',
        horizon: 'now',
        status: 'in-progress',
        targetQuarter: '2027-Q1',
        links: ['Roll back with one command'],
      },
      {
        title: 'Quieter CLI output',
        description:
          'A progress view by default; the full log with `--verbose`.',
        horizon: 'now',
        targetQuarter: '2027-Q1',
      },
      {
        title: 'Preview URL per pull request',
        description:
          'Every pull request of a service gets a URL of its own, built with the Preview Environments team.',
        horizon: 'next',
        status: 'exploring',
        targetQuarter: '2027-Q2',
        links: ['Preview URL per pull request'],
      },
      {
        title: 'Multi-region rollouts',
        description:
          'Roll out region by region, with a pause and a check between them.',
        horizon: 'later',
        status: 'exploring',
      },
      {
        title: 'Canary settings in the deploy guide',
        description:
          'The `canary:` block of `deploy.yaml`, documented with examples.',
        horizon: 'now',
        links: ['Canary settings are missing from the docs'],
        closeAs: 'shipped',
      },
      {
        title: 'Deploy freeze calendar',
        description:
          'Company-wide freeze windows; dropped: teams decide their own release times.',
        horizon: 'later',
        status: 'exploring',
        closeAs: 'dropped',
      },
    ],
  },
  {
    productRef: observability,
    manager: 'jane.doe',
    items: [
      {
        title: 'Alert routes follow team renames',
        description: 'Routes are keyed by the team entity, not its name.',
        horizon: 'now',
        status: 'in-progress',
        links: ['Alerts go to the wrong channel after a team rename'],
        closeAs: 'shipped',
      },
      {
        title: 'A useful graph in five minutes',
        description:
          'Default dashboards per service kind, before any knob is touched.',
        horizon: 'now',
        targetQuarter: '2027-Q1',
      },
      {
        title: 'Alerts on traces',
        description: 'Alert when a span breaks its latency budget.',
        horizon: 'later',
        status: 'exploring',
      },
    ],
  },
  {
    productRef: data,
    manager: 'sam.lee',
    items: [
      {
        title: 'Search the dataset catalog',
        description: 'Find datasets by column, owner and freshness.',
        horizon: 'now',
        status: 'in-progress',
        targetQuarter: '2027-Q1',
      },
      {
        title: 'Pipeline templates',
        description:
          'Register a pipeline from a template: batch, streaming, CDC.',
        horizon: 'next',
        targetQuarter: '2027-Q2',
      },
      {
        title: 'Cost per dataset',
        description:
          'What each dataset costs to store and refresh, on its page.',
        horizon: 'later',
        status: 'exploring',
      },
    ],
  },
  {
    productRef: previews,
    manager: 'tomas.novak',
    items: [
      {
        title: 'An environment for every pull request',
        description: 'Created on open, destroyed on merge.',
        horizon: 'now',
        targetQuarter: '2027-Q1',
      },
      {
        title: 'Seed data for previews',
        description: 'Anonymized production snapshots, refreshed weekly.',
        horizon: 'next',
        status: 'exploring',
      },
    ],
  },
  {
    productRef: legacyCi,
    manager: 'omar.khan',
    items: [
      {
        title: 'Read-only mode for old pipelines',
        description: 'Old pipelines stay visible, nothing new runs on them.',
        horizon: 'now',
        closeAs: 'shipped',
      },
      {
        title: 'Jenkinsfile migration assistant',
        description: 'Turns a Jenkinsfile into a `deploy.yaml` draft.',
        horizon: 'now',
        status: 'in-progress',
        targetQuarter: '2027-Q1',
      },
      {
        title: 'Switch off Jenkins',
        description: 'Once the last team has moved.',
        horizon: 'later',
        targetQuarter: '2027-Q4',
      },
    ],
  },
  {
    productRef: secrets,
    manager: 'priya.patel',
    items: [
      {
        title: 'Rotate database passwords automatically',
        description: 'Every 30 days, without a restart.',
        horizon: 'next',
        targetQuarter: '2027-Q2',
      },
      {
        title: 'Secret scanning in pull requests',
        description: 'Block a merge that adds a credential.',
        horizon: 'later',
        status: 'exploring',
      },
    ],
  },
];

async function seedRoadmaps(postIds) {
  let count = 0;
  for (const { productRef, manager, items } of roadmaps) {
    for (const { links = [], closeAs, ...fields } of items) {
      const item = await call(manager, 'POST', '/roadmap/items', {
        productRef,
        ...fields,
      });
      for (const title of links) {
        await call(
          manager,
          'PUT',
          `/roadmap/items/${item.id}/links/${postIds.get(title)}`,
        );
      }
      if (closeAs) {
        await call(manager, 'PATCH', `/roadmap/items/${item.id}`, {
          status: closeAs,
        });
      }
      count += 1;
    }
  }
  return count;
}

async function seed() {
  await waitForCatalog();
  const existing = await call(
    'jane.doe',
    'GET',
    `/feedback?productRef=${encodeURIComponent(deployment)}&limit=1`,
  );
  if (existing.totalCount > 0) {
    console.log('[seed-demo] feedback already there: nothing to do');
    return;
  }
  for (const [productRef, user, score, body] of ratings) {
    await call(user, 'POST', '/feedback', {
      entityRef: productRef,
      type: 'rating',
      score,
      ...(body && { body }),
    });
  }
  const postIds = new Map();
  for (const post of posts) {
    const created = await call(post.author, 'POST', '/feedback', {
      entityRef: post.productRef,
      type: post.type,
      title: post.title,
      body: post.body,
      anonymous: !!post.anonymous,
    });
    postIds.set(post.title, created.id);
    for (const voter of post.voters)
      await call(voter, 'PUT', `/feedback/${created.id}/vote`);
    const team = post.replier ?? 'jane.doe';
    if (post.reply)
      await call(team, 'POST', `/feedback/${created.id}/replies`, {
        body: post.reply,
      });
    if (post.status)
      await call(team, 'PATCH', `/feedback/${created.id}`, {
        status: post.status,
      });
  }
  for (const { author, ...announcement } of announcements) {
    await call(author, 'POST', '/announcements', announcement);
  }
  const items = await seedRoadmaps(postIds);
  // the scheduled evaluation may have run before the data above was there: each product's team
  // evaluates it now, so that the portfolio shows the seeded state at once
  const levels = [];
  for (const { productRef, manager } of roadmaps) {
    const { level } = await call(manager, 'POST', '/scorecards/refresh', {
      productRef,
    });
    levels.push(`${productRef.split('/')[1]} ${level ?? 'no level'}`);
  }
  console.log(
    `[seed-demo] seeded ${ratings.length} ratings, ${posts.length} posts, ${
      announcements.length
    } announcements and ${items} roadmap items; scorecards: ${levels.join(
      ', ',
    )}`,
  );
}

seed().catch(error => {
  console.error(`[seed-demo] could not seed the demo: ${error.message}`);
  process.exitCode = 1;
});
