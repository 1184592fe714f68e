/**
 * One scorecard evaluation run over the whole catalog, timed in a process of its own: the backend's
 * own `ScorecardRun` (the work of the scheduled task `platform-product-scorecards`), built the way
 * the scorecards capability builds it, with
 *   - a knex on the bench backend's platform-product database (the same file or database),
 *   - the catalog of the running bench backend over HTTP (`CatalogClient`, a service token of the
 *     bench config, so it sees every product as the task's own credentials do),
 *   - the bench backend's config (levels, weights, thresholds, batch size) and the demo backend's
 *     custom check (on-call rota), as packages/backend adds it.
 * Started by scenarios/scorecards.mjs with the CLI's TypeScript hook (node --require
 * nodeTransform.cjs), so it runs the TypeScript sources of this checkout.
 *
 * Job (env BENCH_SCORECARDS_JOB, JSON): { engine, pgUrl | sqliteFile, baseUrl, token, configs,
 * ownPids, repeat }. It makes one untimed run (the code warms up, the pool connects: a backend
 * that runs the task every hour is warm), then `repeat` times: the results and today's snapshots
 * deleted, a timed first run (everything written), a timed second run (nothing changed). Every SQL statement
 * is counted (knex's `query` event), per batch and phase; the catalog's requests are counted too.
 * Prints one line `RESULT <json>`.
 */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'plugins/platform-product-backend/src/scorecards');

const job = JSON.parse(process.env.BENCH_SCORECARDS_JOB);
const round = n => Math.round(n * 100) / 100;

/**
 * Statements by kind (select, insert, update, delete, begin, commit...), all of them counted; and
 * per kind and table (`insert scorecard_check_results`) their number and the time from sending to
 * the answer (the database's and the driver's part of the run, `statements`, reset per run).
 */
