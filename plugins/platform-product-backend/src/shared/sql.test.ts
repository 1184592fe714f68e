import knexFactory, { Knex } from 'knex';
import { retryingDeadlocks, runSql, sqliteTransaction } from './sql';

const failing = (code: string) =>
  Object.assign(new Error(`failed with ${code}`), { code });

describe('retryingDeadlocks', () => {
  it('runs a write again when PostgreSQL made it the victim of a deadlock', async () => {
    const fn = jest
      .fn()
      .mockRejectedValueOnce(failing('40P01'))
      .mockRejectedValueOnce(failing('40001'))
      .mockResolvedValue('done');
    await expect(retryingDeadlocks(fn)).resolves.toBe('done');
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('gives up after the attempts, with the last error', async () => {
    const fn = jest.fn().mockRejectedValue(failing('40P01'));
    await expect(retryingDeadlocks(fn, 3)).rejects.toThrow('failed with 40P01');
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('never runs again a write that failed for another reason', async () => {
    const fn = jest.fn().mockRejectedValue(failing('23505'));
    await expect(retryingDeadlocks(fn)).rejects.toThrow('failed with 23505');
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('sqliteTransaction', () => {
  let db: Knex;
  beforeEach(async () => {
    db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    await db.schema.createTable('t', table => {
      table.integer('n').primary();
      table.boolean('flag');
    });
  });
  afterEach(() => db.destroy());

  const insert = (n: number) => ({
    sql: 'insert into t (n, flag) values (?, ?) returning n',
    bindings: [n, true],
  });
  const rows = () => db('t').orderBy('n').pluck('n');

  // better-sqlite3 (prepared statements, run on the connection), and another driver through knex
  it.each(['better-sqlite3', 'sqlite3'])(
    'keeps every statement of a transaction or none, as %s',
    async driver => {
      db.client.config.client = driver;
      await expect(
        sqliteTransaction(db, function* twoRows() {
          const [first] = (yield insert(1)) as Array<{ n: number }>;
          yield insert(first.n + 1);
          return first.n;
        }),
      ).resolves.toBe(1);
      await expect(
        sqliteTransaction(db, function* refused() {
          yield insert(3);
          yield insert(1); // the primary key refuses it: 3 goes too
        }),
      ).rejects.toThrow(/UNIQUE constraint failed/);
      await expect(
        sqliteTransaction(db, function* limited() {
          yield insert(4);
          throw new Error('over the limit'); // the write's own refusal: 4 goes too
        }),
      ).rejects.toThrow('over the limit');
      await expect(rows()).resolves.toEqual([1, 2]);
      // booleans are bound as SQLite keeps them
      await expect(
        runSql(db, {
          sql: 'select count(*) as c from t where flag = 1',
          bindings: [],
        }),
      ).resolves.toEqual([{ c: 2 }]);
    },
  );
});
