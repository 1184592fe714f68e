/**
 * A private PostgreSQL cluster for the reliability scripts: its own data folder under /tmp, its
 * own port (55433 by default), trust authentication on 127.0.0.1 only. Never the machine's
 * shared server on 5432. initdb and pg_ctl run as the `postgres` user (`runuser`) when this
 * process is root, as this user otherwise.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function binDir() {
  if (process.env.RELIABILITY_PG_BIN) return process.env.RELIABILITY_PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = fs
    .readdirSync(base)
    .filter(v => fs.existsSync(path.join(base, v, 'bin/pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error(`no PostgreSQL under ${base}`);
  return path.join(base, versions[0], 'bin');
}

export function privateCluster({ port = 55433, dir }) {
  const bin = binDir();
  const root = process.getuid?.() === 0;
  const run = (tool, args, opts = {}) => {
    const cmd = root
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
    const result = spawnSync(cmd[0], cmd[1], {
      encoding: 'utf8',
      timeout: 60_000,
      ...opts,
    });
    if (result.status !== 0 && !opts.allowFailure) {
      throw new Error(
        `${tool} ${args.join(' ')} failed (${result.status}): ${result.stderr}${
          result.stdout
        }`,
      );
    }
    return result;
  };
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  const url = `postgresql://postgres@127.0.0.1:${port}`;

  return {
    url,
    port,
    log,
    init() {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      if (root) execFileSync('chown', ['postgres:postgres', dir]);
      run('initdb', [
        '-D',
        data,
        '-U',
        'postgres',
        '-A',
        'trust',
        '--no-sync',
        '-E',
        'UTF8',
      ]);
      // loopback only, a socket folder of its own, enough connections for two backends
      fs.appendFileSync(
        path.join(data, 'postgresql.conf'),
        [
          `port = ${port}`,
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${dir}'`,
          'max_connections = 300',
          'fsync = off',
          'synchronous_commit = off',
          'full_page_writes = off',
          '',
        ].join('\n'),
      );
    },
    start() {
      run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', 'start']);
    },
    /** Stops fast: open connections are cut, like a maintenance restart. */
    stop({ allowFailure = false } = {}) {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop'], {
        allowFailure,
      });
    },
    running() {
      return (
        run('pg_ctl', ['-D', data, 'status'], { allowFailure: true }).status ===
        0
      );
    },
    remove() {
      if (fs.existsSync(data) && this.running())
        this.stop({ allowFailure: true });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
