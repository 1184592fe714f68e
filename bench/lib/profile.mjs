/**
 * Optional CPU profile of the backend while the route is under load (BENCH_PROFILE=1): the backend
 * starts with --inspect on loopback, and this drives V8's sampling profiler over the DevTools
 * protocol around one extra load pass. Writes a .cpuprofile (open it in Chrome DevTools) and returns
 * a summary: self time by package and the hottest functions.
 */
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export async function connectInspector(port) {
  const list = await (
    await fetch(`http://127.0.0.1:${port}/json/list`, {
      signal: AbortSignal.timeout(5000),
    })
  ).json();
  const ws = new WebSocket(list[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error('inspector connection failed'));
  });
  let id = 0;
  const pending = new Map();
  ws.onmessage = event => {
    const msg = JSON.parse(event.data);
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      msg.error ? reject(new Error(msg.error.message)) : resolve(msg.result);
    }
  };
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const msgId = ++id;
      pending.set(msgId, { resolve, reject });
      ws.send(JSON.stringify({ id: msgId, method, params }));
      setTimeout(() => {
        if (pending.delete(msgId))
          reject(new Error(`${method}: no answer in 60 s`));
      }, 60_000).unref();
    });
  return { send, close: () => ws.close() };
}

export async function profileDuring(port, file, work) {
  const inspector = await connectInspector(port);
  try {
    await inspector.send('Profiler.enable');
    await inspector.send('Profiler.setSamplingInterval', { interval: 500 });
    await inspector.send('Profiler.start');
    await sleep(100);
    await work();
    const { profile } = await inspector.send('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    return summarizeProfile(profile);
  } finally {
    inspector.close();
  }
}

function categoryOf(url, functionName) {
  if (!url)
    return functionName.startsWith('(') ? functionName : '(native/builtin)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const ws = url.match(/\/(plugins|packages)\/([^/]+)\//);
  if (ws) return `${ws[1]}/${ws[2]}`;
  if (url.startsWith('node:')) return 'node (core)';
  return url;
}

export function summarizeProfile(profile) {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0) || 1;
  const byCategory = new Map();
  const byFunction = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    const cat = categoryOf(callFrame.url, callFrame.functionName);
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + us);
    const fn = `${callFrame.functionName || '(anonymous)'} ${
      callFrame.url
        ? `${callFrame.url
            .replace(/^.*node_modules\//, '')
            .replace(/^file:\/\/.*\/(plugins|packages)\//, '$1/')}:${
            callFrame.lineNumber + 1
          }`
        : ''
    }`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const top = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({
        name,
        pct: Math.round((1000 * us) / total) / 10,
      }));
  return {
    totalMs: Math.round(total / 1000),
    selfByPackage: top(byCategory, 15),
    hottestFunctions: top(byFunction, 20),
  };
}
