import { describeZodError } from '../refs';
import {
  canTransition,
  createFeedbackSchema,
  createReplySchema,
  feedbackStatsQuerySchema,
  listFeedbackQuerySchema,
  updateFeedbackSchema,
} from './types';
import { z } from 'zod';

function errorOf(schema: z.ZodTypeAny, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return describeZodError(result.error!);
}

const ENTITY = 'component:default/deploy-cli';

describe('createFeedbackSchema', () => {
  it('accepts a rating with an optional comment, normalizing the ref', () => {
    expect(
      createFeedbackSchema.parse({
        entityRef: 'Component:deploy-cli',
        type: 'rating',
        score: 0,
      }),
    ).toEqual({
      entityRef: ENTITY,
      type: 'rating',
      score: 0,
      anonymous: false,
    });
    expect(
      createFeedbackSchema.parse({
        entityRef: ENTITY,
        type: 'rating',
        score: 10,
        body: '  great  ',
        anonymous: true,
      }),
    ).toEqual({
      entityRef: ENTITY,
      type: 'rating',
      score: 10,
      body: 'great',
      anonymous: true,
    });
  });

  it('accepts a post with title and body', () => {
    expect(
      createFeedbackSchema.parse({
        entityRef: ENTITY,
        type: 'idea',
        title: 'Dark mode',
        body: 'Please',
      }),
    ).toMatchObject({ type: 'idea', title: 'Dark mode', body: 'Please' });
  });

  it.each([11, -1, 7.5, '7', null])('rejects the score %p', score => {
    expect(
      errorOf(createFeedbackSchema, {
        entityRef: ENTITY,
        type: 'rating',
        score,
      }),
    ).toBe(
      `score must be an integer from 0 to 10, got ${JSON.stringify(score)}`,
    );
  });

  it('requires a score for a rating', () => {
    expect(
      errorOf(createFeedbackSchema, { entityRef: ENTITY, type: 'rating' }),
    ).toBe('score is required for a rating');
  });

  it('rejects a rating with a title', () => {
    expect(
      errorOf(createFeedbackSchema, {
        entityRef: ENTITY,
        type: 'rating',
        score: 8,
        title: 'Hi',
      }),
    ).toBe('title is not allowed for a rating (send a comment as body)');
  });

  it('requires a title for a post, and no score', () => {
    expect(
      errorOf(createFeedbackSchema, {
        entityRef: ENTITY,
        type: 'problem',
        body: 'x',
        score: 3,
      }),
    ).toBe(
      'title is required for a post (problem); score is only for ratings, not for a post (problem)',
    );
  });

  it('rejects a blank title', () => {
    expect(
      errorOf(createFeedbackSchema, {
        entityRef: ENTITY,
        type: 'idea',
        title: '   ',
      }),
    ).toBe('title must not be empty');
  });

  it('rejects a title over 200 and a body over 10,000 characters', () => {
    expect(
      errorOf(createFeedbackSchema, {
        entityRef: ENTITY,
        type: 'idea',
        title: 'x'.repeat(201),
        body: 'y'.repeat(10_001),
      }),
    ).toBe(
      'title must be at most 200 characters, got 201; body must be at most 10,000 characters, got 10,001',
    );
  });

  it('accepts a title of 200 and a body of 10,000 characters', () => {
    expect(
      createFeedbackSchema.safeParse({
        entityRef: ENTITY,
        type: 'idea',
        title: 'x'.repeat(200),
        body: 'y'.repeat(10_000),
      }).success,
    ).toBe(true);
  });

  it('rejects an unknown type', () => {
    expect(
      errorOf(createFeedbackSchema, { entityRef: ENTITY, type: 'rant' }),
    ).toBe(
      "type must be one of rating, idea, problem, question, praise, got 'rant'",
    );
  });

  it('rejects a malformed entity ref', () => {
    expect(
      errorOf(createFeedbackSchema, {
        entityRef: 'nope',
        type: 'rating',
        score: 3,
      }),
    ).toBe(
      "entityRef must be an entity reference like 'kind:namespace/name', got 'nope'",
    );
  });

  it('refuses an author in the body: identity comes from credentials', () => {
    expect(
      errorOf(createFeedbackSchema, {
        entityRef: ENTITY,
        type: 'rating',
        score: 3,
        author: 'user:default/someone',
      }),
    ).toContain('author');
  });

  it('wants anonymous as a boolean', () => {
    expect(
      errorOf(createFeedbackSchema, {
        entityRef: ENTITY,
        type: 'rating',
        score: 3,
        anonymous: 'yes',
      }),
    ).toBe('anonymous must be true or false');
  });
});

