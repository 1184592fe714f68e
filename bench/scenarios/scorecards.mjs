/**
 * Scorecards scenarios (group `scorecards`: `--scenario scorecards` selects them all), over 1,000
 * PlatformProducts with their PMs, teams, feedback, announcements, roadmaps and adoption
 * (lib/scorecardsSeed.mjs):
 *
 *   scorecards-evaluate   (measure) one whole evaluation run of the 1,000 products, the scheduled
 *                         task's work: the products read from the catalog a batch at a time, each
 *                         batch evaluated (the other capabilities' metrics, the PMs from the
 *                         catalog) and stored, then the pruning. Timed in a process of its own
 *                         running the backend's ScorecardRun on the bench's database and catalog
 *                         (lib/scorecardsRun.cjs): first runs (the results and today's snapshots
 *                         deleted before, so everything is written; the year of snapshots before
 *                         today stays, as the daily runs leave it) and second runs (nothing
 *                         changed, nothing written),
 *                         with every SQL statement counted per batch.
 *                         floor: the raw SQL of the metric reads for the 1,000 products.
 *   scorecards-portfolio  GET /portfolio: the 1,000 products with their 30-day trends.
 *                         floor: the portfolio's one statement.
 *   scorecards-portfolio-gzip  the same asked with `accept-encoding: gzip`, as a browser asks.
 *   scorecards-get        GET /scorecards?productRef= of one product. floor: its two statements.
 *
 * The portfolio is checked against the seed: every product, with the open posts, oldest
 * untriaged post, last announcement and adopting teams it was seeded with, and a 30-point trend.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  PRODUCTS,
  productRef,
  productRefs,
  scorecardEntities,
} from '../lib/scorecardsCatalog.mjs';
import { seedScorecards } from '../lib/scorecardsSeed.mjs';
import {
  metricsFloor,
  portfolioFloor,
  scorecardFloor,
  seedHistory,
} from '../lib/scorecardsFloors.mjs';
import { round, summarize } from '../lib/stats.mjs';
import { timed } from './announcements.mjs';

const require = createRequire(import.meta.url);
const BENCH = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ROOT = path.dirname(BENCH);
const DATA = path.join(BENCH, '.data');
const PG_ADMIN_URL =
  process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const PG_PREFIX = process.env.BENCH_PG_PREFIX ?? 'bench_';
const RUNS = Number(process.env.BENCH_SCORECARDS_RUNS ?? 3);
// app-config.bench.yaml's static token for the run's catalog reads (a service, as the task is)
const SERVICE_TOKEN = 'bench-scorecards-run-only';
const GET_PRODUCT = productRef(10);
const q = encodeURIComponent;
// what the read routes must answer on the engine being measured, set by their prepare
let portfolioExpected;
let expectedScorecard;

/** Per plugin database (one per engine run): what was seeded, evaluated and checked. */
const states = new WeakMap();
const stateOf = db => {
  let s = states.get(db);
  if (!s) states.set(db, (s = {}));
  return s;
};

async function ensureSeeded({ pluginDb, log }) {
  const s = stateOf(pluginDb);
  if (!s.seed) {
    const t = performance.now();
    s.seed = await seedScorecards(pluginDb, { log });
    s.seed.totals.snapshots = await seedHistory(pluginDb, s.seed.expected);
    log(
      `scorecards: seeded ${
        s.seed.totals.snapshots
      } scorecard snapshots (a year before today); seeding took ${round(
        (performance.now() - t) / 1000,
        1,
      )} s`,
    );
  }
  return s;
}

/**
 * Runs lib/scorecardsRun.cjs with the CLI's TypeScript hook: one warm-up run, then `repeat`
 * first and second runs. Returns its result.
 */
