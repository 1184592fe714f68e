import { z } from 'zod';

/** One of a fixed list of values; the message lists them. */
export function oneOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: issue =>
      issue.input === undefined
        ? 'is required'
        : `must be one of ${values.join(', ')}, got '${String(issue.input)}'`,
  });
}

/**
 * Control characters other than tab and line breaks: never typed by a person, and a NUL is
 * refused by PostgreSQL, so text with them is a 400, not a 500.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Whether text has control characters other than tab and line breaks. */
export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/** Adds the issue of text with control characters; true when there was one. */
export function refuseControlCharacters(
  value: string,
  ctx: z.RefinementCtx,
): boolean {
  if (!hasControlCharacters(value)) return false;
  ctx.addIssue({
    code: 'custom',
    message: 'must not contain control characters',
  });
  return true;
}

/** Trimmed, non-empty text of at most `max` characters, without control characters. */
export function text(max: number) {
  return z
    .string({ error: 'must be a string' })
    .trim()
    .superRefine((value, ctx) => {
      if (refuseControlCharacters(value, ctx)) return;
      if (!value) {
        ctx.addIssue({ code: 'custom', message: 'must not be empty' });
      } else if (value.length > max) {
        ctx.addIssue({
          code: 'custom',
          message: `must be at most ${max.toLocaleString(
            'en-US',
          )} characters, got ${value.length.toLocaleString('en-US')}`,
        });
      }
    });
}

export const booleanSchema = z.boolean({ error: 'must be true or false' });

/** An optional query-string value; an empty one counts as absent. */
export const optionalQueryText = z
  .string({ error: 'must be given once' })
  .trim()
  .max(200, 'must be at most 200 characters')
  .superRefine((value, ctx) => {
    refuseControlCharacters(value, ctx);
  })
  .optional()
  .transform(value => value || undefined);

/** `?flag=true|false` in a query string. */
export const queryFlag = oneOf(['true', 'false'] as const)
  .optional()
  .transform(value => value === 'true');

/** The page size of a list: 1-100, 20 by default. */
export const pageLimitSchema = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be from 1 to 100')
  .max(100, 'must be from 1 to 100')
  .default(20);

/** An ISO 8601 date-time with a time zone, like 2026-12-01T09:00:00Z; kept as the ISO string in UTC. */
export const isoDateTimeSchema = z
  .string({
    error: issue =>
      issue.input === undefined ? 'is required' : 'must be a string',
  })
  .trim()
  .transform((value, ctx) => {
    const valid =
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(
        value,
      ) && !Number.isNaN(Date.parse(value));
    if (!valid) {
      ctx.addIssue({
        code: 'custom',
        message: `must be an ISO 8601 date-time with a time zone, like 2026-12-01T09:00:00Z, got '${value}'`,
      });
      return z.NEVER;
    }
    return new Date(value).toISOString();
  });
