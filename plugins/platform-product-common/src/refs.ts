import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';

/** A full entity ref (`kind:namespace/name`, namespace optional), normalized to lower case. */
export const entityRefSchema = z
  .string({
    error: issue =>
      issue.input === undefined ? 'is required' : 'must be a string',
  })
  .trim()
  .min(1, 'is required')
  .transform((value, ctx) => {
    try {
      return stringifyEntityRef(parseEntityRef(value)).toLocaleLowerCase(
        'en-US',
      );
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
