#!/usr/bin/env node
/**
 * The plugin-only bench: the backend plugin alone in `startTestBackend` (bench/pluginOnly/server.ts:
 * mock credentials, the default allow-all permissions, a mock catalog, no HTTP to a permission or auth
 * backend), the harness Backstage plugins are usually measured in. For each route it reports
 * `loop ms/request`, the backend event loop's busy time divided by the requests answered, next to
 * the same figure for an empty route in the same server, plus latency percentiles and throughput.
 *
 *   bench/run.sh plugin-only [sqlite|postgres|all] [--connections 8] [--repeat 3] [--row rating]
 *                            [--profile rating]
 *
 * Rows (each measured `--repeat` times; the table keeps the run with the least loop time):
 *   empty          GET  /api/bench/empty (the floor: auth middleware, routing, JSON of {})
 *   rating         POST /feedback, 5,000 ratings from 2,000 users
 *   raw-rating     POST /api/bench/raw-rating, its floor: the same middleware, then the store's
 *                  rating SQL by hand (no plugin code)
 *   post           POST /feedback, 5,000 ideas from 2,000 users
 *   vote / unvote  PUT / DELETE /feedback/:id/vote, 5,000 distinct (user, post) pairs over 997 posts
 *   announce       POST /announcements, 2,000 releases by the product manager
 *   stats          GET  /feedback/stats, 100,000 ratings and 100,000 posts (as the full bench seeds)
 *   list           GET  /feedback?sort=votes, first page of 100,000 posts
 *   news           GET  /announcements, first page of 20,000 posts
 * Seeds are the full bench's (lib/feedbackSeed.mjs, lib/announcementsSeed.mjs);
 * PLUGIN_ONLY_SMALL=1 seeds a tenth, for a quick look.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { openPluginDb, dropBenchDatabases } from './lib/rawdb.mjs';
import { httpLoad, loopLoad } from './lib/load.mjs';
import { summarizeProfile } from './lib/profile.mjs';
import { round } from './lib/stats.mjs';
import { cpuSnapshot, otherCores } from './lib/cpu.mjs';
import {
  seedRatings,
  seedPosts,
  lastMonths,
  writeFloor,
} from './lib/feedbackSeed.mjs';
import { seedAnnouncements } from './lib/announcementsSeed.mjs';

const require = createRequire(import.meta.url);
const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const DATA = path.join(BENCH, '.data', 'plugin-only');
const PG_URL =
  process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const PG_PREFIX = process.env.PLUGIN_ONLY_PG_PREFIX ?? 'pobench_';
const SECRET = /authorSecret:\s*(\S+)/.exec(
  fs.readFileSync(path.join(BENCH, 'app-config.bench.yaml'), 'utf8'),
)[1];
const SCALE = process.env.PLUGIN_ONLY_SMALL === '1' ? 10 : 1;

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    connections: { type: 'string', default: '8' },
    repeat: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    row: { type: 'string', multiple: true },
    profile: { type: 'string', multiple: true },
    // prints the table of a saved results-*.json again (with the same --connections/--repeat)
    report: { type: 'string' },
  },
});
const connections = Number(opts.connections);
const repeat = Number(opts.repeat);
const durationSec = Number(opts.duration);
const which = positionals[0] ?? 'all';
const engines = which === 'all' ? ['sqlite', 'postgres'] : [which];
if (!engines.every(e => e === 'sqlite' || e === 'postgres')) {
  console.error(`usage: pluginOnly.mjs [sqlite|postgres|all] (got ${which})`);
  process.exit(2);
}
const log = (...args) =>
  console.log(
    `[plugin-only ${new Date().toISOString().slice(11, 19)}]`,
    ...args,
  );

// ---- the catalog and the requests ------------------------------------------------------------

const ns = 'platformproduct:default/';
const PM = 'user:default/bench-user';
const WRITERS = 2000;
const WRITES = 5000;
const VOTE_POSTS = 997; // prime: (user k mod 2000, post k mod 997) never repeats a pair
const writer = i => `user:default/bench-writer-${i}`;
const PRODUCTS = {
  write: `${ns}po-write`,
  vote: `${ns}po-vote`,
  stats: `${ns}po-stats`,
  list: `${ns}po-list`,
  news: `${ns}po-news`,
};
const NEWS_PRODUCTS = [PRODUCTS.news];

function entities() {
  const product = ref => ({
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: ref.slice(ns.length), namespace: 'default' },
    spec: {
      owner: 'group:default/bench-platform',
      productManager: PM,
      lifecycle: 'production',
      vision: 'Measure the plugin alone.',
      parts: [],
    },
  });
  const user = ref => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: ref.split('/')[1], namespace: 'default' },
    spec: { memberOf: [] },
  });
  return [
    ...Object.values(PRODUCTS).map(product),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'bench-platform', namespace: 'default' },
      spec: { type: 'team', children: [], members: ['bench-user'] },
    },
    user(PM),
    ...Array.from({ length: WRITERS }, (_, i) => user(writer(i))),
  ];
}

const tokenOf = ref => `Bearer mock-user-token:${JSON.stringify({ sub: ref })}`;
const TOKENS = Array.from({ length: WRITERS }, (_, i) => tokenOf(writer(i)));
const q = encodeURIComponent;

/** Write rows: a sequence of requests, each connection taking the next. */
function writeRows(votePosts) {
  let ratings = 0;
  let posts = 0;
  let votes = 0;
  let announcements = 0;
  const voted = [];
  const pair = k => ({
    user: TOKENS[k % WRITERS],
    post: votePosts[k % VOTE_POSTS],
  });
  const voteRow = (method, nextPair) => ({
    method,
    amount: WRITES,
    status: 200,
    next: () => {
      const { user, post } = nextPair();
      return {
        path: `/api/platform-product/feedback/${post}/vote`,
        headers: { Authorization: user },
      };
    },
  });
  // the rating route and its floor take the same requests
  const ratingRow = path => ({
    method: 'POST',
    path,
    amount: WRITES,
    status: 201,
    next: () => ({
      headers: { Authorization: TOKENS[ratings++ % WRITERS] },
      body: {
        entityRef: PRODUCTS.write,
        type: 'rating',
        score: ratings % 11,
        body: 'Works well for us.',
      },
    }),
  });
  return {
    rating: ratingRow('/api/platform-product/feedback'),
    'raw-rating': ratingRow('/api/bench/raw-rating'),
    post: {
      method: 'POST',
      path: '/api/platform-product/feedback',
      amount: WRITES,
      status: 201,
      next: () => ({
        headers: { Authorization: TOKENS[posts++ % WRITERS] },
        body: {
          entityRef: PRODUCTS.write,
          type: 'idea',
          title: 'Bench idea',
          body: 'Please add a bulk import.',
        },
      }),
    },
    vote: voteRow('PUT', () => {
      voted.push(votes);
      return pair(votes++);
    }),
    // takes back the oldest vote not yet taken back: each vote of the vote rows, in their order
    unvote: voteRow('DELETE', () => pair(voted.shift())),
    announce: {
      method: 'POST',
      path: '/api/platform-product/announcements',
      amount: 2000,
      status: 201,
      next: () => ({
        headers: { Authorization: tokenOf(PM) },
        body: {
          productRef: PRODUCTS.write,
          type: 'release',
          title: `Bench release ${announcements++}`,
          summary: 'What changed, in one line.',
          body: '## What changed\n\nThe bench measured it.',
        },
      }),
    },
  };
}

