#!/usr/bin/env node
/**
 * Benchmark harness: starts the demo backend on SQLite and/or PostgreSQL, seeds the catalog, waits
 * until it is fully ingested, then measures each scenario's route next to two floors (an empty
 * route on the same server, and the raw SQL against the catalog's tables).
 *
 *   node bench/bench.mjs [sqlite|postgres|all] [--scenario adoption] [--duration 10]
 *                        [--warmup 3] [--connections 8] [--port 7207] [--profile]
 *
 * Usually run through bench/run.sh, which sets up Node 24 and Yarn first. See bench/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { scenarios as registry } from './scenarios/index.mjs';
import { collectEntities, writeSeed } from './lib/seed.mjs';
import {
  startBackend,
  waitFor,
  fetchJson,
  guestToken,
} from './lib/backend.mjs';
import {
  openCatalogDb,
  openPluginDb,
  dropBenchDatabases,
} from './lib/rawdb.mjs';
import { httpLoad, loopLoad } from './lib/load.mjs';
import { profileDuring } from './lib/profile.mjs';
import { round } from './lib/stats.mjs';
import { cpuSnapshot, otherCores } from './lib/cpu.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const DATA = path.join(BENCH, '.data');
const PG_ADMIN_URL =
  process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';
// backend.database.prefix of app-config.bench.postgres.yaml; BENCH_PG_PREFIX (e.g. fbbench_) keeps two
// checkouts benchmarking on one PostgreSQL server out of each other's databases
const PG_PREFIX = process.env.BENCH_PG_PREFIX ?? 'bench_';
const FORBIDDEN_PORTS = new Set([3000, 7007, 7008]);

if (Number(process.versions.node.split('.')[0]) < 22) {
  // better-sqlite3 13 (the raw SQLite floor) crashes on older Node: use the project's Node 24
  console.error(
    `Node ${process.version} is too old: run bench/run.sh (it puts the project's Node 24 first on PATH)`,
  );
  process.exit(2);
}

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scenario: { type: 'string', multiple: true },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
    warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '3' },
    connections: {
      type: 'string',
      default: process.env.BENCH_CONNECTIONS ?? '8',
    },
    repeat: { type: 'string', default: process.env.BENCH_REPEAT ?? '1' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '7207' },
    profile: { type: 'boolean', default: process.env.BENCH_PROFILE === '1' },
    clean: { type: 'boolean', default: false },
    'ingest-timeout': {
      type: 'string',
      default: process.env.BENCH_INGEST_TIMEOUT ?? '1200',
    },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  console.log(`bench/run.sh [sqlite|postgres|all] [options]        (default: all)
  --scenario <name>     only this scenario (repeatable); default: every scenario in scenarios/index.mjs
  --duration <s>        measured seconds per row (default 10, env BENCH_DURATION)
  --warmup <s>          warm-up seconds before each row (default 3, env BENCH_WARMUP)
  --connections <n>     concurrency: HTTP connections / raw-query loops (default 8, env BENCH_CONNECTIONS)
  --repeat <n>          measure each row n times, keep the least disturbed run (default 1, env BENCH_REPEAT)
  --port <n>            backend port (default 7207, env BENCH_PORT; never 3000/7007/7008)
  --profile             also CPU-profile the backend under load (env BENCH_PROFILE=1)
  --ingest-timeout <s>  give up waiting for the catalog after this long (default 1200)
  --clean               remove bench/.data and drop the bench_* PostgreSQL databases, then exit`);
  process.exit(0);
}

if (opts.clean) {
  // removes what runs leave behind: bench/.data (seed, SQLite files, logs, profiles), the bench_* databases
  fs.rmSync(DATA, { recursive: true, force: true });
  const dropped = await dropBenchDatabases(PG_ADMIN_URL, PG_PREFIX).catch(e => {
    console.error(
      `PostgreSQL not reachable (${e.message}); bench_* databases left as they are`,
    );
    return [];
  });
  console.log(
    `removed bench/.data${
      dropped.length ? `, dropped ${dropped.join(', ')}` : ''
    }`,
  );
  process.exit(0);
}

const which = positionals[0] ?? 'all';
const engines = which === 'all' ? ['sqlite', 'postgres'] : [which];
if (!engines.every(e => e === 'sqlite' || e === 'postgres')) {
  console.error(`usage: bench.mjs [sqlite|postgres|all] (got ${which})`);
  process.exit(2);
}
const durationSec = Number(opts.duration);
const warmupSec = Number(opts.warmup);
const connections = Number(opts.connections);
const repeat = Number(opts.repeat);
const port = Number(opts.port);
const ingestTimeoutMs = Number(opts['ingest-timeout']) * 1000;
if (FORBIDDEN_PORTS.has(port)) {
  console.error(
    `port ${port} belongs to the demo; pick another (default 7207)`,
  );
  process.exit(2);
}
for (const [name, n, min, max] of [
  ['duration', durationSec, 1, 600],
  ['warmup', warmupSec, 0, 120],
  ['connections', connections, 1, 256],
  ['repeat', repeat, 1, 20],
]) {
  if (!(n >= min && n <= max && Number.isInteger(n))) {
    console.error(`--${name} must be a whole number from ${min} to ${max}`);
    process.exit(2);
  }
}
// a name selects that scenario, or every scenario of that group (e.g. `announcements`); they run in
// the registry's order, which scenarios that build on each other's data rely on
const selected = opts.scenario?.length
  ? registry.filter(r => opts.scenario.some(n => n === r.name || n === r.group))
  : registry;
for (const name of opts.scenario ?? []) {
  if (!registry.some(r => r.name === name || r.group === name)) {
    console.error(
      `unknown scenario ${name}; known: ${[
        ...new Set(registry.flatMap(r => [r.group, r.name]).filter(Boolean)),
      ].join(', ')}`,
    );
    process.exit(2);
  }
}

const baseUrl = `http://127.0.0.1:${port}`;
const log = (...args) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);
const secs = ms => round(ms / 1000, 1);

// ---------------------------------------------------------------------------------------------

let current; // the running backend, stopped on any exit path
let interrupted = false; // a signal arrived: start nothing new
const ownPids = () => [process.pid, ...(current ? [current.pid] : [])];
let lastBackend; // kept after stop() starts, so the exit handler can still reach it
let stopping = Promise.resolve();
const stopCurrent = async options => {
  if (current) {
    const b = current;
    current = undefined;
    log(`stopping the backend (pid ${b.pid}, process group)`);
    stopping = b.stop(options);
  }
  await stopping; // also waits for a stop another path began
};
process.on('exit', () => lastBackend?.killNow());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, async () => {
    interrupted = true;
    log(`${signal}: stopping`);
    await stopCurrent({ graceMs: 5000 });
    process.exit(130);
  });
}

async function main() {
  const entities = collectEntities(selected);
  const seedFile = path.join(DATA, 'seed.yaml');
  const kinds = writeSeed(seedFile, entities);
  log(
    `seed: ${entities.length} entities (${Object.entries(kinds)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}) -> ${path.relative(ROOT, seedFile)}`,
  );

  const results = {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
    },
    settings: {
      connections,
      durationSec,
      warmupSec,
      repeat,
      port,
      scenarios: selected.map(s => s.name),
    },
    versions: versions(),
    seed: { total: entities.length, kinds },
    engines: {},
  };

  let failed = false;
  for (const engine of engines) {
    if (interrupted) break;
    try {
      results.engines[engine] = await runEngine(engine, kinds, entities.length);
    } catch (e) {
      failed = true;
      log(`${engine} FAILED: ${e.stack ?? e}`);
      results.engines[engine] = { error: String(e.message ?? e) };
    } finally {
      await stopCurrent();
    }
  }

  results.finishedAt = new Date().toISOString();
  const dir = path.join(BENCH, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `${results.startedAt.replace(/[:.]/g, '-')}.json`,
  );
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  printReport(results);
  log(`results written to ${path.relative(ROOT, file)}`);
  return failed ? 1 : 0;
}

async function runEngine(engine, kinds, total) {
  log(`==== ${engine} ====`);
  const configs = [path.join(BENCH, 'app-config.bench.yaml')];
  const sqliteDir = path.join(DATA, 'sqlite');
  if (engine === 'sqlite') {
    fs.rmSync(sqliteDir, { recursive: true, force: true });
  } else {
    configs.push(path.join(BENCH, 'app-config.bench.postgres.yaml'));
    const dropped = await dropBenchDatabases(PG_ADMIN_URL, PG_PREFIX);
    if (dropped.length)
      log(`dropped the previous run's databases: ${dropped.join(', ')}`);
  }
  // this run's port (--port) and PostgreSQL prefix over the bench config's defaults
  const runConfig = path.join(DATA, 'app-config.run.yaml');
  fs.mkdirSync(DATA, { recursive: true });
  fs.writeFileSync(
    runConfig,
    [
      'backend:',
      `  baseUrl: ${baseUrl}`,
      `  listen: { host: 127.0.0.1, port: ${port} }`,
      ...(engine === 'sqlite'
        ? []
        : ['  database:', `    prefix: ${JSON.stringify(PG_PREFIX)}`]),
      '',
    ].join('\n'),
  );
  configs.push(runConfig);
  const inspectPort = opts.profile ? port + 2 : undefined;
  if (interrupted) throw new Error('interrupted');
  if (await portInUse(port)) {
    throw new Error(
      `something already listens on 127.0.0.1:${port} (a leftover bench backend? see bench/.data/backend.pid); pick another with --port`,
    );
  }
  const t0 = performance.now();
  current = lastBackend = startBackend({
    root: ROOT,
    configs: [path.join(ROOT, 'app-config.yaml'), ...configs],
    logFile: path.join(DATA, `backend-${engine}.log`),
    pidFile: path.join(DATA, 'backend.pid'),
    inspectPort,
  });
  const backend = current;
  log(
    `backend started (pid ${backend.pid}), log: bench/.data/backend-${engine}.log`,
  );

  // 1. the server answers
  await waitFor(
    'the backend to listen',
    () =>
      fetchJson(`${baseUrl}/.backstage/health/v1/readiness`, {
        timeoutMs: 5000,
      }).then(() => true),
    { timeoutMs: 300_000, backend, failOn: backend.startupError },
  );
  const tUp = performance.now() - t0;
  log(`backend up after ${secs(tUp)} s`);
  const token = await waitFor('a guest token', () => guestToken(baseUrl), {
    timeoutMs: 120_000,
    backend,
  });
  let auth = { Authorization: `Bearer ${token}` };

  // 2. every seeded entity is in the catalog
  const filter = Object.keys(kinds)
    .map(k => `filter=kind=${encodeURIComponent(k)}`)
    .join('&');
  let lastProgress = 0;
  let seen = 0;
  await waitFor(
    `${total} entities in the catalog`,
    async () => {
      const body = await fetchJson(
        `${baseUrl}/api/catalog/entities/by-query?limit=1&${filter}`,
        { headers: auth },
      );
      seen = body.totalItems;
      return seen === total;
    },
    {
      timeoutMs: ingestTimeoutMs,
      intervalMs: 2000,
      backend,
      onTick: elapsed => {
        if (elapsed - lastProgress >= 15_000) {
          lastProgress = elapsed;
          log(
            `  ingesting: ${seen}/${total} entities after ${secs(
              performance.now() - t0,
            )} s`,
          );
        }
      },
    },
  );
  const tEntities = performance.now() - t0;
  log(`all ${total} entities visible after ${secs(tEntities)} s`);

  // 3. the raw connections: the catalog's tables, and the plugin's own (opened once it is ready)
  let pluginDb;
  // a plugin's own database (platform-product, notifications...) on this engine
  const pluginDbOptions = pluginId =>
    engine === 'sqlite'
      ? { engine, sqliteFile: path.join(sqliteDir, `${pluginId}.sqlite`) }
      : {
          engine,
          pgUrl: `${PG_ADMIN_URL}/${PG_PREFIX}${pluginId}`,
          poolSize: connections,
        };
  const db = await openCatalogDb(
    engine === 'sqlite'
      ? { engine, sqliteFile: path.join(sqliteDir, 'catalog.sqlite') }
      : {
          engine,
          pgUrl: `${PG_ADMIN_URL}/${PG_PREFIX}catalog`,
          poolSize: connections,
        },
  );
  try {
    // 4. relations stitched: each scenario's route gives the full answer, and the catalog is idle
    for (const s of selected) {
      let problems = [];
      await waitFor(
        `scenario ${s.name} to see the whole graph`,
        async () => {
          const body = await fetchJson(
            baseUrl + (s.readyPath ?? s.request.path),
            {
              ...(s.readyPath ? { headers: auth } : routeInit(s, auth)),
              timeoutMs: 60_000,
            },
          );
          // a scenario that seeds its data first only needs the route to answer here (2xx);
          // its answer is checked once the data is in (below)
          problems = s.prepare ? [] : s.check(body);
          return problems.length === 0;
        },
        { timeoutMs: ingestTimeoutMs, intervalMs: 2000, backend },
      ).catch(e => {
        throw new Error(`${e.message} (last problems: ${problems.join(', ')})`);
      });
    }
    let quietTicks = 0;
    let pending;
    await waitFor(
      'the catalog to go idle (no stitching or processing due)',
      async () => {
        pending = await db.pending();
        quietTicks =
          pending.stitch + pending.due + pending.unstitched === 0
            ? quietTicks + 1
            : 0;
        return quietTicks >= 2;
      },
      { timeoutMs: ingestTimeoutMs, intervalMs: 2000, backend },
    );
    const tReady = performance.now() - t0;
    log(`catalog complete and idle after ${secs(tReady)} s`);
    pluginDb = await openPluginDb(pluginDbOptions('platform-product'));
    const prepared = {};
    const dbOf = s => (s.raw.db === 'plugin' ? pluginDb : db);

    const engineResult = {
      database: await db.serverVersion(),
      rawDriver: db.driver,
      ingestion: {
        backendUpSec: secs(tUp),
        entitiesVisibleSec: secs(tEntities),
        completeSec: secs(tReady),
        note: 'seconds from backend spawn; complete = every entity stitched, routes answer in full, no processing or stitching due',
      },
      floors: {},
      scenarios: {},
      prepared,
    };

    // 5. empty-route floor, once per server
    const emptyUrl = `${baseUrl}/.backstage/health/v1/liveness`;
    engineResult.floors.empty = await measureHttp(
      'empty route  GET /.backstage/health/v1/liveness',
      { url: emptyUrl },
    );

    // one permission round trip as the bench user: what every authorized route pays at least
    // (the permission backend's token check, its user-info lookup, the policy), without the
    // route's own token check and the plugin token it signs for the call
    engineResult.floors.authorize = await measureHttp(
      'one authorize  POST /api/permission/authorize',
      {
        url: `${baseUrl}/api/permission/authorize`,
        method: 'POST',
        headers: { Authorization: `Bearer ${await guestToken(baseUrl)}` },
        body: {
          items: [
            {
              id: '1',
              // a user's own requests must name the resource; the demo policy allows create
              // outright, so no conditions are applied
              resourceRef: 'platformproduct:default/bench-authorize-floor',
              permission: {
                type: 'resource',
                name: 'platform-product.feedback.create',
                attributes: { action: 'create' },
                resourceType: 'platform-product',
              },
            },
          ],
        },
      },
    );

    // 6. the scenarios, each seeded right before it is measured (a later one may add to an
    // earlier one's data: announcements-list-200k grows the 20,000 posts of announcements-list)
    for (const s of selected) {
      if (s.prepare) {
        const t = performance.now();
        prepared[s.name] = await s.prepare({
          baseUrl,
          token: await guestToken(baseUrl),
          userToken: user => guestToken(baseUrl, user),
          fetchJson,
          engine,
          pluginDb,
          log,
        });
        log(`${s.name}: prepared in ${secs(performance.now() - t)} s`);
        // the seeded data shows through the route before anything is measured
        const problems = s.check(
          await fetchJson(baseUrl + s.request.path, {
            ...routeInit(s, auth),
            timeoutMs: 60_000,
          }),
        );
        if (problems.length)
          throw new Error(
            `${s.name}: wrong answer after seeding: ${problems.join(', ')}`,
          );
      }
      if (s.measure) {
        // a scenario that times its own runs (one publish to thousands, not a load of requests)
        engineResult.scenarios[s.name] = await s.measure({
          baseUrl,
          token: await guestToken(baseUrl),
          fetchJson,
          engine,
          pluginDb,
          catalogDb: db,
          openDb: name => openPluginDb(pluginDbOptions(name)),
          log,
          otherCores: async run => {
            const before = cpuSnapshot(ownPids());
            const result = await run();
            return {
              result,
              otherCpuCores: otherCores(before, os.cpus().length),
            };
          },
        });
        continue;
      }
      const r = {};
      // a fresh token per scenario: guest tokens last an hour
      auth = { Authorization: `Bearer ${await guestToken(baseUrl)}` };
      const url = baseUrl + s.request.path;
      // a route that takes seconds per request needs a longer window to give samples at all
      const duration = Math.max(
        durationSec,
        s.load?.minDurationSec?.[engine] ?? 0,
      );
      r.route = await measureHttp(
        `${s.name}: route  ${s.request.method} ${s.request.path}${
          s.load?.amount ? ` (${s.load.amount} requests)` : ''
        }`,
        {
          url,
          method: s.request.method,
          headers: { ...auth, ...s.request.headers },
          body: s.request.body,
          requests: s.load?.requests,
        },
        s.load?.amount,
        duration,
      );
      const after = s.check(await fetchJson(url, routeInit(s, auth)));
      if (after.length)
        throw new Error(
          `${
            s.name
          }: the route's answer went wrong after the load: ${after.join(', ')}`,
        );

      r.fanOut = await fanOut(backend, s.request.path, () =>
        fetchJson(url, routeInit(s, auth)),
      );
      log(
        `  one request -> ${
          r.fanOut.total
        } loopback HTTP calls inside the backend: ${Object.entries(
          r.fanOut.calls,
        )
          .map(([p, n]) => `${n} ${p}`)
          .join(', ')}`,
      );

      r.raw = await measureLoop(
        `${s.name}: raw query floor`,
        s.raw.floor(dbOf(s).q, dbOf(s)),
        s.raw.checkRaw,
        s.load?.amount,
        duration,
      );
      for (const [name, make] of Object.entries(s.raw.diagnostics ?? {})) {
        r[name] = await measureLoop(
          `${s.name}: ${name} (diagnostic)`,
          make(dbOf(s).q, dbOf(s)),
          s.raw.checkRaw,
          s.load?.amount,
        );
      }
      if (opts.profile) {
        const file = path.join(DATA, `profile-${engine}-${s.name}.cpuprofile`);
        log(
          `${s.name}: profiling the backend during another ${durationSec} s of load`,
        );
        r.profile = await profileDuring(inspectPort, file, () =>
          httpLoad({
            url,
            method: s.request.method,
            headers: { ...auth, ...s.request.headers },
            body: s.request.body,
            requests: s.load?.requests,
            connections,
            durationSec,
          }),
        );
        r.profile.file = path.relative(ROOT, file);
      }
      engineResult.scenarios[s.name] = r;
    }
    return engineResult;
  } finally {
    await db.close();
    await pluginDb?.close();
  }
}

/** fetch options for one call of the scenario's route (with its JSON body, if any). */
function routeInit(s, auth) {
  const headers = { ...auth, ...s.request.headers };
  return {
    method: s.request.method,
    headers:
      s.request.body === undefined
        ? headers
        : { ...headers, 'content-type': 'application/json' },
    body:
      s.request.body === undefined ? undefined : JSON.stringify(s.request.body),
  };
}

