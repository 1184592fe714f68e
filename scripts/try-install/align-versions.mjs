#!/usr/bin/env node
// Moves the @backstage/* ranges of an app made by `@backstage/create-app@0.9.2` to one release line.
//
// Why: the generator seeds yarn.lock from GitHub; without that seed (no GitHub here, and in many company
// networks) its caret ranges resolve to a mix of releases (e.g. `plugin-signals-backend` calling
// `httpRouter.addWebSocketHandler`, missing from the older `backend-defaults` the template pins).
// `backstage-cli versions:bump` would fix it but needs versions.backstage.io. These are the stragglers,
// checked with `npm view <name> dist-tags.latest` against the registry reached here on 2026-12-03.
// A 0.x caret (^0.18.0) never reaches 0.19, so only those and the new majors need a bump; everything
// else follows its caret to the newest release on its own.
//
// usage: node align-versions.mjs <app dir>
import fs from 'node:fs';
import path from 'node:path';

export const BUMPS = {
  // backend
  '@backstage/backend-defaults': '^0.19.0',
  '@backstage/plugin-auth-backend': '^0.31.0',
  'better-sqlite3': '^13.2.0', // 12.x crashed on Node 24 here; 13 ships prebuilt binaries
  // app (both frontend systems)
  '@backstage/plugin-catalog-react': '^4.0.0',
  '@backstage/plugin-org': '^0.8.1',
  '@backstage/plugin-signals': '^0.0.37',
  '@backstage/plugin-signals-react': '^0.0.28',
  '@backstage/ui': '^0.20.0',
  // new frontend system
  '@backstage/frontend-plugin-api': '^1.0.0',
  '@backstage/plugin-app-react': '^0.3.0',
  '@backstage/frontend-test-utils': '^1.0.0',
};

const appDir = path.resolve(process.argv[2] ?? '.');
for (const ws of ['packages/app', 'packages/backend']) {
  const file = path.join(appDir, ws, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  const changed = [];
  for (const field of ['dependencies', 'devDependencies']) {
    for (const [name, range] of Object.entries(BUMPS)) {
      if (pkg[field]?.[name] && pkg[field][name] !== range) {
        changed.push(`${name} ${pkg[field][name]} -> ${range}`);
        pkg[field][name] = range;
      }
    }
  }
  fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(
    `    ${ws}: ${changed.length ? changed.join(', ') : 'nothing to bump'}`,
  );
}