const READ_ROWS = {
  empty: { path: '/api/bench/empty' },
  stats: {
    path: `/api/platform-product/feedback/stats?productRef=${q(
      PRODUCTS.stats,
    )}&months=12`,
  },
  list: {
    path: `/api/platform-product/feedback?productRef=${q(
      PRODUCTS.list,
    )}&sort=votes&limit=20`,
  },
  news: { path: '/api/platform-product/announcements?limit=20' },
};
const ROW_ORDER = [
  'empty',
  'raw-rating',
  'rating',
  'post',
  'vote',
  'unvote',
  'announce',
  'stats',
  'list',
  'news',
];

// ---- the backend -----------------------------------------------------------------------------

async function startServer(engine) {
  const dir = path.join(DATA, engine);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const entitiesFile = path.join(dir, 'entities.json');
  fs.writeFileSync(entitiesFile, JSON.stringify(entities()));
  if (engine === 'postgres') await dropBenchDatabases(PG_URL, PG_PREFIX);
  const hook = require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
    paths: [path.join(ROOT, 'packages/backend')],
  });
  const logFile = path.join(dir, 'backend.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    ['--require', hook, path.join(BENCH, 'pluginOnly/server.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PLUGIN_ONLY_ENGINE: engine,
        PLUGIN_ONLY_PG_URL: PG_URL,
        PLUGIN_ONLY_PG_PREFIX: PG_PREFIX,
        PLUGIN_ONLY_SQLITE_DIR: path.join(dir, 'sqlite'),
        PLUGIN_ONLY_ENTITIES: entitiesFile,
        PLUGIN_ONLY_SECRET: SECRET,
      },
      stdio: ['ignore', 'pipe', out],
    },
  );
  fs.closeSync(out);
  const port = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', chunk => {
      text += chunk;
      const line = text.split('\n').find(l => l.startsWith('{"port"'));
      if (line) resolve(JSON.parse(line).port);
    });
    child.on('exit', code =>
      reject(new Error(`backend exited (${code}); see ${logFile}`)),
    );
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGTERM');
    for (let i = 0; i < 40 && child.exitCode === null; i++) await sleep(250);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  return { base, pid: child.pid, stop };
}

