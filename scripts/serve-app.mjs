#!/usr/bin/env node
// Builds a demo app for production and serves it on localhost, for the browser tests
// (playwright.config.ts). Usage: node scripts/serve-app.mjs <workspace> <port>, e.g. app 3000.
// `backstage-cli package build` writes the app, its config in index.html, to packages/<workspace>/dist;
// it moves to e2e-apps/<workspace>, because a demo backend (the browser tests', start.sh's, the
// reliability replicas') would otherwise serve packages/app/dist and copy its assets into its database.
// Files are served from there, index.html for every other path (the app routes in the browser).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const [workspace, port] = process.argv.slice(2);
if (!workspace || !port) {
  console.error('Usage: node scripts/serve-app.mjs <workspace> <port>');
  process.exit(1);
}
const repo = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);
const root = path.join(repo, 'e2e-apps', workspace);
const index = path.join(root, 'index.html');

execFileSync('yarn', ['workspace', workspace, 'build'], {
  cwd: repo,
  stdio: 'inherit',
});
fs.rmSync(root, { recursive: true, force: true });
fs.mkdirSync(path.dirname(root), { recursive: true });
fs.renameSync(path.join(repo, 'packages', workspace, 'dist'), root);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

http
  .createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(root, path.normalize(urlPath));
    if (
      !file.startsWith(root) ||
      !fs.statSync(file, { throwIfNoEntry: false })?.isFile()
    ) {
      file = index;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      // the bundles' names carry their content hash; index.html names the current ones
      'Cache-Control': urlPath.startsWith('/static/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  })
  .listen(Number(port), 'localhost', () =>
    console.log(`Serving ${root} on http://localhost:${port}`),
  );
