import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { KeptValues } from './KeptValues';

/** Whether the client is PostgreSQL (else SQLite, the embedded default). */
export function isPostgres(db: Knex): boolean {
  return ['pg', 'postgres', 'postgresql'].includes(
    String(db.client.config.client),
  );
}

/** Row locks on PostgreSQL; SQLite serializes writers anyway. */
export function forUpdate<T extends Knex.QueryBuilder>(
  postgres: boolean,
  query: T,
): T {
  return postgres ? (query.forUpdate() as T) : query;
}

/** A LIKE pattern (with `escape '\'`) matching `q` anywhere, case-insensitively. */
export function likePattern(q: string): string {
  return `%${q.toLocaleLowerCase('en-US').replace(/[\\%_]/g, '\\$&')}%`;
}

/** The number in the first row of a count or sum (0 for none). */
export const countOf = (rows: Array<Record<string, unknown>>, key = 'count') =>
  Number(rows[0]?.[key] ?? 0);

/** PostgreSQL's deadlock_detected and serialization_failure: the transaction may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Runs a write again (up to `attempts` times, after a short random pause) when PostgreSQL
 * aborted it as the victim of a deadlock or a serialization failure: nothing of it was kept,
 * and a concurrent writer that locked the same rows in another order went through. Writes
 * take their locks in one order where they can (see feedback/store/counters.ts); one
 * statement's data-modifying CTEs run in an order PostgreSQL does not promise, so this is the
 * rest of the guarantee. `fn` must start its own transaction or statement.
 */
export async function retryingDeadlocks<T>(
  fn: () => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const code = (error as { code?: unknown } | undefined)?.code;
      if (attempt >= attempts || !RETRYABLE.has(String(code))) throw error;
      await new Promise(resolve =>
        setTimeout(resolve, Math.floor(Math.random() * 10 * attempt)),
      );
    }
  }
}

/** A transaction, run again when PostgreSQL aborted it for a deadlock (see retryingDeadlocks). */
export function transaction<T>(
  db: Knex,
  fn: (tx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  return retryingDeadlocks(() => db.transaction(fn));
}

/** SQL text with `?` placeholders and their values, run with `db.raw`. */
export type Sql = { sql: string; bindings: Knex.Value[] };

/** The rows of a `db.raw` that returns rows: PostgreSQL's result has them, SQLite's is them. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? result : (result as { rows: T[] }).rows;
}

/** A table or column name of ours in hand-written SQL, quoted the same way on both engines. */
export const identifier = (name: string) => `"${name}"`;

type PgStatement = { name: string; text: string };
type PgConnection = {
  query(config: {
    name: string;
    text: string;
    values: Knex.Value[];
  }): Promise<{ rows: unknown[] }>;
};
// texts are shapes, a few dozen; the bound only guards against a text built from values
const pgStatements = new KeptValues<PgStatement>({ max: 1_000 });

/**
 * The named statement of a text: the same text always gets the same name, in every process,
 * and its `?` placeholders numbered as PostgreSQL takes them.
 */
function pgStatement(sql: string): PgStatement {
  const known = pgStatements.get(sql);
  if (known) return known;
  let n = 0;
  return pgStatements.set(sql, {
    name: `pp_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`,
    text: sql.replace(/\?/g, () => `$${++n}`),
  });
}

/**
 * Runs hand-written SQL; its rows (none for a statement that returns none). On PostgreSQL,
 * outside a transaction, it is a named statement on a connection of the database service's
 * pool, prepared once per connection: the server parses and plans it once instead of on every
 * write (PostgreSQL shares the machine's cores), and no query builder runs per request. Its
 * text depends only on its shape, never on values, and has no `?` but its placeholders.
 */
export async function runSql<T = Record<string, unknown>>(
  db: Knex,
  query: Sql,
): Promise<T[]> {
  if (isPostgres(db) && !(db as Knex.Transaction).isTransaction) {
    const { name, text } = pgStatement(query.sql);
    const connection: PgConnection = await db.client.acquireConnection();
    try {
      const result = await connection.query({
        name,
        text,
        values: query.bindings,
      });
      return result.rows as T[];
    } finally {
      await db.client.releaseConnection(connection);
    }
  }
  return rowsOf<T>(await db.raw(query.sql, query.bindings)) ?? [];
}

type SqliteStatement = {
  reader: boolean;
  all(...values: unknown[]): unknown[];
  run(...values: unknown[]): unknown;
};
type SqliteConnection = {
  prepare(sql: string): SqliteStatement;
  transaction<F extends () => unknown>(fn: F): F;
};
const sqliteStatements = new WeakMap<
  SqliteConnection,
  Map<string, SqliteStatement>
>();

/**
 * The statements of a SQLite write, in order: each `yield` hands over a statement and gets its
 * rows back; the generator's return value is the write's. A generator rather than an async
 * function so that better-sqlite3 can run the whole write synchronously (see sqliteTransaction).
 */
export type SqliteSteps<T> = Generator<Sql, T, Array<Record<string, unknown>>>;

/**
 * SQLite: a write's statements in one transaction. With better-sqlite3 (Backstage's default)
 * they run synchronously on knex's one SQLite connection, each prepared once per connection:
 * through knex each statement is prepared again and awaited in turn, and the connection stays
 * taken while other requests queue for it, which costs more than the statements themselves in
 * the event loop that also serves HTTP. Another SQLite driver runs the same statements through
 * knex.
 */
export async function sqliteTransaction<T>(
  db: Knex,
  steps: () => SqliteSteps<T>,
): Promise<T> {
  if (db.client.config.client !== 'better-sqlite3') {
    return transaction(db, async tx => {
      const write = steps();
      let step = write.next();
      while (!step.done) step = write.next(await runSql(tx, step.value));
      return step.value;
    });
  }
  const connection: SqliteConnection = await db.client.acquireConnection();
  try {
    let statements = sqliteStatements.get(connection);
    if (!statements || statements.size >= 1_000) {
      statements = new Map();
      sqliteStatements.set(connection, statements);
    }
    const prepared = statements;
    const run = (query: Sql): Array<Record<string, unknown>> => {
      let statement = prepared.get(query.sql);
      if (!statement) {
        statement = connection.prepare(query.sql);
        prepared.set(query.sql, statement);
      }
      // as knex binds them: booleans as 0 and 1
      const values = query.bindings.map(value =>
        typeof value === 'boolean' ? Number(value) : value,
      );
      if (statement.reader) {
        return statement.all(...values) as Array<Record<string, unknown>>;
      }
      statement.run(...values);
      return [];
    };
    // better-sqlite3's own transaction: begin, commit, and rollback when a step throws
    return connection.transaction(() => {
      const write = steps();
      let step = write.next();
      while (!step.done) step = write.next(run(step.value));
      return step.value;
    })() as T;
  } finally {
    await db.client.releaseConnection(connection);
  }
}