async function meters(base) {
  return (await fetch(`${base}/api/bench/meters`)).json();
}

// ---- seeding (the full bench's seeds, straight into the plugin's tables) ----------------------

async function openDb(engine) {
  return openPluginDb(
    engine === 'postgres'
      ? { engine, pgUrl: `${PG_URL}/${PG_PREFIX}platform-product` }
      : {
          engine,
          sqliteFile: path.join(
            DATA,
            engine,
            'sqlite',
            'platform-product.sqlite',
          ),
        },
  );
}

async function seed(db, base) {
  const months = lastMonths(Date.now(), 12);
  const t = Date.now();
  await seedRatings(db, {
    productRef: PRODUCTS.stats,
    ratings: 100_000 / SCALE,
    users: 20_000 / SCALE,
    months,
    log,
  });
  await seedPosts(db, {
    productRef: PRODUCTS.stats,
    posts: 100_000 / SCALE,
    users: 20_000 / SCALE,
    replyShare: 0.3,
    months,
  });
  await seedPosts(db, {
    productRef: PRODUCTS.list,
    posts: 100_000 / SCALE,
    users: 20_000 / SCALE,
  });
  await seedAnnouncements(db, {
    total: 20_000 / SCALE,
    products: NEWS_PRODUCTS,
    log,
  });
  // the posts the votes go to, through the route itself (their ids), from many authors
  const votePosts = [];
  for (let i = 0; i < VOTE_POSTS; i += 8) {
    const batch = Array.from(
      { length: Math.min(8, VOTE_POSTS - i) },
      (_, j) => i + j,
    );
    const created = await Promise.all(
      batch.map(k =>
        post(
          base,
          TOKENS[(k * 7) % WRITERS],
          '/api/platform-product/feedback',
          {
            entityRef: PRODUCTS.vote,
            type: 'idea',
            title: `Vote target ${k}`,
          },
        ),
      ),
    );
    votePosts.push(...created.map(c => c.id));
  }
  log(`seeded in ${round((Date.now() - t) / 1000, 1)} s`);
  return votePosts;
}