function runEvaluation({ baseUrl, engine, log }, repeat) {
  const hook = require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
    paths: [path.join(ROOT, 'packages/backend')],
  });
  const configs = [
    path.join(ROOT, 'app-config.yaml'),
    path.join(BENCH, 'app-config.bench.yaml'),
    ...(engine === 'postgres'
      ? [path.join(BENCH, 'app-config.bench.postgres.yaml')]
      : []),
    path.join(DATA, 'app-config.run.yaml'),
  ];
  const backendPid = Number(
    fs.readFileSync(path.join(DATA, 'backend.pid'), 'utf8'),
  );
  const job = {
    engine,
    pgUrl: `${PG_ADMIN_URL}/${PG_PREFIX}platform-product`,
    sqliteFile: path.join(DATA, 'sqlite/platform-product.sqlite'),
    baseUrl,
    token: SERVICE_TOKEN,
    configs,
    ownPids: [process.pid, backendPid],
    repeat,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--require', hook, path.join(BENCH, 'lib/scorecardsRun.cjs')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          BENCH_SCORECARDS_JOB: JSON.stringify(job),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', d => {
      out += d;
    });
    child.stderr.on('data', d => {
      for (const line of String(d).trimEnd().split('\n')) log(`  ${line}`);
    });
    child.on('error', reject);
    child.on('exit', code => {
      const line = out.split('\n').find(l => l.startsWith('RESULT '));
      if (code !== 0 || !line)
        return reject(
          new Error(
            `the scorecards run exited with ${code}: ${out.slice(-2000)}`,
          ),
        );
      return resolve(JSON.parse(line.slice('RESULT '.length)));
    });
  });
}

/** Evaluated once: what the read scenarios need (scorecards-evaluate leaves it so too). */
async function ensureEvaluated(ctx) {
  const s = await ensureSeeded(ctx);
  if (!s.evaluated) {
    await runEvaluation(ctx, 0);
    s.evaluated = true;
  }
  return s;
}

/** Problems of the portfolio's answer against the seed (every product, its figures, its trend). */
function portfolioProblems(body, expected, trendPoints) {
  const problems = [];
  const byRef = new Map((body?.items ?? []).map(i => [i.productRef, i]));
  let missing = 0;
  const wrong = [];
  for (const [ref, figures] of expected) {
    const item = byRef.get(ref);
    if (!item) {
      missing += 1;
      continue;
    }
    for (const [key, value] of Object.entries(figures)) {
      if (item[key] !== value)
        wrong.push(`${ref} ${key} ${item[key]}, seeded ${value}`);
    }
    // the compact trend ({ from, scores }, null on a day without a snapshot): every day of the
    // window scored, the last one the score shown
    const scores = item.scoreTrend?.scores ?? [];
    const scored = scores.filter(score => typeof score === 'number').length;
    if (trendPoints && scored !== trendPoints)
      wrong.push(`${ref}: ${scored} trend points`);
    else if (trendPoints && scores[scores.length - 1] !== item.score)
      wrong.push(
        `${ref}: trend ends at ${scores[scores.length - 1]}, score ${
          item.score
        }`,
      );
  }
  if (missing) problems.push(`${missing} of ${expected.size} products missing`);
  if (wrong.length)
    problems.push(
      `${wrong.length} wrong figures (${wrong.slice(0, 3).join('; ')})`,
    );
  return problems;
}

const levelsOf = items => {
  const levels = {};
  for (const i of items)
    levels[i.level ?? 'none'] = (levels[i.level ?? 'none'] ?? 0) + 1;
  return levels;
};

const portfolioPath = '/api/platform-product/portfolio';

// ---- scorecards-evaluate ---------------------------------------------------------------------

