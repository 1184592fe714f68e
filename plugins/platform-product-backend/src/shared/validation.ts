import { InputError, NotFoundError } from '@backstage/errors';
import { Router } from 'express';
import {
  describeZodError,
  hasControlCharacters,
} from '@platform-product/plugin-platform-product-common';
import { z } from 'zod';

/** Parses request input with a schema from -common; a mismatch is a 400 that names each field. */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new InputError(describeZodError(result.error));
  }
  return result.data;
}

/** The width of the id columns: ids are UUIDs. */
const ID_MAX = 36;

/**
 * Answers 404 ("No feedback post '...'") for an id in the path that no row can have: longer
 * than an id column, or with control characters (PostgreSQL refuses a NUL in a query, which
 * would be a 500). `things` names what each path parameter is, e.g. `{ id: 'feedback post' }`.
 */
export function refuseImpossibleIds(
  router: Router,
  things: Record<string, string>,
) {
  for (const [param, thing] of Object.entries(things)) {
    router.param(param, (_req, _res, next, value: string) => {
      if (value.length > ID_MAX || hasControlCharacters(value)) {
        next(new NotFoundError(`No ${thing} '${value}'`));
        return;
      }
      next();
    });
  }
}
