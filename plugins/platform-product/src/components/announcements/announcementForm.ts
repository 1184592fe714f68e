import {
  Announcement,
  AnnouncementFields,
  AnnouncementType,
  checkAnnouncementFields,
  CreateAnnouncementRequest,
  EventKind,
  UpdateAnnouncementRequest,
} from '@platform-product/plugin-platform-product-common';
import { fromLocalInput, toLocalInput } from './dates';
import { parseTags } from './tags';

/**
 * The announcement form's model: its state, its validation and what it asks the
 * server to do. Pure: no React, no API.
 */

/** What the form's fields hold, as typed (dates as `datetime-local` text). */
export type AnnouncementForm = {
  type: AnnouncementType;
  title: string;
  summary: string;
  body: string;
  tags: string;
  pinned: boolean;
  draft: boolean;
  onBehalfOf: string;
  publish: 'now' | 'at';
  publishAt: string;
  expiresAt: string;
  effectiveAt: string;
  eventKind: EventKind;
  eventStart: string;
  eventEnd: string;
  eventLocation: string;
};

/** The problems of a form, by field (`event.start` for nested ones). */
export type FormProblems = Record<string, string>;

const FIELD_LABELS: Record<string, string> = {
  effectiveAt: 'Takes effect on',
  expiresAt: 'Expires',
  publishAt: 'Publish at',
  'event.start': 'Starts',
  'event.end': 'Ends',
};

/** The form for a new post, or filled in from `post` to edit it. */
export function formOf(post?: Announcement): AnnouncementForm {
  return {
    type: post?.type ?? 'release',
    title: post?.title ?? '',
    summary: post?.summary ?? '',
    body: post?.body ?? '',
    tags: post?.tags.join(', ') ?? '',
    pinned: post?.pinned ?? false,
    draft: post?.state === 'draft',
    onBehalfOf: post?.onBehalfOf ?? '',
    publish: post?.publishAt && !post.publishedAt ? 'at' : 'now',
    publishAt: post?.publishedAt ? '' : toLocalInput(post?.publishAt),
    expiresAt: toLocalInput(post?.expiresAt),
    effectiveAt: toLocalInput(post?.effectiveAt),
    eventKind: post?.event?.kind ?? 'other',
    eventStart: toLocalInput(post?.event?.start),
    eventEnd: toLocalInput(post?.event?.end),
    eventLocation: post?.event?.location ?? '',
  };
}

/**
 * The form for a new post prefilled from a request made elsewhere (the release
 * announcement of a shipped roadmap item): its type and text, to edit before sending.
 */
export function formOfRequest(
  request: CreateAnnouncementRequest,
): AnnouncementForm {
  return {
    ...formOf(),
    type: request.type,
    title: request.title,
    summary: request.summary,
    body: request.body,
    tags: (request.tags ?? []).join(', '),
    pinned: request.pinned ?? false,
    draft: request.draft ?? false,
  };
}

/** The fields of the form as the API takes them, and the problems only the form can see. */
export function fieldsOf(form: AnnouncementForm): {
  fields: AnnouncementFields;
  problems: FormProblems;
} {
  const problems: FormProblems = {};
  const publishAt =
    form.publish === 'at' ? fromLocalInput(form.publishAt) : null;
  if (form.publish === 'at' && !publishAt) {
    problems.publishAt = 'Choose when to publish';
  }
  let event: AnnouncementFields['event'] = null;
  if (form.type === 'event') {
    const start = fromLocalInput(form.eventStart);
    const end = fromLocalInput(form.eventEnd);
    if (!start) problems['event.start'] = 'An event needs a start';
    if (!end) problems['event.end'] = 'An event needs an end';
    if (start && end) {
      event = {
        kind: form.eventKind,
        start,
        end,
        ...(form.eventLocation.trim() && {
          location: form.eventLocation.trim(),
        }),
      };
    }
  }
  const fields: AnnouncementFields = {
    type: form.type,
    title: form.title.trim(),
    summary: form.summary.trim(),
    body: form.body,
    tags: parseTags(form.tags),
    pinned: form.pinned,
    onBehalfOf: form.onBehalfOf || null,
    publishAt,
    expiresAt: fromLocalInput(form.expiresAt),
    effectiveAt:
      form.type === 'deprecation' ? fromLocalInput(form.effectiveAt) : null,
    event,
    draft: form.draft,
  };
  for (const [field, message] of checkAnnouncementFields(fields)) {
    if (field === 'event' && form.type === 'event') continue; // said per field above
    problems[field] ??= `${FIELD_LABELS[field] ?? field} ${message}`;
  }
  return { fields, problems };
}

/** Whether the fields without which nothing can be sent are filled in. */
export function hasRequiredText(form: AnnouncementForm): boolean {
  return !!form.title.trim() && !!form.summary.trim() && !!form.body.trim();
}

/** What the submit button says. */
export function submitLabelOf(
  form: AnnouncementForm,
  post?: Announcement,
): string {
  if (post) return 'Save';
  if (form.draft) return 'Save draft';
  if (form.publish === 'at') return 'Schedule';
  return 'Publish';
}

/** What saving the form asks of the server: a new post, a change, or nothing. */
export type AnnouncementSave =
  | { kind: 'create'; request: CreateAnnouncementRequest }
  | { kind: 'update'; id: string; change: UpdateAnnouncementRequest }
  | { kind: 'unchanged' };

/**
 * The request for `fields`: a new post (for `productRef`, global without one),
 * or, editing `post`, only what changed; a published post keeps its publishing
 * date.
 */
export function saveOf(
  fields: AnnouncementFields,
  target: { post?: Announcement; productRef?: string },
): AnnouncementSave {
  const { post, productRef } = target;
  if (!post) {
    return {
      kind: 'create',
      request: { ...(productRef && { productRef }), ...fields },
    };
  }
  const before = fieldsOf(formOf(post)).fields;
  const change: UpdateAnnouncementRequest = Object.fromEntries(
    Object.entries(fields).filter(
      ([key, value]) =>
        JSON.stringify(value) !==
        JSON.stringify(before[key as keyof AnnouncementFields]),
    ),
  );
  if (post.publishedAt) {
    delete change.publishAt;
    delete change.draft;
  }
  return Object.keys(change).length
    ? { kind: 'update', id: post.id, change }
    : { kind: 'unchanged' };
}
