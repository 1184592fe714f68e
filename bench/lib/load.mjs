/**
 * Load generators. Both are closed loops at a fixed concurrency for a fixed duration, and both time
 * every single request / iteration, so their percentiles are computed the same way (lib/stats.mjs).
 */
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { summarize } from './stats.mjs';

/** HTTP load with autocannon: `connections` keep-alive connections, each one request at a time. */
export function httpLoad({
  url,
  method = 'GET',
  headers = {},
  body,
  connections,
  durationSec,
  amount,
  requests,
}) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    let bytes = 0;
    const started = performance.now();
    const instance = autocannon(
      {
        url,
        method,
        headers:
          body === undefined
            ? headers
            : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        // autocannon cycles through `requests` on each connection (e.g. a rating, then a post)
        ...(requests
          ? {
              requests: requests.map(r => ({
                method: r.method,
                path: r.path,
                // `next()` gives each request its own headers and body (one user's token each), and path
                ...(r.next
                  ? {
                      setupRequest: req => {
                        const {
                          path: ownPath,
                          headers: own,
                          body: ownBody,
                        } = r.next();
                        return {
                          ...req,
                          ...(ownPath ? { path: ownPath } : {}),
                          headers: {
                            ...req.headers,
                            'content-type': 'application/json',
                            ...own,
                          },
                          body: JSON.stringify(ownBody),
                        };
                      },
                    }
                  : {}),
                ...(r.body === undefined
                  ? {}
                  : {
                      body: JSON.stringify(r.body),
                      headers: {
                        'content-type': 'application/json',
                        ...headers,
                      },
                    }),
              })),
            }
          : {}),
        connections,
        pipelining: 1,
        // a fixed number of requests (writes: "5,000 at concurrency 8"), or a fixed time
        ...(amount ? { amount } : { duration: durationSec }),
        timeout: 120, // seconds, per request (a list over 200,000 posts on SQLite takes many)
        bailout: 100, // stop after 100 socket errors
      },
      (err, result) => {
        if (err) return reject(err);
        const elapsed = performance.now() - started;
        const ok = latencies.filter(l => l.ok).map(l => l.ms);
        const failures =
          latencies.length - ok.length + result.errors + result.timeouts;
        resolve(
          summarize(ok, elapsed, {
            failures,
            statuses,
            bytesPerResponse: ok.length ? Math.round(bytes / ok.length) : 0,
          }),
        );
      },
    );
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      const ok = statusCode >= 200 && statusCode < 300;
      if (ok) bytes += resBytes;
      latencies.push({ ok, ms: responseTime });
    });
  });
}

/** Runs `iteration` in `concurrency` async loops for `durationSec`, timing each iteration. */
export async function loopLoad({
  iteration,
  concurrency,
  durationSec,
  maxIterations = 1_000_000,
}) {
  const latencies = [];
  let failures = 0;
  let firstError;
  const started = performance.now();
  const deadline = started + durationSec * 1000;
  const worker = async () => {
    while (
      performance.now() < deadline &&
      latencies.length + failures < maxIterations
    ) {
      const t0 = performance.now();
      try {
        await iteration();
        latencies.push(performance.now() - t0);
      } catch (e) {
        failures += 1;
        firstError ??= e;
        if (failures >= 100) break;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  return summarize(latencies, elapsed, {
    failures,
    ...(firstError
      ? { firstError: String(firstError.message ?? firstError) }
      : {}),
  });
}
