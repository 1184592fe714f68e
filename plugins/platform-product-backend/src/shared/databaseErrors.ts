import { ServiceUnavailableError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/**
 * Connection-level failures of the database: it is down, restarting, unreachable, or the pool
 * could not hand out a connection in time. Not a bug of the request: a 503, so that clients
 * and load balancers retry, rather than a 500.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, and the connection exceptions
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  // SQLite: the database file is locked by another process for too long
  'SQLITE_BUSY',
]);

// anywhere in the message: knex prefixes the statement that failed (e.g. "ROLLBACK - ...")
const CONNECTION_MESSAGES = [
  /\bConnection terminated\b/, // node-postgres: the server closed the connection
  /Client has encountered a connection error and is not queryable/,
  /Timeout acquiring a connection/,
  /timeout exceeded when trying to connect/,
];

/** Whether the error (or one it wraps) says the database could not be reached. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, name, message, cause, errors } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (name === 'KnexTimeoutError') return true;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  if (
    typeof message === 'string' &&
    CONNECTION_MESSAGES.some(pattern => pattern.test(message))
  ) {
    return true;
  }
  if (
    Array.isArray(errors) &&
    errors.some(e => isDatabaseUnavailable(e, depth + 1))
  ) {
    return true; // AggregateError: every address of the host refused
  }
  return isDatabaseUnavailable(cause, depth + 1);
}

/**
 * Express error middleware: a database that is away answers 503 (the framework's error
 * handler turns ServiceUnavailableError into it) naming the problem, not a 500 with the
 * driver's message.
 */
export const databaseUnavailableAs503: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  if (isDatabaseUnavailable(error)) {
    next(
      new ServiceUnavailableError(
        'The Platform Product database is not reachable right now; try again shortly',
      ),
    );
    return;
  }
  next(error);
};
