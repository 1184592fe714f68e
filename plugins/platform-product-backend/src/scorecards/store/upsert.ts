import { Knex } from 'knex';
import { chunks } from '../../shared/chunks';
import { isPostgres } from '../../shared/sql';

/** A table's columns with their PostgreSQL types, in the order they are written. */
export type ColumnTypes = Record<
  string,
  'text' | 'integer' | 'bigint' | 'double precision'
>;

/** Rows per insert on SQLite: under its bound-parameter limit. */
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts the rows, or updates those whose key is there. PostgreSQL takes them in one statement
 * of one array per column (`unnest`), whatever their number: a multi-row insert of 500 rows
 * binds 500 x columns parameters, and parsing and planning such statements cost more than the
 * writing (14,000 check results: ~600 ms in 28 statements of 500 rows, ~200 ms as arrays).
 * SQLite takes multi-row inserts of 500 rows.
 */
export async function upsertRows<Row extends object>(
  tx: Knex.Transaction,
  table: string,
  rows: Row[],
  key: Array<keyof Row & string>,
  columns: Record<keyof Row & string, ColumnTypes[string]>,
): Promise<void> {
  if (!rows.length) return;
  if (!isPostgres(tx)) {
    for (const part of chunks(rows, ROWS_PER_STATEMENT)) {
      await tx(table).insert(part).onConflict(key).merge();
    }
    return;
  }
  const names = Object.keys(columns) as Array<keyof Row & string>;
  const updated = names.filter(name => !key.includes(name));
  // one array parameter per column (with its nulls, which knex's types do not list)
  const values = (name: keyof Row & string) =>
    rows.map(row => row[name] ?? null) as unknown as Knex.Value;
  await tx.raw(
    `insert into ?? (${names.map(() => '??').join(', ')})
     select * from unnest(${names
       .map(name => `?::${columns[name]}[]`)
       .join(', ')})
     on conflict (${key.map(() => '??').join(', ')}) do update set ${updated
      .map(() => '?? = excluded.??')
      .join(', ')}`,
    [
      table,
      ...names,
      ...names.map(values),
      ...key,
      ...updated.flatMap(name => [name, name]),
    ],
  );
}
