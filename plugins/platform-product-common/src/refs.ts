import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import { refuseControlCharacters } from './shared/schemas';

/** The longest ref the plugin stores (its ref columns are 255 characters). */
export const ENTITY_REF_MAX = 255;

/**
 * A full entity ref (`kind:namespace/name`, namespace optional), normalized to lower case; at
 * most 255 characters, without control characters.
 */
export const entityRefSchema = z
  .string({
    error: issue =>
      issue.input === undefined ? 'is required' : 'must be a string',
  })
  .trim()
  .min(1, 'is required')
  .transform((value, ctx) => {
    if (refuseControlCharacters(value, ctx)) return z.NEVER;
    if (value.length > ENTITY_REF_MAX) {
      ctx.addIssue({
        code: 'custom',
        message: `must be at most ${ENTITY_REF_MAX} characters, got ${value.length.toLocaleString(
          'en-US',
        )}`,
      });
      return z.NEVER;
    }
    try {
      // toLowerCase: what toLocaleLowerCase('en-US') does, much faster (every request has a ref)
      return stringifyEntityRef(parseEntityRef(value)).toLowerCase();
    } catch {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must be an entity reference like 'kind:namespace/name', got '${value}'`,
      });
      return z.NEVER;
    }
  });

/** Turns a zod error into one sentence that names each offending field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map(issue =>
      issue.path.length
        ? `${issue.path.join('.')} ${issue.message}`
        : issue.message,
    )
    .join('; ');
}
