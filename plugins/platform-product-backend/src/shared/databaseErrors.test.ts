import { ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import knexFactory from 'knex';
import {
  databaseUnavailableAs503,
  isDatabaseUnavailable,
} from './databaseErrors';

const coded = (code: string, message = 'boom') =>
  Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', coded('ECONNREFUSED')],
    [
      'PostgreSQL shutting down',
      coded('57P01', 'terminating connection due to administrator command'),
    ],
    [
      'PostgreSQL starting',
      coded('57P03', 'the database system is starting up'),
    ],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    [
      'a pool timeout',
      Object.assign(
        new Error(
          'Knex: Timeout acquiring a connection. The pool is probably full.',
        ),
        {
          name: 'KnexTimeoutError',
        },
      ),
    ],
    [
      'a transaction whose connection broke',
      new Error(
        'ROLLBACK - Client has encountered a connection error and is not queryable',
      ),
    ],
    ['every address refused', new AggregateError([coded('ECONNREFUSED')], '')],
    [
      'a wrapped cause',
      new Error('query failed', { cause: coded('ECONNRESET') }),
    ],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', coded('23505', 'duplicate key')],
    ['a syntax error', coded('42601')],
    ['a plain error', new Error('something else')],
    ['not an error', 'ECONNREFUSED'],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('databaseUnavailableAs503', () => {
  function app(fail: () => Promise<unknown>) {
    const router = Router();
    router.get('/x', async () => {
      await fail();
    });
    router.use(databaseUnavailableAs503);
    const server = express();
    server.use(router);
    // the framework's error handler, reduced to what matters here: the error's name -> status
    server.use(
      (
        error: Error,
        _req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => {
        res
          .status(error instanceof ServiceUnavailableError ? 503 : 500)
          .json({ name: error.name, message: error.message });
      },
    );
    return server;
  }

  it('answers 503 when the database cannot be reached, naming the problem', async () => {
    // a PostgreSQL client pointed at a port nobody listens on
    const db = knexFactory({
      client: 'pg',
      connection: 'postgresql://postgres@127.0.0.1:1/none',
      acquireConnectionTimeout: 2000,
    });
    try {
      const res = await request(app(() => db.raw('select 1'))).get('/x');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining('database is not reachable'),
      });
    } finally {
      await db.destroy();
    }
  });

  it('leaves other errors alone', async () => {
    const res = await request(
      app(() => Promise.reject(coded('23505', 'duplicate key'))),
    ).get('/x');
    expect(res.status).toBe(500);
    expect(res.body.message).toBe('duplicate key');
  });
});
