/**
 * Reliability checks that need real processes (issue 14, items 1 and 2):
 *
 * 1. replicas: two demo backends (packages/backend, production mode) on one private PostgreSQL,
 *    the events bus on. Announcements are published on both, scheduled ones included; every
 *    recipient gets each exactly once (notification rows counted per user and post); each of the
 *    plugin's scheduled tasks runs once per period across the pair; a replica killed (SIGKILL)
 *    in the middle of a delivery leaves the other to finish it, still once per recipient.
 * 2. restart: under a steady load of feedback writes, votes and reads, the PostgreSQL is stopped
 *    (fast), kept down 5 s and started again. Requests during the outage fail fast with 503,
 *    the backend recovers without a restart, every 2xx write is in the database, and every
 *    aggregate equals what its rows say (reliability/recount.ts).
 *
 * Usage: node reliability/run.mjs  (reliability/run.sh sets up the toolchain first)
 * Env: RELIABILITY_PG_PORT (55433), RELIABILITY_PORTS (7317,7327), RELIABILITY_TEAMS (6) and
 * RELIABILITY_MEMBERS (100): the generated audience.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  fetchJson,
  guestToken,
  startBackend,
  waitFor,
} from '../bench/lib/backend.mjs';
import { privateCluster } from './lib/postgres.mjs';
import {
  AUTHOR_SECRET,
  PM,
  PRODUCT,
  userName,
  writeCatalog,
  writeConfig,
} from './lib/setup.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(HERE);
const DATA = path.join(HERE, '.data');
const PG_PORT = Number(process.env.RELIABILITY_PG_PORT ?? 55433);
const PORTS = (process.env.RELIABILITY_PORTS ?? '7317,7327')
  .split(',')
  .map(Number);
const TEAMS = Number(process.env.RELIABILITY_TEAMS ?? 6);
const MEMBERS = Number(process.env.RELIABILITY_MEMBERS ?? 100);
const API = '/api/platform-product';
const PLUGIN_DB = 'backstage_plugin_platform-product';
const NOTIFICATIONS_DB = 'backstage_plugin_notifications';
/** the bound a request may take while the database is down (see backend.database.knexConfig) */
const OUTAGE_BOUND_MS = 6_000;
const FREQUENCIES = {
  'platform-product-announcements-publish': 3_000,
  'platform-product-adoption-snapshots': 5_000,
  'platform-product-scorecards': 10_000,
  'platform-product-roadmap-shipments': 5_000,
};

const started = Date.now();
const log = message =>
  console.log(
    `[reliability ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`,
  );
const failures = [];
const check = (ok, message) => {
  log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
};
const figures = {};

