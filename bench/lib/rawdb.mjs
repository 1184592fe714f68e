/**
 * Direct access to the catalog's own database, for the raw-query floor and for readiness checks.
 *
 * Scenarios write their SQL once, for both engines, with two placeholders:
 *   :one         a single value
 *   IN :many     a list of values (any length): SQLite `IN (SELECT value FROM json_each(?))`,
 *                PostgreSQL `= ANY($n::text[])`, so each statement is prepared once, whatever the size
 * and call q(sql, { one, many }); q returns the rows.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// `:one` / `IN :many`, or any other name (`:since`, `IN :months`); `::text` casts are left alone
const PLACEHOLDER = /IN\s+:(\w+)\b|(?<!:):(\w+)\b/g;

function translate(sql, params, engine) {
  const args = [];
  const text = sql.replace(PLACEHOLDER, (match, listName, oneName) => {
    const many = listName !== undefined;
    const value = params[many ? listName : oneName];
    if (value === undefined)
      throw new Error(`no value for ${match} in ${sql.slice(0, 80)}`);
    if (engine === 'sqlite') {
      args.push(many ? JSON.stringify(value) : value);
      return many ? 'IN (SELECT value FROM json_each(?))' : '?';
    }
    args.push(value);
    return many ? `= ANY($${args.length}::text[])` : `$${args.length}`;
  });
  return { text, args };
}

/**
 * @param {{ engine: 'sqlite'|'postgres', sqliteFile?: string, pgUrl?: string, poolSize?: number }} options
 */
export async function openCatalogDb(options) {
  if (options.engine === 'sqlite') {
    const Database = require('better-sqlite3');
    // read-only, the same file the backend writes; waits out the backend's write locks
    const db = new Database(options.sqliteFile, {
      readonly: true,
      fileMustExist: true,
      timeout: 10_000,
    });
    const statements = new Map();
    const q = async (sql, params = {}) => {
      const { text, args } = translate(sql, params, 'sqlite');
      let stmt = statements.get(text);
      if (!stmt) {
        stmt = db.prepare(text);
        statements.set(text, stmt);
      }
      return stmt.all(...args);
    };
    return {
      engine: 'sqlite',
      q,
      driver: `better-sqlite3 ${
        require('better-sqlite3/package.json').version
      } (one connection, synchronous: like the backend's)`,
      pending: async () =>
        (
          await q(`SELECT
            (SELECT count(*) FROM stitch_queue) AS stitch,
            (SELECT count(*) FROM refresh_state WHERE next_update_at <= datetime('now')) AS due,
            (SELECT count(*) FROM final_entities WHERE final_entity IS NULL) AS unstitched`)
        )[0],
      serverVersion: async () =>
        `SQLite ${(await q('SELECT sqlite_version() AS v'))[0].v}`,
      close: async () => db.close(),
    };
  }
  const { pool, q } = openPgPool(options, 'bench_raw_floor');
  return {
    engine: 'postgres',
    q,
    driver: `pg ${require('pg/package.json').version} (pool of ${
      options.poolSize ?? 8
    }, prepared statements)`,
    pending: async () => {
      const [row] = await q(`SELECT
        (SELECT count(*) FROM stitch_queue)::int AS stitch,
        (SELECT count(*) FROM refresh_state WHERE next_update_at <= now())::int AS due,
        (SELECT count(*) FROM final_entities WHERE final_entity IS NULL)::int AS unstitched`);
      return row;
    },
    serverVersion: async () =>
      `PostgreSQL ${
        (await pool.query('SHOW server_version')).rows[0].server_version
      }`,
    close: () => pool.end(),
  };
}

/**
 * The plugin's own database (feedback, announcements...), read-write: scenarios seed it in bulk
 * before measuring, and raw write floors run the store's statements on it.
 * SQLite: bench/.data/sqlite/platform-product.sqlite; PostgreSQL: bench_platform-product.
 * Besides q, it offers insertRows (bulk load) and, for SQLite, the better-sqlite3 handle (`sqlite`,
 * for synchronous transactions) and for PostgreSQL the pool (`pool`).
 *
 * @param {{ engine: 'sqlite'|'postgres', sqliteFile?: string, pgUrl?: string, poolSize?: number }} options
 */
export async function openPluginDb(options) {
  if (options.engine === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(options.sqliteFile, {
      fileMustExist: true,
      timeout: 30_000,
    });
    const statements = new Map();
    const prepare = text => {
      let stmt = statements.get(text);
      if (!stmt) {
        stmt = db.prepare(text);
        statements.set(text, stmt);
      }
      return stmt;
    };
    const q = async (sql, params = {}) => {
      const { text, args } = translate(sql, params, 'sqlite');
      const stmt = prepare(text);
      return stmt.reader ? stmt.all(...args) : (stmt.run(...args), []);
    };
    return {
      engine: 'sqlite',
      q,
      sqlite: db,
      prepare,
      /** fn(q) in one transaction (the connection is the bench's only one: nothing else runs meanwhile) */
      transaction: async fn => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(q);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      },
      driver: `better-sqlite3 ${
        require('better-sqlite3/package.json').version
      } (one connection, synchronous)`,
      /** columns: { name: pgType }; rows: arrays in the columns' order. One transaction. */
      insertRows: async (table, columns, rows) => {
        const names = Object.keys(columns);
        const stmt = db.prepare(
          `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names
            .map(() => '?')
            .join(', ')})`,
        );
        const toSqlite = v => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
        db.transaction(() => {
          for (const row of rows) stmt.run(...row.map(toSqlite));
        })();
      },
      close: async () => db.close(),
    };
  }
  const { pool, q } = openPgPool(options, 'bench_plugin_db');
  return {
    engine: 'postgres',
    q,
    pool,
    /** fn(q) in one transaction, on one connection of the pool */
    transaction: async fn => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(queryOn(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    driver: `pg ${require('pg/package.json').version} (pool of ${
      options.poolSize ?? 8
    }, prepared statements)`,
    insertRows: async (table, columns, rows, batch = 20_000) => {
      const names = Object.keys(columns);
      const text = `INSERT INTO ${table} (${names.join(
        ', ',
      )}) SELECT * FROM unnest(${names
        .map((n, i) => `$${i + 1}::${columns[n]}[]`)
        .join(', ')})`;
      for (let start = 0; start < rows.length; start += batch) {
        const chunk = rows.slice(start, start + batch);
        await pool.query(
          text,
          names.map((_, i) => chunk.map(r => r[i])),
        );
      }
    },
    close: () => pool.end(),
  };
}

/** A PostgreSQL pool and a query function that prepares each statement once per connection. */
function openPgPool(options, applicationName) {
  const { Pool } = require('pg');
  const pool = new Pool({
    connectionString: options.pgUrl,
    max: options.poolSize ?? 8,
    application_name: applicationName,
  });
  return { pool, q: queryOn(pool) };
}

/** q on a pool or one client: each statement prepared once per connection. */
function queryOn(client) {
  return async (sql, params = {}) => {
    const { text, args } = translate(sql, params, 'postgres');
    const name = `b${hash(text)}`;
    return (await client.query({ name, text, values: args })).rows;
  };
}

function hash(text) {
  let h = 5381;
  for (let i = 0; i < text.length; i++)
    h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  return h.toString(36);
}

/** Drops the bench_* databases (PostgreSQL), so every run ingests from scratch. */
export async function dropBenchDatabases(adminUrl, prefix) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(
        `DROP DATABASE "${datname.replace(/"/g, '""')}" WITH (FORCE)`,
      );
    }
    return rows.map(r => r.datname);
  } finally {
    await client.end();
  }
}
