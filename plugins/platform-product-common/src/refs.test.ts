import { z } from 'zod';
import { adoptionQuerySchema } from './adoption/types';
import { describeZodError, entityRefSchema } from './refs';

describe('entityRefSchema', () => {
  it.each([
    ['Component:default/Foo', 'component:default/foo'],
    ['platformproduct:default/x', 'platformproduct:default/x'],
    [
      'PlatformProduct:Deploy-Platform',
      'platformproduct:default/deploy-platform',
    ],
    ['  group:team-a/Ops  ', 'group:team-a/ops'],
  ])('normalizes %j to %j', (input, expected) => {
    expect(entityRefSchema.parse(input)).toBe(expected);
  });

  it.each(['foo', 'not a ref', 'component:', ':', 'user:default/'])(
    'rejects %j with a message naming the expected form',
    input => {
      const result = entityRefSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error!.issues).toHaveLength(1);
      expect(result.error!.issues[0].message).toBe(
        `must be an entity reference like 'kind:namespace/name', got '${input.trim()}'`,
      );
    },
  );

  it('says a missing value is required', () => {
    const result = entityRefSchema.safeParse(undefined);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toBe('is required');
  });

  it('says an empty value is required', () => {
    const result = entityRefSchema.safeParse('   ');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toBe('is required');
  });

  it('says a non-string value must be a string', () => {
    const result = entityRefSchema.safeParse(['a:b/c', 'a:b/d']);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toBe('must be a string');
  });
});

describe('describeZodError', () => {
  it('prefixes each issue with its field path and joins them', () => {
    const schema = z.object({
      productRef: entityRefSchema,
      page: z.object({ size: z.number({ error: 'must be a number' }) }),
    });
    const result = schema.safeParse({
      productRef: 'nope',
      page: { size: 'x' },
    });
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!)).toBe(
      "productRef must be an entity reference like 'kind:namespace/name', got 'nope'; page.size must be a number",
    );
  });

  it('uses the bare message for an issue at the root', () => {
    const result = entityRefSchema.safeParse('foo');
    expect(describeZodError(result.error!)).toBe(
      "must be an entity reference like 'kind:namespace/name', got 'foo'",
    );
  });

  it('names productRef when the adoption query lacks it', () => {
    const result = adoptionQuerySchema.safeParse({});
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!)).toBe('productRef is required');
  });
});