const cluster = privateCluster({
  port: PG_PORT,
  dir: `/tmp/platform-product-reliability-${PG_PORT}`,
});
const backends = [];
process.on('exit', () => {
  for (const backend of backends) backend.killNow();
  try {
    cluster.remove();
  } catch {
    /* best effort */
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(130));
}

async function query(database, sql, params = []) {
  const client = new pg.Client({
    connectionString: `${cluster.url}/${database}`,
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function startReplica(name, port) {
  const config = path.join(DATA, `app-config.${name}.yaml`);
  writeConfig(config, {
    port,
    pgUrl: cluster.url,
    catalogFile: path.join(DATA, 'catalog.yaml'),
    // Knex's defaults: a stopped server refuses connections and requests fail at once anyway.
    // RELIABILITY_KNEX_ACQUIRE_TIMEOUT_MS sets acquireConnectionTimeout (what bounds a request
    // when the server does not answer at all); 3 s was too short under load here: the pool's
    // waits passed it, and the notifications backend answered its sends 400.
    knexConfig: process.env.RELIABILITY_KNEX_ACQUIRE_TIMEOUT_MS
      ? {
          acquireConnectionTimeout: Number(
            process.env.RELIABILITY_KNEX_ACQUIRE_TIMEOUT_MS,
          ),
        }
      : undefined,
  });
  const backend = startBackend({
    root: ROOT,
    configs: [path.join(ROOT, 'app-config.yaml'), config],
    logFile: path.join(DATA, `backend-${name}.log`),
    pidFile: path.join(DATA, `backend-${name}.pid`),
  });
  backend.name = name;
  backend.baseUrl = `http://127.0.0.1:${port}`;
  backend.logFile = path.join(DATA, `backend-${name}.log`);
  backends.push(backend);
  watchTaskRuns(backend);
  return backend;
}

/** SIGKILL of the replica's process group: no shutdown, no cleanup, like a lost node. */
function killHard(backend) {
  try {
    process.kill(-backend.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/**
 * The plugin's scheduled task runs, as the replicas log them (a debug line per run, see the
 * logger override in lib/setup.mjs): the logs carry no time, so they are read every 100 ms
 * and each line timed when read.
 */
const runs = [];
function watchTaskRuns(backend) {
  let offset = 0;
  let partial = '';
  const timer = setInterval(() => {
    const size = backend.logSize();
    if (size <= offset) return;
    const text = partial + backend.logSince(offset);
    offset = size;
    const lines = text.split('\n');
    partial = lines.pop();
    const at = Date.now();
    for (const line of lines) {
      const match =
        /"message":"Scheduled task (\S+): run (started|finished)"/.exec(line);
      if (match?.[2] === 'started') {
        runs.push({ task: match[1], at, end: null, replica: backend.name });
      } else if (match) {
        const run = runs.findLast(
          r => r.task === match[1] && r.replica === backend.name && !r.end,
        );
        if (run) run.end = at;
      }
    }
  }, 100);
  timer.unref();
}

async function ready(backend, token) {
  await waitFor(
    `${backend.name}: the catalog has the generated audience`,
    async () => {
      const adoption = await fetchJson(
        `${backend.baseUrl}${API}/adoption?productRef=${encodeURIComponent(
          PRODUCT,
        )}`,
        { headers: { Authorization: `Bearer ${token}` }, timeoutMs: 10_000 },
      );
      const teams = adoption?.teams?.map(t => t.teamRef) ?? [];
      return teams.filter(t => t?.startsWith('group:default/rel-team-'))
        .length === TEAMS
        ? adoption
        : undefined;
    },
    { timeoutMs: 240_000, intervalMs: 2_000, backend },
  );
}

async function post(backend, token, body) {
  return fetchJson(`${backend.baseUrl}${API}/announcements`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
}

const announcement = (title, extra = {}) => ({
  productRef: PRODUCT,
  type: 'release',
  title,
  summary: `Reliability check: ${title}`,
  body: 'Sent by reliability/run.mjs.',
  ...extra,
});

const scopeOf = id => `platform-product:announcement:${id}`;

async function delivered(id) {
  const [row] = await query(
    PLUGIN_DB,
    'select delivered_at from announcements where id = $1',
    [id],
  );
  return row?.delivered_at !== null && row?.delivered_at !== undefined;
}

/** Notifications per recipient of each post, against the audience the post recorded. */
async function countNotifications(ids) {
  const perRecipient = {};
  for (const id of ids) {
    const audience = (
      await query(
        PLUGIN_DB,
        'select user_ref, notified_at from announcement_deliveries where announcement_id = $1',
        [id],
      )
    ).map(r => ({ user: r.user_ref, notified: r.notified_at !== null }));
    const rows = await query(
      NOTIFICATIONS_DB,
      'select "user", count(*)::int as n from notification where scope = $1 group by "user"',
      [scopeOf(id)],
    );
    const counts = new Map(rows.map(r => [r.user.toLowerCase(), r.n]));
    const histogram = {};
    for (const { user } of audience) {
      const n = counts.get(user) ?? 0;
      histogram[n] = (histogram[n] ?? 0) + 1;
    }
    const strangers = [...counts.keys()].filter(
      u => !audience.some(a => a.user === u),
    );
    perRecipient[id] = {
      audience: audience.length,
      notifiedMarks: audience.filter(a => a.notified).length,
      notificationsPerRecipient: histogram,
      outsideAudience: strangers.length,
    };
  }
  return perRecipient;
}

// ---- 1. two replicas ------------------------------------------------------------------------

async function replicas() {
  fs.rmSync(DATA, { recursive: true, force: true });
  fs.mkdirSync(DATA, { recursive: true });
  const users = writeCatalog(path.join(DATA, 'catalog.yaml'), {
    teams: TEAMS,
    members: MEMBERS,
  });
  log(`generated ${users} users in ${TEAMS} teams adopting ${PRODUCT}`);
  cluster.init();
  cluster.start();
  log(`private PostgreSQL on 127.0.0.1:${PG_PORT}`);

  // One replica first: on an empty database, two backends starting at once race in the
  // framework's migrations (knex's lock table, seen: "Migration table is already locked" and
  // "relation ..._knex_migrations_lock already exists", and the backend exits). The README says so.
  const jane = {};
  const answers = async backend => {
    jane[backend.name] = await waitFor(
      `${backend.name} answers`,
      () => guestToken(backend.baseUrl, PM).catch(() => undefined),
      { timeoutMs: 180_000, intervalMs: 1_000, backend },
    );
    log(`replica ${backend.name} answers on ${backend.baseUrl}`);
  };
  const a = startReplica('a', PORTS[0]);
  await answers(a);
  const b = startReplica('b', PORTS[1]);
  await answers(b);
  await ready(a, jane.a);
  await ready(b, jane.b);
  const bothFrom = Date.now();
  log('both replicas see the product and its audience');

  // posts published at once, alternately on each replica, and scheduled ones (due in 6-9 s)
  const ids = [];
  for (let i = 0; i < 2; i++) {
    const backend = i % 2 ? b : a;
    const body = announcement(`now ${i}`);
    ids.push((await post(backend, jane[backend.name], body)).id);
  }
  const scheduled = [];
  for (let i = 0; i < 2; i++) {
    const backend = i % 2 ? b : a;
    const body = announcement(`scheduled ${i}`, {
      publishAt: new Date(Date.now() + 6_000 + i * 1_500).toISOString(),
    });
    scheduled.push((await post(backend, jane[backend.name], body)).id);
  }
  ids.push(...scheduled);
  log(`posted ${ids.length} announcements (${scheduled.length} scheduled)`);
  await waitFor(
    'every announcement delivered',
    async () => (await Promise.all(ids.map(delivered))).every(Boolean),
    { timeoutMs: 120_000, intervalMs: 1_000 },
  );
  log('all delivered');

  // both replicas run for 30 s at least before one is killed: a few periods of every task
  await sleep(Math.max(0, bothFrom + 30_000 - Date.now()));

  // a replica killed in the middle of a delivery
  let killed;
  for (let attempt = 0; attempt < 3 && !killed; attempt++) {
    const { id } = await post(a, jane.a, announcement(`cut ${attempt}`));
    for (let i = 0; i < 400; i++) {
      const [{ n }] = await query(
        NOTIFICATIONS_DB,
        'select count(*)::int as n from notification where scope = $1',
        [scopeOf(id)],
      );
      if (n > 0) {
        const [{ total }] = await query(
          PLUGIN_DB,
          'select count(*)::int as total from announcement_deliveries where announcement_id = $1',
          [id],
        );
        if (total > 0 && n < total) {
          killHard(a);
          killed = { id, notifiedAtKill: n, audience: total };
        } else {
          log(`delivery of ${id} was over before the kill (${n}/${total})`);
        }
        break;
      }
      await sleep(20);
    }
    if (!killed)
      await waitFor('delivered', () => delivered(id), { timeoutMs: 60_000 });
    if (!killed) ids.push(id);
  }
  const bothUntil = Date.now();
  check(!!killed, 'replica a killed (SIGKILL) in the middle of a delivery');
  if (killed) {
    log(
      `killed replica a with ${killed.notifiedAtKill} of ${killed.audience} recipients notified`,
    );
    const t0 = Date.now();
    await waitFor(
      'replica b finishes the cut delivery',
      () => delivered(killed.id),
      {
        timeoutMs: 90_000,
        backend: b,
      },
    );
    killed.finishedByTheOtherAfterMs = Date.now() - t0;
    ids.push(killed.id);
  }
  figures.kill = killed;

  // exactly once per recipient, each post
  const counted = await countNotifications(ids);
  figures.notifications = counted;
  for (const [id, c] of Object.entries(counted)) {
    check(
      c.audience > 0 &&
        c.notifiedMarks === c.audience &&
        Object.keys(c.notificationsPerRecipient).join() === '1' &&
        c.outsideAudience === 0,
      `announcement ${id}${id === killed?.id ? ' (cut)' : ''}: ${
        c.audience
      } recipients, notifications per recipient ${JSON.stringify(
        c.notificationsPerRecipient,
      )}, ${c.outsideAudience} outside the audience`,
    );
  }

  // each scheduled task once per period across the pair, while both ran
  figures.taskRuns = {};
  for (const [task, frequency] of Object.entries(FREQUENCIES)) {
    const inWindow = runs
      .filter(r => r.task === task && r.at >= bothFrom && r.at <= bothUntil)
      .sort((x, y) => x.at - y.at);
    // runs of one task never overlap across the pair: each starts after the one before ended
    // (a run that starts soon after a long one is the scheduler keeping its grid, not a double)
    const overlaps = inWindow
      .slice(1)
      .filter((r, i) => !inWindow[i].end || r.at < inWindow[i].end).length;
    const windowMs = bothUntil - bothFrom;
    const periods = Math.floor(windowMs / frequency);
    const byReplica = {};
    for (const r of inWindow) {
      byReplica[r.replica] = (byReplica[r.replica] ?? 0) + 1;
    }
    figures.taskRuns[task] = {
      windowS: Math.round(windowMs / 1000),
      periods,
      runs: inWindow.length,
      byReplica,
      overlaps,
    };
    check(
      inWindow.length >= 1 && inWindow.length <= periods + 1 && overlaps === 0,
      `${task}: ${inWindow.length} runs in ${Math.round(
        windowMs / 1000,
      )} s (${periods} periods of ${
        frequency / 1000
      } s) across the pair, by replica ${JSON.stringify(
        byReplica,
      )}, ${overlaps} overlapping`,
    );
  }
  return b;
}

// ---- 2. the database restarts under load --------------------------------------------------

async function restart(backend) {
  const loops = 6;
  const tokens = [];
  for (let i = 0; i < loops; i++) {
    tokens.push(await guestToken(backend.baseUrl, userName(i, 0)));
  }
  const pm = await guestToken(backend.baseUrl, PM);
  const headers = token => ({
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json',
  });
  // a few posts to vote on
  const targets = [];
  for (let i = 0; i < 6; i++) {
    const created = await fetchJson(`${backend.baseUrl}${API}/feedback`, {
      method: 'POST',
      headers: headers(pm),
      body: JSON.stringify({
        entityRef: PRODUCT,
        type: 'idea',
        title: `Vote target ${i}`,
      }),
    });
    targets.push(created.id);
  }

  const requests = [];
  const samples = [];
  const acknowledged = { posts: [], ratings: [] };
  /** the last answered state of each (post, voter): true voted, false not */
  const votes = new Map();
  let stop = false;
  let outage = { from: Infinity, to: Infinity };

  const send = async (op, method, url, token, body) => {
    const begin = Date.now();
    let status;
    let json;
    try {
      const res = await fetch(`${backend.baseUrl}${url}`, {
        method,
        headers: headers(token),
        body: body && JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      status = res.status;
      const text = await res.text();
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = text;
      }
    } catch (error) {
      status = error.name === 'TimeoutError' ? 'timeout' : 'network';
    }
    const entry = { op, begin, end: Date.now(), status };
    requests.push(entry);
    if (status !== 503 && !(status < 400) && samples.length < 5) {
      samples.push({ op, status, body: JSON.stringify(json).slice(0, 300) });
    }
    return { status, json };
  };

  const loop = async n => {
    const token = tokens[n];
    const voter = `user:default/${userName(n, 0)}`;
    for (let i = 0; !stop; i++) {
      const kind = i % 6;
      if (kind === 0) {
        const r = await send('post', 'POST', `${API}/feedback`, token, {
          entityRef: PRODUCT,
          type: 'problem',
          title: `Load ${n}-${i}`,
        });
        if (r.status === 201 || r.status === 200)
          acknowledged.posts.push(r.json.id);
      } else if (kind === 1) {
        const r = await send('rating', 'POST', `${API}/feedback`, token, {
          entityRef: PRODUCT,
          type: 'rating',
          score: i % 11,
        });
        if (r.status === 201 || r.status === 200)
          acknowledged.ratings.push(r.json.id);
      } else if (kind === 2 || kind === 3) {
        const target = targets[(n + i) % targets.length];
        const up = kind === 2;
        const r = await send(
          up ? 'vote' : 'unvote',
          up ? 'PUT' : 'DELETE',
          `${API}/feedback/${target}/vote`,
          token,
        );
        const key = `${target} ${voter}`;
        if (r.status >= 200 && r.status < 300) votes.set(key, up);
        else votes.set(key, undefined); // unknown: it may or may not have been written
      } else if (kind === 4) {
        await send(
          'list',
          'GET',
          `${API}/feedback?productRef=${encodeURIComponent(PRODUCT)}&limit=20`,
          token,
        );
      } else {
        await send(
          'announcements',
          'GET',
          `${API}/announcements?productRef=${encodeURIComponent(
            PRODUCT,
          )}&limit=20`,
          token,
        );
      }
      // a steady load, not a flood: ~25 requests/s per loop at most
      await sleep(40);
    }
  };

  const running = Array.from({ length: loops }, (_, n) => loop(n));
  await sleep(8_000);
  log('stopping PostgreSQL (fast)');
  outage.from = Date.now();
  cluster.stop();
  const stoppedAt = Date.now();
  await sleep(5_000);
  cluster.start();
  outage.to = Date.now();
  log(
    `PostgreSQL down ${((outage.to - stoppedAt) / 1000).toFixed(
      1,
    )} s, started again`,
  );
  await sleep(15_000);
  stop = true;
  await Promise.all(running);

  const ok = r => typeof r.status === 'number' && r.status < 400;
  // in flight at any moment of the outage: begun before it ended, ended after it began
  const during = requests.filter(
    r => r.begin < outage.to && r.end >= outage.from,
  );
  const after = requests.filter(r => r.begin >= outage.to);
  const failedAfter = after.filter(r => !ok(r));
  const lastFailure = failedAfter.length
    ? Math.max(...failedAfter.map(r => r.end))
    : null;
  const firstOk = after.find(ok);
  const statuses = {};
  for (const r of during) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const statusesAfter = {};
  for (const r of failedAfter)
    statusesAfter[r.status] = (statusesAfter[r.status] ?? 0) + 1;
  const longest = during.length
    ? Math.max(...during.map(r => r.end - r.begin))
    : 0;
  figures.restart = {
    requests: requests.length,
    duringOutage: during.length,
    failedDuringOutage: during.filter(r => !ok(r)).length,
    statusesDuringOutage: statuses,
    longestDuringOutageMs: longest,
    failedAfterRestart: failedAfter.length,
    statusesAfterRestart: statusesAfter,
    firstSuccessAfterRestartMs: firstOk ? firstOk.end - outage.to : null,
    recoveredAfterMs: lastFailure === null ? 0 : lastFailure - outage.to,
    acknowledgedWrites: {
      posts: acknowledged.posts.length,
      ratings: acknowledged.ratings.length,
      voteStates: [...votes.values()].filter(v => v !== undefined).length,
    },
  };
  log(`restart figures: ${JSON.stringify(figures.restart)}`);
  if (samples.length)
    log(`failures other than 503: ${JSON.stringify(samples)}`);

  check(
    during.length > 0,
    `${during.length} requests in flight while the database was down`,
  );
  check(
    during.every(r => ok(r) || r.status === 503),
    `every failure during the outage is a 503 (${JSON.stringify(statuses)})`,
  );
  check(
    longest <= OUTAGE_BOUND_MS,
    `no request during the outage took longer than ${OUTAGE_BOUND_MS} ms (longest ${longest} ms)`,
  );
  check(
    lastFailure !== null ? lastFailure - outage.to < 10_000 : true,
    `recovered without a restart: last failure ${figures.restart.recoveredAfterMs} ms after PostgreSQL was back`,
  );
  check(
    after.slice(-50).every(ok),
    'the last 50 requests of the load all succeeded',
  );

  // every write answered 2xx is there
  const posts = new Set(
    (await query(PLUGIN_DB, 'select id from feedback_posts')).map(r => r.id),
  );
  const ratings = new Set(
    (await query(PLUGIN_DB, 'select id from feedback_ratings')).map(r => r.id),
  );
  const stored = new Set(
    (
      await query(PLUGIN_DB, 'select post_id, voter_ref from feedback_votes')
    ).map(r => `${r.post_id} ${r.voter_ref}`),
  );
  const missingPosts = acknowledged.posts.filter(id => !posts.has(id));
  const missingRatings = acknowledged.ratings.filter(id => !ratings.has(id));
  const wrongVotes = [...votes].filter(
    ([key, voted]) => voted !== undefined && stored.has(key) !== voted,
  );
  check(
    !missingPosts.length && !missingRatings.length && !wrongVotes.length,
    `every acknowledged write is stored: ${acknowledged.posts.length} posts (${missingPosts.length} missing), ${acknowledged.ratings.length} ratings (${missingRatings.length} missing), ${votes.size} vote states (${wrongVotes.length} wrong)`,
  );
}

// ---- recount ------------------------------------------------------------------------------

function recount() {
  const hook = require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
    paths: [path.join(ROOT, 'packages/backend')],
  });
  const result = spawnSync(
    process.execPath,
    [
      '--require',
      hook,
      path.join(HERE, 'recount.ts'),
      `${cluster.url}/${PLUGIN_DB}`,
      AUTHOR_SECRET,
    ],
    { encoding: 'utf8', cwd: ROOT, timeout: 120_000 },
  );
  if (result.status !== 0) {
    check(false, `recount failed: ${result.stderr.slice(0, 2000)}`);
    return;
  }
  const { checked, drift } = JSON.parse(result.stdout.trim().split('\n').pop());
  figures.recounted = checked;
  check(
    drift.length === 0,
    `aggregates recounted from their rows: ${JSON.stringify(
      checked,
    )}; drift ${JSON.stringify(drift.slice(0, 10))}`,
  );
}

// ---- main ---------------------------------------------------------------------------------

try {
  const survivor = await replicas();
  await restart(survivor);
  recount();
} catch (error) {
  failures.push(String(error?.stack ?? error));
  console.error(error);
}
for (const backend of backends) {
  if (backend.alive()) await backend.stop({ graceMs: 5_000 });
}
cluster.remove();
fs.writeFileSync(
  path.join(HERE, '.figures.json'),
  JSON.stringify(figures, null, 2),
);
log(`figures: ${JSON.stringify(figures)}`);
if (failures.length) {
  log(`${failures.length} check(s) failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
log(`all checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
