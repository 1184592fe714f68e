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
