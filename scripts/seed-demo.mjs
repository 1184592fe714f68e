#!/usr/bin/env node
// Gives the demo something to show: ratings, posts, votes, triage and replies from the demo
// catalog's users, written through the suite's REST API as those users (the demo sign-in mints a
// token for whoever the `demo-user` cookie names). start.sh runs it once the backend answers; the
// demo database lives in memory, so every start seeds afresh. Usage: node scripts/seed-demo.mjs [backendUrl]
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
      if (response.ok) return;
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
  for (const post of posts) {
    const created = await call(post.author, 'POST', '/feedback', {
      entityRef: post.productRef,
      type: post.type,
      title: post.title,
      body: post.body,
      anonymous: !!post.anonymous,
    });
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
  console.log(
    `[seed-demo] seeded ${ratings.length} ratings, ${posts.length} posts and ${announcements.length} announcements`,
  );
}

seed().catch(error => {
  console.error(`[seed-demo] could not seed the demo: ${error.message}`);
  process.exitCode = 1;
});
