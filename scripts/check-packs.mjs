// Checks the tarballs that scripts/pack.sh wrote: each one's manifest is publishable (entry points
// that exist in the tarball, no workspace: ranges, Backstage's publish metadata) and it carries what
// the package needs at run time (built code, migrations, config schema) and none of the sources.
// Usage: node scripts/check-packs.mjs <dir-with-tarballs>
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const tarballs = fs.readdirSync(dir).filter(f => f.endsWith('.tgz'));
const expectedPackages = fs
  .readdirSync('plugins')
  .map(d => JSON.parse(fs.readFileSync(`plugins/${d}/package.json`, 'utf8')))
  .filter(p => !p.private);

// what must be in each tarball, beyond the entry points of its manifest
const required = {
  '@platform-product/plugin-platform-product-common': [
    'dist/kind/PlatformProduct.v1alpha1.schema.json.cjs.js',
  ],
  '@platform-product/plugin-platform-product-backend': [
    'config.schema.json',
    'migrations/',
  ],
  '@platform-product/plugin-platform-product': [
    'dist/alpha.esm.js',
    'dist/alpha.d.ts',
  ],
};

const problems = [];
if (tarballs.length !== expectedPackages.length) {
  problems.push(
    `expected ${expectedPackages.length} tarballs (${expectedPackages
      .map(p => p.name)
      .join(', ')}), found ${tarballs.length}`,
  );
}

for (const tarball of tarballs) {
  const file = path.join(dir, tarball);
  const files = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(f => f.replace(/^package\//, ''));
  const manifest = JSON.parse(
    execFileSync('tar', ['-xOzf', file, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  const say = message => problems.push(`${manifest.name}: ${message}`);
  const has = f =>
    f.endsWith('/') ? files.some(x => x.startsWith(f)) : files.includes(f);

  const entryPoints = [manifest.main, manifest.module, manifest.types];
  for (const target of Object.values(manifest.exports ?? {})) {
    entryPoints.push(
      ...(typeof target === 'string' ? [target] : Object.values(target)),
    );
  }
  // (an export's "backstage" condition names the feature type, not a file)
  for (const entry of entryPoints.filter(e => e && !e.startsWith('@'))) {
    if (!has(entry.replace(/^\.\//, '')))
      say(`entry point ${entry} is missing`);
  }
  for (const f of required[manifest.name] ?? []) {
    if (!has(f)) say(`${f} is missing`);
  }
  if (files.some(f => f.startsWith('src/'))) say('ships its sources (src/)');
  if (files.some(f => /\.test\.(js|d\.ts)$/.test(f))) say('ships tests');
  // devDependencies too: a company never installs them, but a pinned one there drifts from the rest
  for (const section of [
    'dependencies',
    'peerDependencies',
    'devDependencies',
  ]) {
    for (const [name, range] of Object.entries(manifest[section] ?? {})) {
      if (range.startsWith('workspace:')) say(`${section} ${name}: ${range}`);
      if (name.startsWith('@backstage/') && /^\d/.test(range)) {
        say(`${section} ${name} is pinned to ${range}: use a caret range`);
      }
    }
  }
  const backstage = manifest.backstage ?? {};
  if (!backstage.role) say('backstage.role is missing');
  if (backstage.pluginId === 'platform-product' && !backstage.pluginPackages) {
    say(
      'backstage.pluginPackages is missing (backstage-cli repo fix --publish)',
    );
  }
  if (!manifest.publishConfig?.access) say('publishConfig.access is missing');
  console.log(`${tarball}: ${files.length} files`);
}

if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`${tarballs.length} packages packed and checked`);