/** @type {import('./index.mjs').Scenario} */
export const scorecardsEvaluate = {
  name: 'scorecards-evaluate',
  group: 'scorecards',
  description: `One evaluation run of ${PRODUCTS} products: read from the catalog, evaluated in batches, results and snapshots stored`,
  entities: scorecardEntities,
  // the readiness and the check after seeding: the portfolio answers (empty until a run)
  request: { method: 'GET', path: portfolioPath },
  async prepare(ctx) {
    const s = await ensureSeeded(ctx);
    return s.seed.totals;
  },
  check: body => (Array.isArray(body?.items) ? [] : ['no items']),
  async measure(ctx) {
    const { pluginDb, log, baseUrl, fetchJson, token } = ctx;
    const s = stateOf(pluginDb);
    const { result, otherCpuCores } = await ctx.otherCores(() =>
      runEvaluation(ctx, RUNS),
    );
    s.evaluated = true;
    const firsts = result.runs.map(r => r.first);
    const seconds = result.runs.map(r => r.second);
    const problems = [];
    for (const r of firsts) {
      if (r.products < PRODUCTS)
        problems.push(`${r.label}: ${r.products} products`);
      if (r.written.products !== r.products)
        problems.push(`${r.label}: wrote ${r.written.products} products`);
    }
    // a second run writes only what changed in the seconds since the first: a value that moves
    // with the clock (an age crossing a whole unit) may, for a few products; more is a fault
    for (const r of seconds) {
      const w = r.written;
      if (w.products + w.snapshots > 5 || w.checks > 5)
        problems.push(`${r.label}: wrote ${JSON.stringify(w)}`);
    }
    const portfolio = await fetchJson(baseUrl + portfolioPath, {
      headers: { Authorization: `Bearer ${token}` },
      timeoutMs: 60_000,
    });
    problems.push(...portfolioProblems(portfolio, s.seed.expected, 30));
    if (problems.length)
      throw new Error(`scorecards-evaluate: ${problems.join('; ')}`);

    const raw = await timed(
      `floor: the metric reads of ${PRODUCTS} products (raw SQL)`,
      10,
      metricsFloor(pluginDb.q, pluginDb, productRefs()),
      ctx,
    );
    const runRow = (runs, other) =>
      summarize(
        runs.map(r => r.ms),
        runs.reduce((a, r) => a + r.ms, 0),
        {
          failures: 0,
          otherCpuCores: round(
            Math.max(...runs.map(r => r.otherCpuCores ?? 0)),
          ),
          outerOtherCpuCores: other,
        },
      );
    const perBatch = runs => {
      const batch = runs[0].batches[0];
      const kinds = phase =>
        Object.entries(phase.byKind)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ');
      return `${batch.products} products: evaluate ${
        batch.evaluate.queries
      } (${kinds(batch.evaluate)}; ${
        batch.evaluate.catalogRequests
      } catalog request), record ${batch.record.queries} (${kinds(
        batch.record,
      )})`;
    };
    const phases = r => {
      const sum = key => round(r.batches.reduce((a, b) => a + b[key].ms, 0));
      return `catalog pages ${r.catalog.pageMs} ms (${
        r.catalog.pages
      } pages), evaluate ${sum('evaluate')} ms, record ${sum(
        'record',
      )} ms, prune ${r.prune?.ms} ms (${r.prune?.queries} statements)`;
    };
    const statements = r =>
      Object.entries(r.statements ?? {})
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, 6)
        .map(([key, { n, ms }]) => `${key} ${n}x ${round(ms)} ms`)
        .join(', ');
    const best = runs =>
      runs.reduce((a, b) =>
        (b.otherCpuCores ?? 9) < (a.otherCpuCores ?? 9) ? b : a,
      );
    log(
      `  portfolio after the runs: levels ${JSON.stringify(
        levelsOf(portfolio.items),
      )}`,
    );
    return {
      custom: true,
      route: runRow(firsts, otherCpuCores),
      'second-run': runRow(seconds, otherCpuCores),
      raw,
      cold: result.cold.ms,
      runs: result.runs,
      levels: levelsOf(portfolio.items),
      lines: [
        `${PRODUCTS} products in batches of ${
          result.batchSize
        }: first run ${firsts
          .map(r => `${round(r.ms)} ms`)
          .join(', ')} (target < 1,500 ms on PostgreSQL), second run ${seconds
          .map(r => `${round(r.ms)} ms`)
          .join(', ')}; the first run in a fresh process ${round(
          result.cold.ms,
        )} ms`,
        `statements per batch of ${perBatch(firsts)} in a first run; ${perBatch(
          seconds,
        )} in a second run; whole run: ${firsts[0].queries} (first), ${
          seconds[0].queries
        } (second), catalog requests ${firsts[0].catalog.requests}`,
        `first run (least disturbed): ${phases(
          best(firsts),
        )}; second run: ${phases(best(seconds))}`,
        `statements by time to their answer (summed; the metric reads run 3 at once): first run ${statements(
          best(firsts),
        )}; second run ${statements(best(seconds))}`,
        `written by a first run: ${JSON.stringify(
          firsts[0].written,
        )}, by a second: ${JSON.stringify(
          seconds[0].written,
        )}; levels ${JSON.stringify(levelsOf(portfolio.items))}`,
      ],
    };
  },
  raw: { db: 'plugin', floor: () => async () => undefined },
};