function queryCounter(db) {
  const counter = { total: 0, byKind: {}, paused: false, statements: {} };
  const started = new Map();
  db.on('query', q => {
    if (counter.paused) return;
    counter.total += 1;
    const sql = String(q.sql).trim();
    const kind = sql.split(/\s+/)[0].toLowerCase();
    counter.byKind[kind] = (counter.byKind[kind] ?? 0) + 1;
    // the metric facts select from a list of the batch's refs, a subquery per metric
    const table = /from \(values/i.test(sql)
      ? 'facts (a subquery per metric)'
      : /(?:from|into|update)\s+[`"]?(\w+)/i.exec(sql)?.[1] ?? '';
    started.set(q.__knexQueryUid, {
      key: `${kind.replace(/;$/, '')} ${table}`.trim(),
      t: performance.now(),
    });
  });
  const answered = (_response, q) => {
    const start = started.get(q.__knexQueryUid);
    if (!start) return;
    started.delete(q.__knexQueryUid);
    const entry = (counter.statements[start.key] ??= { n: 0, ms: 0 });
    entry.n += 1;
    entry.ms = round(entry.ms + performance.now() - start.t);
  };
  db.on('query-response', answered);
  db.on('query-error', answered);
  return counter;
}

const since = (counter, before) => {
  const byKind = {};
  for (const [kind, n] of Object.entries(counter.byKind)) {
    const d = n - (before.byKind[kind] ?? 0);
    if (d) byKind[kind] = d;
  }
  return { queries: counter.total - before.total, byKind };
};
const mark = counter => ({
  total: counter.total,
  byKind: { ...counter.byKind },
});

/** The catalog of the bench backend as a CatalogService, each page's wait and request counted. */
function benchCatalog(client, token, trace) {
  const call = name => (request, _options) => {
    trace.requests += 1;
    return client[name](request, { token });
  };
  return {
    getEntities: call('getEntities'),
    getEntitiesByRefs: call('getEntitiesByRefs'),
    queryEntities: call('queryEntities'),
    getEntityByRef: call('getEntityByRef'),
    getEntityFacets: call('getEntityFacets'),
    async *streamEntities(request, _options) {
      const iterator = client
        .streamEntities(request, { token })
        [Symbol.asyncIterator]();
      for (;;) {
        const t = performance.now();
        trace.requests += 1;
        const { value, done } = await iterator.next();
        trace.pageMs += performance.now() - t;
        if (done) return;
        trace.pages += 1;
        yield value;
      }
    },
  };
}

function readConfigs(files) {
  const yaml = require('yaml');
  const { ConfigReader } = require('@backstage/config');
  return ConfigReader.fromConfigs(
    files.map(file => ({
      context: path.basename(file),
      data: yaml.parse(fs.readFileSync(file, 'utf8')) ?? {},
    })),
  );
}

const logger = {
  info: () => {},
  debug: () => {},
  warn: (...args) => console.error('[scorecards run] warn', ...args),
  error: (...args) => console.error('[scorecards run] error', ...args),
  child() {
    return logger;
  },
};

async function main() {
  const { default: knexFactory } = require('knex');
  const { CatalogClient } = require('@backstage/catalog-client');
  const { ScorecardRun } = require(path.join(SRC, 'ScorecardRun'));
  const { DatabaseProductEvaluator } = require(path.join(
    SRC,
    'DatabaseProductEvaluator',
  ));
  const { DatabaseScorecardStore } = require(path.join(
    SRC,
    'DatabaseScorecardStore',
  ));
  const { readScorecardRunConfig } = require(path.join(SRC, 'config'));
  // the demo backend's custom check, as packages/backend adds it
  const { onCallRotaCheck } = require(path.join(
    ROOT,
    'packages/backend/src/onCallCheckModule',
  ));
  const { cpuSnapshot, otherCores } = await import('./cpu.mjs');

  const db =
    job.engine === 'postgres'
      ? knexFactory({ client: 'pg', connection: job.pgUrl })
      : knexFactory({
          client: 'better-sqlite3',
          connection: { filename: job.sqliteFile },
          useNullAsDefault: true,
        });
  const counter = queryCounter(db);
  const trace = { requests: 0, pages: 0, pageMs: 0 };
  const catalog = benchCatalog(
    new CatalogClient({
      discoveryApi: { getBaseUrl: async id => `${job.baseUrl}/api/${id}` },
    }),
    job.token,
    trace,
  );
  const auth = {
    getOwnServiceCredentials: async () => ({
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'service', subject: 'plugin:platform-product' },
    }),
  };
  const config = readConfigs(job.configs);
  const runConfig = readScorecardRunConfig(config);
  const evaluator = DatabaseProductEvaluator.create({
    db,
    config,
    catalog,
    auth,
    customChecks: [onCallRotaCheck],
    logger,
  });
  const store = DatabaseScorecardStore.create(db);

  // each batch's evaluation and write, and the pruning, timed and counted
  let batches = [];
  let prune;
  const timedEvaluator = {
    async evaluate(products) {
      const t = performance.now();
      const before = mark(counter);
      const requests = trace.requests;
      const result = await evaluator.evaluate(products);
      batches.push({
        products: products.length,
        evaluate: {
          ms: round(performance.now() - t),
          ...since(counter, before),
          catalogRequests: trace.requests - requests,
        },
      });
      return result;
    },
  };
  const timedStore = Object.create(store);
  timedStore.record = async (...args) => {
    const t = performance.now();
    const before = mark(counter);
    const result = await store.record(...args);
    batches[batches.length - 1].record = {
      ms: round(performance.now() - t),
      ...since(counter, before),
    };
    return result;
  };
  timedStore.prune = async (...args) => {
    const t = performance.now();
    const before = mark(counter);
    const result = await store.prune(...args);
    prune = { ms: round(performance.now() - t), ...since(counter, before) };
    return result;
  };
  const run = new ScorecardRun({
    catalog,
    auth,
    evaluator: timedEvaluator,
    store: timedStore,
    logger,
    batchSize: runConfig.batchSize,
    historyDays: runConfig.historyDays,
  });

  /** Every product's results and today's snapshots gone: a run writes them all again. */
  const clear = async () => {
    counter.paused = true;
    await db('scorecard_check_results').delete();
    await db('scorecard_products').delete();
    await db('scorecard_snapshots')
      .where('day', '>=', new Date().toISOString().slice(0, 10))
      .delete();
    // as on a first run, no dead rows of the same keys for the inserts to step over
    if (job.engine === 'postgres')
      await db.raw(
        'VACUUM scorecard_check_results, scorecard_products, scorecard_snapshots',
      );
    counter.paused = false;
  };
  const timedRun = async label => {
    batches = [];
    prune = undefined;
    counter.statements = {};
    Object.assign(trace, { requests: 0, pages: 0, pageMs: 0 });
    const before = mark(counter);
    const cpu = cpuSnapshot(job.ownPids.concat(process.pid));
    const startedAt = Date.now();
    const t = performance.now();
    const outcome = await run.run();
    const ms = performance.now() - t;
    const changed = await changedSince(startedAt);
    const result = {
      label,
      ms: round(ms),
      otherCpuCores: otherCores(cpu, require('node:os').cpus().length),
      ...outcome,
      ...since(counter, before),
      catalog: {
        requests: trace.requests,
        pages: trace.pages,
        pageMs: round(trace.pageMs),
      },
      batches,
      prune,
      changed,
      statements: counter.statements,
    };
    const total = key => round(batches.reduce((a, b) => a + b[key].ms, 0));
    const changes = (label.startsWith('second') ? changed.checks : [])
      .slice(0, 5)
      .map(c => `${c.product_ref} ${c.check_id} = ${c.value}`);
    console.error(
      `[scorecards run] ${label}: ${result.ms} ms, ${
        outcome.products
      } products, ${result.queries} statements, wrote ${JSON.stringify(
        outcome.written,
      )}; catalog pages ${round(trace.pageMs)} ms, evaluate ${total(
        'evaluate',
      )} ms, record ${total('record')} ms, prune ${prune?.ms} ms${
        changes.length ? `; changed checks: ${changes.join(', ')}` : ''
      }`,
    );
    return result;
  };

  /** What a run changed (changed_at from its start on), not counted. */
  const changedSince = async startedAt => {
    counter.paused = true;
    try {
      const [{ n }] = await db('scorecard_products')
        .where('changed_at', '>=', startedAt)
        .count({ n: '*' });
      return {
        products: Number(n),
        checks: await db('scorecard_check_results')
          .where('changed_at', '>=', startedAt)
          .select('product_ref', 'check_id', 'value')
          .limit(20),
      };
    } finally {
      counter.paused = false;
    }
  };

  const result = { batchSize: runConfig.batchSize, runs: [] };
  try {
    await clear();
    result.cold = await timedRun('cold first run (untimed warm-up)');
    for (let i = 0; i < job.repeat; i++) {
      await clear();
      result.runs.push({
        first: await timedRun(`first run ${i + 1}`),
        second: await timedRun(`second run ${i + 1}`),
      });
    }
  } finally {
    await db.destroy();
  }
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
