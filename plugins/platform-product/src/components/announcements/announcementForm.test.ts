import {
  announcement,
  deprecation,
} from '../../__testUtils__/announcementFixtures';
import {
  AnnouncementForm,
  fieldsOf,
  formOf,
  hasRequiredText,
  saveOf,
  submitLabelOf,
} from './announcementForm';

const productRef = 'platformproduct:default/deployment-platform';

/** A new post's form with the required text filled in. */
const filled = (change: Partial<AnnouncementForm> = {}): AnnouncementForm => ({
  ...formOf(),
  title: ' Deploy CLI 2.0 ',
  summary: ' Faster deploys. ',
  body: 'All of it.',
  ...change,
});

describe('formOf', () => {
  it('starts a new post as a release published now', () => {
    const form = formOf();
    expect(form).toMatchObject({
      type: 'release',
      title: '',
      tags: '',
      publish: 'now',
      draft: false,
      eventKind: 'other',
    });
    expect(hasRequiredText(form)).toBe(false);
  });

  it('fills in a post, its tags as text and its dates for the date fields', () => {
    const post = deprecation({ effectiveAt: '2031-03-01T10:30:00.000Z' });
    const form = formOf(post);
    expect(form.tags).toBe('api, migration');
    expect(form.publish).toBe('now');
    expect(fieldsOf(form).fields.effectiveAt).toBe(post.effectiveAt);
  });

  it('reads a scheduled post as published at a date', () => {
    const post = announcement({
      state: 'scheduled',
      publishAt: '2031-01-01T09:00:00.000Z',
      publishedAt: null,
    });
    expect(formOf(post).publish).toBe('at');
    expect(fieldsOf(formOf(post)).fields.publishAt).toBe(post.publishAt);
  });
});

describe('fieldsOf', () => {
  it('maps the form to the API fields: trimmed text, parsed tags, nulls for blanks', () => {
    const { fields, problems } = fieldsOf(
      filled({ tags: '#CLI, kubernetes cli', onBehalfOf: '' }),
    );
    expect(problems).toEqual({});
    expect(fields).toEqual({
      type: 'release',
      title: 'Deploy CLI 2.0',
      summary: 'Faster deploys.',
      body: 'All of it.',
      tags: ['cli', 'kubernetes'],
      pinned: false,
      onBehalfOf: null,
      publishAt: null,
      expiresAt: null,
      effectiveAt: null,
      event: null,
      draft: false,
    });
  });

  it('asks for a date to publish at', () => {
    expect(fieldsOf(filled({ publish: 'at' })).problems).toEqual({
      publishAt: 'Choose when to publish',
    });
  });

  it('asks an event for its start and end, and not once more as a whole', () => {
    expect(fieldsOf(filled({ type: 'event' })).problems).toEqual({
      'event.start': 'An event needs a start',
      'event.end': 'An event needs an end',
    });
  });

  it('builds the event, its location trimmed, and words the shared checks with the field label', () => {
    const { fields, problems } = fieldsOf(
      filled({
        type: 'event',
        eventKind: 'office-hours',
        eventStart: '2031-01-01T10:00',
        eventEnd: '2031-01-01T09:00',
        eventLocation: '  Room 4 ',
      }),
    );
    expect(fields.event).toMatchObject({
      kind: 'office-hours',
      location: 'Room 4',
    });
    expect(problems['event.end']).toMatch(/^Ends must be after event.start/);
  });

  it('keeps the effective date for deprecations only, and asks a deprecation for it', () => {
    const form = filled({ effectiveAt: '2031-01-01T10:00' });
    expect(fieldsOf(form).fields.effectiveAt).toBeNull();
    expect(
      fieldsOf({ ...form, type: 'deprecation' }).fields.effectiveAt,
    ).not.toBeNull();
    expect(
      fieldsOf({ ...form, type: 'deprecation', effectiveAt: '' }).problems
        .effectiveAt,
    ).toMatch(/^Takes effect on is required for a deprecation/);
  });
});

describe('submitLabelOf', () => {
  it('says what submitting does', () => {
    expect(submitLabelOf(filled())).toBe('Publish');
    expect(submitLabelOf(filled({ publish: 'at' }))).toBe('Schedule');
    expect(submitLabelOf(filled({ draft: true, publish: 'at' }))).toBe(
      'Save draft',
    );
    expect(submitLabelOf(filled(), announcement())).toBe('Save');
  });
});

describe('saveOf', () => {
  it('creates a post for the product, or a global one without it', () => {
    const { fields } = fieldsOf(filled());
    expect(saveOf(fields, { productRef })).toEqual({
      kind: 'create',
      request: { productRef, ...fields },
    });
    expect(saveOf(fields, {})).toEqual({ kind: 'create', request: fields });
  });

  it('sends only what changed in an edited post', () => {
    const post = announcement();
    const { fields } = fieldsOf({ ...formOf(post), title: 'Deploy CLI 2.1' });
    expect(saveOf(fields, { post })).toEqual({
      kind: 'update',
      id: post.id,
      change: { title: 'Deploy CLI 2.1' },
    });
  });

  it('has nothing to save when nothing changed', () => {
    const post = announcement();
    expect(saveOf(fieldsOf(formOf(post)).fields, { post })).toEqual({
      kind: 'unchanged',
    });
  });

  it('keeps the publishing date and state of a published post', () => {
    const post = announcement();
    const { fields } = fieldsOf({
      ...formOf(post),
      publish: 'at',
      publishAt: '2031-01-01T10:00',
      draft: true,
    });
    expect(saveOf(fields, { post })).toEqual({ kind: 'unchanged' });
  });

  it('sends a changed schedule of a post not yet published', () => {
    const post = announcement({
      state: 'draft',
      publishedAt: null,
    });
    const { fields } = fieldsOf({ ...formOf(post), draft: false });
    expect(saveOf(fields, { post })).toEqual({
      kind: 'update',
      id: post.id,
      change: { draft: false },
    });
  });
});