// ---- scorecards-portfolio and scorecards-get ------------------------------------------------

/** GET /portfolio; `gzip`: asked compressed, as a browser asks for it. */
function portfolioScenario(name, gzip) {
  return {
    name,
    group: 'scorecards',
    description: `GET the portfolio of ${PRODUCTS} products with their 30-day trends${
      gzip ? ', gzip-compressed' : ''
    }`,
    entities: scorecardEntities,
    request: {
      method: 'GET',
      path: portfolioPath,
      ...(gzip ? { headers: { 'accept-encoding': 'gzip' } } : {}),
    },
    async prepare(ctx) {
      const s = await ensureEvaluated(ctx);
      portfolioExpected = s.seed.expected;
      return { products: PRODUCTS };
    },
    // after prepare: the seed's figures and the 30-day trend of every product
    check: body => portfolioProblems(body, portfolioExpected, 30),
    raw: {
      db: 'plugin',
      floor: query => portfolioFloor(query),
      checkRaw: rows =>
        rows.length >= PRODUCTS ? [] : [`raw: ${rows.length} products`],
    },
  };
}

/** @type {import('./index.mjs').Scenario} */
export const scorecardsPortfolio = portfolioScenario(
  'scorecards-portfolio',
  false,
);
/** @type {import('./index.mjs').Scenario} */
export const scorecardsPortfolioGzip = portfolioScenario(
  'scorecards-portfolio-gzip',
  true,
);

/** @type {import('./index.mjs').Scenario} */
export const scorecardsGet = {
  name: 'scorecards-get',
  group: 'scorecards',
  description: `GET one product's scorecard (of ${PRODUCTS} evaluated)`,
  entities: scorecardEntities,
  request: {
    method: 'GET',
    path: `/api/platform-product/scorecards?productRef=${q(GET_PRODUCT)}`,
  },
  async prepare(ctx) {
    await ensureEvaluated(ctx);
    const [row] = await ctx.pluginDb.q(
      `SELECT score, level FROM scorecard_products WHERE product_ref = :p`,
      { p: GET_PRODUCT },
    );
    const [{ n }] = await ctx.pluginDb.q(
      `SELECT count(*) AS n FROM scorecard_check_results WHERE product_ref = :p`,
      { p: GET_PRODUCT },
    );
    expectedScorecard = {
      score: Number(row.score),
      level: row.level,
      checks: Number(n),
    };
    return expectedScorecard;
  },
  check(body) {
    if (!expectedScorecard) return [];
    const problems = [];
    if (body?.productRef !== GET_PRODUCT)
      problems.push(`productRef ${body?.productRef}`);
    if (
      body?.score !== expectedScorecard.score ||
      body?.level !== expectedScorecard.level
    )
      problems.push(
        `score ${body?.score} level ${body?.level}, stored ${expectedScorecard.score} ${expectedScorecard.level}`,
      );
    if (body?.checks?.length !== expectedScorecard.checks)
      problems.push(
        `${body?.checks?.length} checks, stored ${expectedScorecard.checks}`,
      );
    if (!body?.evaluatedAt) problems.push('no evaluatedAt');
    return problems;
  },
  raw: {
    db: 'plugin',
    floor: (query, db) => scorecardFloor(query, db, GET_PRODUCT),
    checkRaw: r => (r.product && r.checks.length ? [] : ['raw: no scorecard']),
  },
};

export const scorecardScenarios = [
  scorecardsEvaluate,
  scorecardsPortfolio,
  scorecardsPortfolioGzip,
  scorecardsGet,
];
