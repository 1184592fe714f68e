/**
 * Starts the demo backend (packages/backend) the way `backstage-cli package start` does, minus the
 * file watcher and the parent CLI process: node + the CLI's TypeScript require hook, run from
 * packages/backend, with NODE_ENV=production (as a deployed backend runs) and the bench config.
 * The backend gets its own process group; stop() ends that group, and only that group.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const require = createRequire(import.meta.url);

export function startBackend({ root, configs, logFile, pidFile, inspectPort }) {
  const backendDir = path.join(root, 'packages/backend');
  const hook = require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
    paths: [backendDir],
  });
  const args = [
    ...(inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : []),
    '--require',
    hook,
    'src/index.ts',
    ...configs.flatMap(c => ['--config', path.relative(backendDir, c)]),
  ];
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    cwd: backendDir,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', log, log],
    detached: true, // own process group, so stop() reaches every child it may spawn
  });
  fs.closeSync(log);
  fs.writeFileSync(pidFile, String(child.pid));
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const alive = () => exited === null;
  let stopping = false;

  /** graceMs: how long a graceful shutdown may take before SIGKILL. */
  async function stop({ graceMs = 45_000 } = {}) {
    stopping = true;
    if (!alive()) return;
    const group = -child.pid;
    try {
      process.kill(group, 'SIGTERM');
    } catch {
      /* already gone */
    }
    // a graceful Backstage shutdown takes ~30 s here (long-polling event subscribers)
    for (let i = 0; i < graceMs / 500 && alive(); i++) await sleep(500);
    if (alive()) {
      try {
        process.kill(group, 'SIGKILL');
      } catch {
        /* already gone */
      }
      for (let i = 0; i < 20 && alive(); i++) await sleep(250);
    }
    fs.rmSync(pidFile, { force: true });
  }

  /** Synchronous last resort (process 'exit' handler): kill the group outright. */
  function killNow() {
    if (!alive()) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    fs.rmSync(pidFile, { force: true });
  }

  return {
    pid: child.pid,
    alive,
    stopping: () => stopping,
    exitInfo: () => exited,
    stop,
    killNow,
    logSize: () => {
      try {
        return fs.statSync(logFile).size;
      } catch {
        return 0;
      }
    },
    logSince: offset => {
      const fd = fs.openSync(logFile, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        const buf = Buffer.alloc(Math.max(0, size - offset));
        fs.readSync(fd, buf, 0, buf.length, offset);
        return buf.toString('utf8');
      } finally {
        fs.closeSync(fd);
      }
    },
    /** Backstage logs a failed startup and may keep running: find that line in the log. */
    startupError: () => {
      try {
        const text = fs.readFileSync(logFile, 'utf8');
        const line = text
          .split('\n')
          .find(l => l.includes('Backend startup failed'));
        return line && line.slice(0, 1000);
      } catch {
        return undefined;
      }
    },
    logTail: (n = 30) => {
      try {
        return fs
          .readFileSync(logFile, 'utf8')
          .trimEnd()
          .split('\n')
          .slice(-n)
          .join('\n');
      } catch {
        return '';
      }
    },
  };
}

/** Polls fn until it returns a truthy value; bounded by count and by time. */
export async function waitFor(
  label,
  fn,
  { timeoutMs, intervalMs = 1000, backend, onTick, failOn },
) {
  const start = Date.now();
  const maxTries = Math.ceil(timeoutMs / intervalMs) + 1;
  let last;
  for (let i = 0; i < maxTries && Date.now() - start <= timeoutMs; i++) {
    const failure = failOn?.();
    if (failure) throw new Error(`${label}: ${failure}`);
    if (backend?.stopping())
      throw new Error(`stopped while waiting for ${label}`);
    if (backend && !backend.alive()) {
      throw new Error(
        `backend exited (${JSON.stringify(
          backend.exitInfo(),
        )}) while waiting for ${label}\n${backend.logTail()}`,
      );
    }
    try {
      const value = await fn();
      if (value) return value;
      last = undefined;
    } catch (e) {
      last = e;
    }
    onTick?.(Date.now() - start);
    await sleep(intervalMs);
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${label}${
      last ? `: ${last.message}` : ''
    }`,
  );
}

/** fetch with a timeout; loopback only. */
export async function fetchJson(url, { timeoutMs = 30_000, ...init } = {}) {
  const send = () =>
    fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  let res;
  try {
    res = await send();
  } catch (error) {
    // a kept-alive connection the backend closed while idle (its keep-alive timeout is 5 s,
    // a seed takes longer): a GET is sent once more, on a new connection
    if ((init.method ?? 'GET') !== 'GET' || error.name === 'TimeoutError')
      throw error;
    res = await send();
  }
  const text = await res.text();
  let body;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!res.ok) {
    const err = new Error(
      `${init.method ?? 'GET'} ${url} -> ${res.status}: ${text.slice(0, 300)}`,
    );
    err.status = res.status;
    throw err;
  }
  return body;
}

/**
 * A user token from the demo sign-in (provider id guest): the bench user's, or the catalog user
 * `user` names (its demo-user cookie).
 */
export async function guestToken(baseUrl, user) {
  const body = await fetchJson(`${baseUrl}/api/auth/guest/refresh`, {
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      ...(user ? { Cookie: `demo-user=${encodeURIComponent(user)}` } : {}),
    },
  });
  const token = body?.backstageIdentity?.token;
  if (!token)
    throw new Error(
      `no backstageIdentity.token in ${JSON.stringify(body).slice(0, 200)}`,
    );
  return token;
}
