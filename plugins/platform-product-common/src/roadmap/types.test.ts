import { describeZodError } from '../refs';
import { createAnnouncementSchema } from '../announcements/types';
import { releaseAnnouncementDraft } from './release';
import {
  RoadmapItem,
  canMoveRoadmapItem,
  createRoadmapItemSchema,
  updateRoadmapItemSchema,
} from './types';
import { z } from 'zod';

function errorOf(schema: z.ZodTypeAny, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return describeZodError(result.error!);
}

const PRODUCT = 'platformproduct:default/deploy';

describe('createRoadmapItemSchema', () => {
  it('fills the defaults and normalizes the ref', () => {
    expect(
      createRoadmapItemSchema.parse({
        productRef: 'PlatformProduct:deploy',
        title: '  Canary deploys ',
        horizon: 'next',
      }),
    ).toEqual({
      productRef: PRODUCT,
      title: 'Canary deploys',
      description: '',
      horizon: 'next',
      status: 'planned',
      targetQuarter: null,
    });
  });

  it('names each wrong field', () => {
    expect(
      errorOf(createRoadmapItemSchema, {
        productRef: PRODUCT,
        title: 'x'.repeat(201),
        horizon: 'someday',
        status: 'shipped',
        targetQuarter: '2027-Q5',
      }),
    ).toBe(
      "title must be at most 200 characters, got 201; horizon must be one of now, next, later, got 'someday'; status must be an open status (exploring, planned or in-progress); targetQuarter must be a quarter like 2027-Q1, got '2027-Q5'",
    );
    expect(
      errorOf(createRoadmapItemSchema, {
        productRef: PRODUCT,
        title: 'A',
        horizon: 'now',
        owner: 'user:default/me',
      }),
    ).toMatch(/owner/);
  });
});

describe('updateRoadmapItemSchema', () => {
  it('takes a move and a cleared quarter', () => {
    expect(
      updateRoadmapItemSchema.parse({
        horizon: 'now',
        position: 0,
        targetQuarter: null,
      }),
    ).toEqual({ horizon: 'now', position: 0, targetQuarter: null });
  });

  it('refuses an empty change and a negative or fractional position', () => {
    expect(errorOf(updateRoadmapItemSchema, {})).toMatch(/nothing to change/);
    expect(errorOf(updateRoadmapItemSchema, { position: -1 })).toBe(
      'position must be 0 or more',
    );
    expect(errorOf(updateRoadmapItemSchema, { position: 1.5 })).toBe(
      'position must be a whole number',
    );
  });
});

describe('canMoveRoadmapItem', () => {
  it('keeps shipped final and lets a dropped item be taken up again', () => {
    expect(canMoveRoadmapItem('planned', 'shipped')).toBe(true);
    expect(canMoveRoadmapItem('shipped', 'planned')).toBe(false);
    expect(canMoveRoadmapItem('dropped', 'planned')).toBe(true);
    expect(canMoveRoadmapItem('dropped', 'shipped')).toBe(false);
  });
});

describe('releaseAnnouncementDraft', () => {
  const item: RoadmapItem = {
    id: 'r1',
    productRef: PRODUCT,
    title: 'Canary deploys',
    description: 'Roll out to 5% first.',
    horizon: 'now',
    position: 0,
    status: 'shipped',
    targetQuarter: '2027-Q1',
    demand: { posts: 2, people: 5, votes: 7 },
    linkedPosts: [
      {
        id: 'p1',
        entityRef: PRODUCT,
        type: 'idea',
        title: 'Canary support',
        status: 'done',
        voteCount: 6,
      },
      {
        id: 'p2',
        entityRef: 'component:default/deploy-cli',
        type: 'problem',
        title: 'Rollbacks are slow',
        status: 'done',
        voteCount: 1,
      },
    ],
    createdBy: 'user:default/pm',
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-02T00:00:00.000Z',
    closedAt: '2026-12-02T00:00:00.000Z',
  };

  it('prefills a valid release post from the item and its requests', () => {
    const draft = releaseAnnouncementDraft(item);
    expect(draft).toMatchObject({
      productRef: PRODUCT,
      type: 'release',
      title: 'Shipped: Canary deploys',
      summary:
        'Canary deploys has shipped. It answers 2 requests from 5 people.',
      tags: ['roadmap'],
    });
    expect(draft.body).toBe(
      [
        'Roll out to 5% first.',
        '',
        '## You asked, we shipped',
        '',
        '- Canary support (6 votes)',
        '- Rollbacks are slow (1 vote)',
      ].join('\n'),
    );
    expect(createAnnouncementSchema.safeParse(draft).success).toBe(true);
  });

  it('stays valid for a long title and no linked requests', () => {
    const draft = releaseAnnouncementDraft({
      ...item,
      title: 'x'.repeat(200),
      description: '',
      demand: { posts: 0, people: 0, votes: 0 },
      linkedPosts: [],
    });
    expect(draft.title).toHaveLength(200);
    expect(draft.body).toBe(`${'x'.repeat(200)} is now available.`);
    expect(createAnnouncementSchema.safeParse(draft).success).toBe(true);
  });
});