async function post(base, authorization, route, body) {
  const response = await fetch(`${base}${route}`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return response.json();
}

// ---- measuring -------------------------------------------------------------------------------

async function measure(server, name, row) {
  const { base } = server;
  const load = {
    url: base,
    connections,
    ...(row.amount
      ? {
          amount: row.amount,
          requests: [
            {
              method: row.method,
              path: row.path ?? '/',
              next: () => {
                const { path: p, headers, body } = row.next();
                return { path: p, headers, body };
              },
            },
          ],
        }
      : {
          url: `${base}${row.path}`,
          headers: { Authorization: TOKENS[0] },
          durationSec,
        }),
  };
  const cpuBefore = cpuSnapshot([process.pid, server.pid]);
  const before = await meters(base);
  const result = await httpLoad(load);
  const after = await meters(base);
  const answered = Object.entries(result.statuses)
    .filter(([s]) => Number(s) >= 200 && Number(s) < 300)
    .reduce((n, [, c]) => n + c, 0);
  const wrong = Object.entries(result.statuses).filter(
    ([s]) => Number(s) !== (row.status ?? 200),
  );
  return {
    name,
    ...result,
    answered,
    wrongStatuses: Object.fromEntries(wrong),
    loopMsPerRequest: round(
      (after.loopActiveMs - before.loopActiveMs) / answered,
      3,
    ),
    cpuMsPerRequest: round((after.cpuMs - before.cpuMs) / answered, 3),
    otherCpuCores: otherCores(
      cpuBefore,
      (await import('node:os')).cpus().length,
    ),
  };
}

/** The store's own write statements from this process: what the database alone allows. */
async function rawWriteFloor(db) {
  const iteration = await writeFloor(db.q, db, { authors: WRITERS });
  return loopLoad({ iteration, concurrency: connections, durationSec });
}

async function runEngine(engine) {
  log(`${engine}: starting the plugin alone in startTestBackend`);
  const server = await startServer(engine);
  const db = await openDb(engine);
  const results = { engine, rows: {}, profiles: {} };
  try {
    const votePosts = await seed(db, server.base);
    const writes = writeRows(votePosts);
    const rows = { ...READ_ROWS, ...writes };
    if (opts.row?.includes('unvote') && !opts.row.includes('vote'))
      throw new Error(
        '--row unvote takes back the votes of --row vote: give both',
      );
    const selected = ROW_ORDER.filter(
      name => !opts.row?.length || opts.row.includes(name),
    );
    // warm up: JIT, caches, connection pool (a few hundred of each route)
    for (const name of selected) {
      const row = rows[name];
      if (name === 'unvote') continue; // warmed by vote's pairs below
      await measure(server, `${name} (warm-up)`, {
        ...row,
        ...(row.amount ? { amount: 400 } : {}),
      });
      if (name === 'vote')
        await measure(server, 'unvote (warm-up)', {
          ...rows.unvote,
          amount: 400,
        });
    }
    for (const name of selected) {
      const runs = [];
      for (let r = 0; r < repeat; r++)
        runs.push(await measure(server, name, rows[name]));
      const best = runs.reduce((a, b) =>
        b.loopMsPerRequest < a.loopMsPerRequest ? b : a,
      );
      best.loopMsRange = [
        Math.min(...runs.map(x => x.loopMsPerRequest)),
        Math.max(...runs.map(x => x.loopMsPerRequest)),
      ];
      best.perSecondRange = [
        Math.min(...runs.map(x => x.perSecond)),
        Math.max(...runs.map(x => x.perSecond)),
      ];
      results.rows[name] = best;
      log(
        `${engine} ${name}: loop ${best.loopMsRange.join(
          '-',
        )} ms/request, ${best.perSecondRange.join('-')} req/s, p50 ${
          best.p50
        } p95 ${best.p95} ms, statuses ${JSON.stringify(
          best.statuses,
        )}, other cpu ${best.otherCpuCores}`,
      );
      if (Object.keys(best.wrongStatuses).length)
        log(`  !! unexpected statuses ${JSON.stringify(best.wrongStatuses)}`);
    }
    if (!opts.row?.length || opts.row.includes('rating')) {
      results.rawWrite = await rawWriteFloor(db);
      log(
        `${engine} raw SQL of a write (floor): ${round(
          results.rawWrite.perSecond,
          0,
        )} it/s, p50 ${results.rawWrite.p50} ms`,
      );
    }
    for (const name of opts.profile ?? []) {
      const file = path.join(DATA, `${engine}-${name}.cpuprofile`);
      await fetch(`${server.base}/api/bench/profile/start`, { method: 'POST' });
      await measure(server, `${name} (profiled)`, rows[name]);
      await fetch(`${server.base}/api/bench/profile/stop?file=${q(file)}`, {
        method: 'POST',
      });
      results.profiles[name] = summarizeProfile(
        JSON.parse(fs.readFileSync(file, 'utf8')),
      );
      log(`${engine} ${name} profile -> ${path.relative(ROOT, file)}`);
    }
  } finally {
    await db.close();
    await server.stop();
  }
  return results;
}

function report(all) {
  const lines = [
    `concurrency ${connections}, best of ${repeat}. loop: the backend event loop's busy ms per request;`,
    `1000 / loop: the requests/s one event loop could serve; req/s: what this closed loop got (autocannon`,
    `ends a fixed amount on its 1-second tick, so write rows round to whole seconds)`,
    '',
    '| engine | row | loop ms/request | x empty | 1000 / loop | req/s | p50 ms | p95 ms | p99 ms | cpu ms/request | other cpu |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of all) {
    const empty = r.rows.empty?.loopMsPerRequest;
    for (const [name, row] of Object.entries(r.rows)) {
      const [low, high] = row.loopMsRange;
      const cells = [
        r.engine,
        name,
        low === high ? low : `${low}-${high}`,
        empty ? round(row.loopMsPerRequest / empty, 1) : '-',
        round(1000 / low, 0),
        row.perSecondRange.map(n => round(n, 0)).join('-'),
        row.p50,
        row.p95,
        row.p99,
        row.cpuMsPerRequest,
        row.otherCpuCores ?? '-',
      ];
      lines.push(`| ${cells.join(' | ')} |`);
    }
    if (r.rawWrite) {
      const { perSecond, p50, p95, p99 } = r.rawWrite;
      const cells = [r.engine, 'raw SQL of a write (no HTTP)', '-', '-', '-'];
      cells.push(round(perSecond, 0), p50, p95, p99, '-', '-');
      lines.push(`| ${cells.join(' | ')} |`);
    }
  }
  for (const r of all) {
    for (const [name, profile] of Object.entries(r.profiles)) {
      lines.push(
        '',
        `${r.engine} ${name}, profile: self time by package, hottest functions`,
      );
      lines.push(JSON.stringify(profile, null, 1).slice(0, 4000));
    }
  }
  return lines.join('\n');
}

if (opts.report) {
  console.log(report(JSON.parse(fs.readFileSync(opts.report, 'utf8'))));
  process.exit(0);
}
const all = [];
for (const engine of engines) all.push(await runEngine(engine));
const text = report(all);
console.log(`\n${text}`);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
fs.mkdirSync(DATA, { recursive: true });
fs.writeFileSync(
  path.join(DATA, `results-${stamp}.json`),
  JSON.stringify(all, null, 2),
);
fs.writeFileSync(path.join(DATA, `results-${stamp}.md`), text);
