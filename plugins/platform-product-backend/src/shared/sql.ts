import { Knex } from 'knex';

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

/** Runs hand-written SQL; its rows (none for a statement that returns none). */
export async function runSql<T = Record<string, unknown>>(
  db: Knex,
  query: Sql,
): Promise<T[]> {
  return rowsOf<T>(await db.raw(query.sql, query.bindings)) ?? [];
}