describe('listFeedbackQuerySchema', () => {
  it('has defaults', () => {
    expect(
      listFeedbackQuerySchema.parse({ productRef: 'platformproduct:x' }),
    ).toEqual({
      productRef: 'platformproduct:default/x',
      sort: 'recent',
      limit: 20,
      mine: false,
    });
  });

  it('parses every filter', () => {
    expect(
      listFeedbackQuerySchema.parse({
        productRef: 'platformproduct:x',
        type: 'idea',
        status: 'in-progress',
        q: ' dark ',
        sort: 'votes',
        limit: '50',
        cursor: 'abc',
        mine: 'true',
      }),
    ).toEqual({
      productRef: 'platformproduct:default/x',
      type: 'idea',
      status: 'in-progress',
      q: 'dark',
      sort: 'votes',
      limit: 50,
      cursor: 'abc',
      mine: true,
    });
  });

  it('names an unknown status, sort and a bad limit', () => {
    expect(
      errorOf(listFeedbackQuerySchema, {
        productRef: 'platformproduct:x',
        status: 'open',
        sort: 'best',
        limit: '500',
      }),
    ).toBe(
      "status must be one of new, acknowledged, planned, in-progress, done, declined, duplicate, got 'open'; sort must be one of recent, votes, got 'best'; limit must be from 1 to 100",
    );
  });
});

describe('updateFeedbackSchema', () => {
  it('accepts a status, a duplicate with its original, an edit, hiding', () => {
    expect(updateFeedbackSchema.parse({ status: 'planned' })).toEqual({
      status: 'planned',
    });
    expect(
      updateFeedbackSchema.parse({ status: 'duplicate', duplicateOf: 'a' }),
    ).toEqual({ status: 'duplicate', duplicateOf: 'a' });
    expect(updateFeedbackSchema.parse({ title: 'New', body: 'b' })).toEqual({
      title: 'New',
      body: 'b',
    });
    expect(updateFeedbackSchema.parse({ hidden: true })).toEqual({
      hidden: true,
    });
  });

  it('rejects an empty change and an unknown status', () => {
    expect(errorOf(updateFeedbackSchema, {})).toBe(
      'nothing to change: give status, title, body or hidden',
    );
    expect(errorOf(updateFeedbackSchema, { status: 'closed' })).toContain(
      "status must be one of new, acknowledged, planned, in-progress, done, declined, duplicate, got 'closed'",
    );
  });

  it('ties duplicateOf to status duplicate', () => {
    expect(errorOf(updateFeedbackSchema, { status: 'duplicate' })).toBe(
      'duplicateOf is required when status is duplicate',
    );
    expect(
      errorOf(updateFeedbackSchema, { status: 'done', duplicateOf: 'a' }),
    ).toBe('duplicateOf is only allowed with status duplicate');
  });
});

describe('createReplySchema', () => {
  it('wants a body of at most 10,000 characters', () => {
    expect(createReplySchema.parse({ body: ' Thanks ' })).toEqual({
      body: 'Thanks',
    });
    expect(errorOf(createReplySchema, {})).toBe('body must be a string');
    expect(errorOf(createReplySchema, { body: 'x'.repeat(10_001) })).toBe(
      'body must be at most 10,000 characters, got 10,001',
    );
  });
});

describe('feedbackStatsQuerySchema', () => {
  it('takes 1, 3 or 12 months, 12 by default', () => {
    const productRef = 'platformproduct:default/x';
    expect(feedbackStatsQuerySchema.parse({ productRef })).toEqual({
      productRef,
      months: 12,
    });
    expect(
      feedbackStatsQuerySchema.parse({ productRef, months: '3' }).months,
    ).toBe(3);
    expect(errorOf(feedbackStatsQuerySchema, { productRef, months: '6' })).toBe(
      "months must be 1, 3 or 12, got '6'",
    );
  });
});

describe('canTransition', () => {
  it.each([
    ['new', 'acknowledged'],
    ['new', 'duplicate'],
    ['acknowledged', 'planned'],
    ['planned', 'in-progress'],
    ['in-progress', 'done'],
    ['in-progress', 'declined'],
    ['done', 'acknowledged'],
  ] as const)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ['new', 'new'],
    ['acknowledged', 'new'],
    ['done', 'new'],
    ['done', 'in-progress'],
    ['declined', 'done'],
    ['in-progress', 'acknowledged'],
  ] as const)('refuses %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });
});
