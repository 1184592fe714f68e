import {
  createAnnouncementSchema,
  listAnnouncementsQuerySchema,
  updateAnnouncementSchema,
} from './types';
import { describeZodError } from '../refs';

function problems(input: unknown) {
  const result = createAnnouncementSchema.safeParse(input);
  return result.success ? undefined : describeZodError(result.error);
}

const release = {
  productRef: 'platformproduct:default/deployment-platform',
  type: 'release',
  title: 'Deploy CLI 2.0',
  summary: 'Faster rollouts',
  body: '## What changed',
};

describe('createAnnouncementSchema', () => {
  it('accepts a release and fills the defaults', () => {
    expect(createAnnouncementSchema.parse(release)).toEqual({
      ...release,
      tags: [],
      pinned: false,
      onBehalfOf: null,
      publishAt: null,
      expiresAt: null,
      effectiveAt: null,
      event: null,
      draft: false,
    });
  });

  it('normalizes tags and times', () => {
    const parsed = createAnnouncementSchema.parse({
      ...release,
      tags: ['CLI', 'cli', 'rollout'],
      publishAt: '2026-12-01T10:00:00+01:00',
    });
    expect(parsed.tags).toEqual(['cli', 'rollout']);
    expect(parsed.publishAt).toBe('2026-12-01T09:00:00.000Z');
  });

  it.each([
    [{ type: 'newsletter' }, 'type must be one of release'],
    [{ title: 'x'.repeat(201) }, 'title must be at most 200 characters'],
    [{ body: 'x'.repeat(50_001) }, 'body must be at most 50,000 characters'],
    [{ type: 'event' }, 'event is required for an event'],
    [
      {
        type: 'event',
        event: { start: '2026-12-01T10:00:00Z', end: '2026-12-01T09:00:00Z' },
      },
      'event.end must be after event.start',
    ],
    [
      { type: 'event', event: { start: '2026-12-01T10:00:00Z' } },
      'event.end is required',
    ],
    [{ type: 'deprecation' }, 'effectiveAt is required for a deprecation'],
    [
      { publishAt: '2026-12-02T00:00:00Z', expiresAt: '2026-12-01T00:00:00Z' },
      'expiresAt must be after publishAt',
    ],
    [{ publishAt: 'tomorrow' }, 'publishAt must be an ISO 8601 date-time'],
    [{ tags: ['has space'] }, 'tags.0 must be 1-40 lower-case letters'],
    [{ author: 'user:default/mallory' }, 'author'],
  ])('rejects %j', (change, message) => {
    expect(problems({ ...release, ...change })).toContain(message);
  });
});

describe('updateAnnouncementSchema', () => {
  it('rejects an empty change', () => {
    expect(updateAnnouncementSchema.safeParse({}).success).toBe(false);
  });
  it('lets null clear an optional field', () => {
    expect(updateAnnouncementSchema.parse({ expiresAt: null })).toEqual({
      expiresAt: null,
    });
  });
});

describe('listAnnouncementsQuerySchema', () => {
  it('reads flags and defaults', () => {
    expect(
      listAnnouncementsQuerySchema.parse({ upcoming: 'true', tag: 'CLI' }),
    ).toMatchObject({ upcoming: true, unread: false, tag: 'cli', limit: 20 });
  });
});
