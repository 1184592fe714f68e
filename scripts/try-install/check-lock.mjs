#!/usr/bin/env node
// Fails when an app's yarn.lock holds more than one version of a @backstage/* package, and says who asks
// for each version. With --save <file> it records the duplicates the app had before (the generated app
// has one: `app-defaults` 1.7.12, the newest there is, still asks for `frontend-plugin-api` 0.18), and
// with --against <file> it fails only on duplicates that were not there before.
// usage: node check-lock.mjs <app dir> [--save <file> | --against <file>]
import fs from 'node:fs';
import path from 'node:path';

const appDir = path.resolve(process.argv[2] ?? '.');
const mode = process.argv[3];
const file = process.argv[4];
const prefix = '@backstage/';
const lock = fs.readFileSync(path.join(appDir, 'yarn.lock'), 'utf8');

// a Yarn 4 lockfile: `"<name>@npm:<range>, <name>@npm:<range>":` then indented fields
const entries = [];
let current;
for (const line of lock.split('\n')) {
  if (/^"?[^\s#].*:$/.test(line)) {
    const descriptors = line.replace(/:$/, '').replace(/"/g, '').split(', ');
    const first = descriptors[0];
    const at = first.indexOf('@', 1);
    current = { name: first.slice(0, at), descriptors, deps: {} };
    entries.push(current);
  } else if (current && /^  version: /.test(line)) {
    current.version = line.trim().slice('version: '.length);
  } else if (current && /^    \S/.test(line) && current.inDeps) {
    const m = line.trim().match(/^"?([^":]+)"?: "?([^"]+)"?$/);
    if (m) current.deps[m[1]] = m[2];
  }
  if (current) {
    if (/^  (dependencies|peerDependencies):$/.test(line))
      current.inDeps = true;
    else if (/^  \S/.test(line)) current.inDeps = false;
  }
}

const byName = new Map();
for (const e of entries) {
  if (!e.name.startsWith(prefix) || !e.version) continue;
  if (!byName.has(e.name)) byName.set(e.name, []);
  byName.get(e.name).push(e);
}

const dups = [...byName].filter(
  ([, list]) => new Set(list.map(e => e.version)).size > 1,
);
const before =
  mode === '--against' ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
if (mode === '--save') {
  fs.writeFileSync(
    file,
    JSON.stringify(
      Object.fromEntries(dups.map(([n, l]) => [n, l.map(e => e.version)])),
    ),
  );
}
const isNew = ([name, list]) =>
  mode !== '--save' &&
  list.some(e => !(before[name] ?? []).includes(e.version));
const fresh = dups.filter(isNew);
const known = dups.filter(d => !isNew(d));

function print([name, list]) {
  console.log(`    ${name}`);
  for (const e of list) {
    const ranges = e.descriptors
      .map(d => d.slice(d.indexOf('@', 1) + 1))
      .join(', ');
    const askers = entries
      .filter(o => {
        const range = o.deps[name];
        if (!range) return false;
        return e.descriptors.includes(
          `${name}@${range.includes(':') ? range : `npm:${range}`}`,
        );
      })
      .map(o => `${o.name}@${o.version}`);
    askers.sort(
      (a, b) =>
        Number(b.startsWith('@platform-product/')) -
        Number(a.startsWith('@platform-product/')),
    );
    const shown =
      askers.slice(0, 6).join(', ') +
      (askers.length > 6 ? `, ... (${askers.length})` : '');
    console.log(
      `      ${e.version}  (${ranges})${askers.length ? `  <- ${shown}` : ''}`,
    );
  }
}

if (known.length) {
  console.log(
    mode === '--save'
      ? `    the generated app itself has ${known.length} in two versions (recorded; only new ones fail later):`
      : `    already in the generated app before the suite (${known.length}, not the suite's doing):`,
  );
  known.forEach(print);
}
if (!fresh.length) {
  console.log(
    `    yarn.lock: one version of each of ${
      byName.size - known.length
    } other ${prefix}* packages`,
  );
  process.exit(0);
}
console.log(
  `    yarn.lock: ${fresh.length} ${prefix}* packages in more than one version${
    mode === '--against' ? ' since the suite was added' : ''
  }:`,
);
fresh.forEach(print);
// what the suite's packages would have to accept to share the app's version
const widen = [];
for (const [name, list] of dups) {
  const newest = list
    .map(e => e.version)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .pop();
  for (const o of entries) {
    if (!o.name.startsWith('@platform-product/') || !o.deps[name]) continue;
    const range = o.deps[name].includes(':')
      ? o.deps[name]
      : `npm:${o.deps[name]}`;
    const mine = list.find(e => e.descriptors.includes(`${name}@${range}`));
    if (mine && mine.version !== newest)
      widen.push(
        `${o.name}: "${name}": "${o.deps[name].replace(
          /^npm:/,
          '',
        )}" does not accept ${newest}`,
      );
  }
}
if (widen.length) {
  console.log("    the suite pins below the app's line; widen these ranges:");
  widen.forEach(w => console.log(`      ${w}`));
}
process.exit(1);