function portInUse(p) {
  return new Promise(resolve => {
    const socket = net.connect({ host: '127.0.0.1', port: p });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Counts the HTTP requests the backend serves to itself (catalog, permission, auth calls) while it
 * answers one request of the route, from its request log. Background traffic (event bus long
 * polls) is left out.
 */
async function fanOut(backend, routePath, request) {
  await sleep(3000); // let requests cut off at the end of the load finish
  const offset = backend.logSize();
  await request();
  await sleep(1000); // the log is written on 'finish'
  const calls = {};
  const routeUrl = routePath.split('?')[0];
  for (const line of backend.logSince(offset).split('\n')) {
    if (!line.includes('incomingRequest')) continue;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    const url = String(entry.url ?? '').split('?')[0];
    if (entry.type !== 'incomingRequest' || url === routeUrl) continue;
    if (url.includes('/events/bus/')) continue;
    const key = `${entry.method} ${url}`;
    calls[key] = (calls[key] ?? 0) + 1;
  }
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  return { total, calls };
}

/**
 * Runs one row `repeat` times (one warm-up first) and keeps the least disturbed run: the one during
 * which other processes used the least CPU. Every run is kept in `runs`.
 */
async function measureRow(label, unit, warm, once, duration = durationSec) {
  log(
    `${label}: warm-up ${warmupSec} s, then ${
      repeat > 1 ? `${repeat} x ` : ''
    }${duration} s at concurrency ${connections}`,
  );
  if (warmupSec > 0) await warm();
  const runs = [];
  for (let i = 0; i < repeat && !interrupted; i++) {
    const before = cpuSnapshot(ownPids());
    const r = await once();
    r.otherCpuCores = otherCores(before, os.cpus().length);
    log(
      `  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  ${
        r.perSecond
      } ${unit}  (${r.count} ok, ${r.failures} failed${
        r.statuses ? `, statuses ${JSON.stringify(r.statuses)}` : ''
      }; other cpu ${r.otherCpuCores ?? '?'})`,
    );
    if (r.failures > 0 || r.count === 0)
      throw new Error(
        `${label}: ${r.failures} failed (${
          r.statuses ? JSON.stringify(r.statuses) : r.firstError
        })`,
      );
    runs.push(r);
  }
  if (!runs.length) throw new Error('interrupted');
  const best = runs.reduce((a, b) =>
    (b.otherCpuCores ?? Infinity) < (a.otherCpuCores ?? Infinity) ? b : a,
  );
  return runs.length > 1
    ? {
        ...best,
        runs: runs.map(({ p50, p95, p99, perSecond, otherCpuCores }) => ({
          p50,
          p95,
          p99,
          perSecond,
          otherCpuCores,
        })),
      }
    : best;
}

/** amount: a fixed number of requests per measured run instead of a fixed time (writes). */
function measureHttp(label, request, amount, duration = durationSec) {
  return measureRow(
    label,
    'req/s',
    () => httpLoad({ ...request, connections, durationSec: warmupSec }),
    () => httpLoad({ ...request, connections, durationSec: duration, amount }),
    duration,
  );
}

async function measureLoop(
  label,
  iteration,
  check,
  amount,
  duration = durationSec,
) {
  const problems = check?.(await iteration()) ?? [];
  if (problems.length)
    throw new Error(`${label}: wrong answer: ${problems.join(', ')}`);
  return measureRow(
    label,
    'it/s',
    () =>
      loopLoad({ iteration, concurrency: connections, durationSec: warmupSec }),
    () =>
      loopLoad({
        iteration,
        concurrency: connections,
        // a fixed amount: as many iterations as the route's requests, within a bounded time
        durationSec: amount ? Math.max(duration, 120) : duration,
        ...(amount ? { maxIterations: amount } : {}),
      }),
    duration,
  );
}

function versions() {
  const read = p => {
    try {
      return JSON.parse(
        fs.readFileSync(
          path.join(ROOT, 'node_modules', p, 'package.json'),
          'utf8',
        ),
      ).version;
    } catch {
      return undefined;
    }
  };
  return Object.fromEntries(
    [
      '@backstage/backend-defaults',
      '@backstage/plugin-catalog-backend',
      'autocannon',
      'better-sqlite3',
      'pg',
      'knex',
    ].map(p => [p, read(p)]),
  );
}

// ---------------------------------------------------------------------------------------------

function printReport(results) {
  const rows = [];
  const ratio = (a, b) => (b > 0 ? `${round(a / b, 1)}x` : '-');
  for (const [engine, er] of Object.entries(results.engines)) {
    if (er.error) {
      rows.push([
        `(failed: ${er.error.split('\n')[0].slice(0, 80)})`,
        engine,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
      continue;
    }
    const empty = er.floors.empty;
    rows.push([
      'floor: empty route',
      engine,
      empty.p50,
      empty.p95,
      empty.p99,
      empty.perSecond,
      '',
      '',
      empty.otherCpuCores ?? '-',
    ]);
    const authz = er.floors.authorize;
    if (authz) {
      rows.push([
        'floor: one authorize',
        engine,
        authz.p50,
        authz.p95,
        authz.p99,
        authz.perSecond,
        `${ratio(authz.p50, empty.p50)} / ${ratio(authz.p99, empty.p99)}`,
        '',
        authz.otherCpuCores ?? '-',
      ]);
    }
    for (const [name, sr] of Object.entries(er.scenarios)) {
      for (const [kind, m] of Object.entries(sr)) {
        if (typeof m?.p50 !== 'number') continue; // fanOut, profile
        const label =
          kind === 'route'
            ? name
            : kind === 'raw'
            ? `floor: ${name} raw query`
            : `${name} ${kind} (diag.)`;
        rows.push([
          label,
          engine,
          m.p50,
          m.p95,
          m.p99,
          m.perSecond,
          kind === 'route' && !sr.custom
            ? `${ratio(m.p50, empty.p50)} / ${ratio(m.p99, empty.p99)}`
            : '',
          kind === 'raw'
            ? ''
            : `${ratio(m.p50, sr.raw.p50)} / ${ratio(m.p99, sr.raw.p99)}`,
          m.otherCpuCores ?? '-',
        ]);
      }
    }
  }
  const header = [
    'scenario',
    'engine',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'req/s',
    'vs empty p50/p99',
    'vs raw p50/p99',
    'other cpu',
  ];
  const all = [header, ...rows].map(r => r.map(c => String(c)));
  const widths = header.map((_, i) => Math.max(...all.map(r => r[i].length)));
  const line = r =>
    r
      .map((c, i) =>
        (i >= 2 && i <= 5) || i === 8
          ? c.padStart(widths[i])
          : c.padEnd(widths[i]),
      )
      .join('  ');
  console.log('');
  console.log(
    `${results.settings.connections} connections, ${results.settings.durationSec} s per row after ${results.settings.warmupSec} s warm-up; raw rows are it/s`,
  );
  console.log(line(header));
  console.log(widths.map(w => '-'.repeat(w)).join('  '));
  for (const r of all.slice(1)) console.log(line(r));
  console.log(
    `other cpu: cores (of ${results.machine.cpus}) that processes other than the bench, the backend and PostgreSQL used during the row; above ~0.2 the row was disturbed`,
  );
  for (const [engine, er] of Object.entries(results.engines)) {
    if (er.ingestion) {
      const i = er.ingestion;
      console.log(
        `ingestion (${engine}): backend up ${i.backendUpSec} s, ${results.seed.total} entities visible ${i.entitiesVisibleSec} s, complete and idle ${i.completeSec} s`,
      );
    }
    for (const [name, sr] of Object.entries(er.scenarios ?? {})) {
      for (const l of sr.lines ?? []) console.log(`${name} (${engine}): ${l}`);
      if (sr.fanOut) {
        console.log(
          `fan-out (${engine}, ${name}): one request -> ${
            sr.fanOut.total
          } loopback HTTP calls (${Object.entries(sr.fanOut.calls)
            .map(([p, n]) => `${n}x ${p}`)
            .join(', ')})`,
        );
      }
      if (!sr.profile) continue;
      console.log(
        `profile (${engine}, ${name}, ${sr.profile.totalMs} ms sampled, ${sr.profile.file}): self time by package`,
      );
      console.log(
        `  ${sr.profile.selfByPackage
          .map(p => `${p.name} ${p.pct}%`)
          .join(', ')}`,
      );
      console.log(
        `  hottest: ${sr.profile.hottestFunctions
          .slice(0, 8)
          .map(p => `${p.name} ${p.pct}%`)
          .join('; ')}`,
      );
    }
  }
  console.log('');
}

main().then(
  code => process.exit(code),
  async e => {
    console.error(e);
    await stopCurrent();
    process.exit(1);
  },
);
