import { InputError } from '@backstage/errors';
import { describeZodError } from '@platform-product/plugin-platform-product-common';
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
