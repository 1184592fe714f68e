import { NewPost, StoredRating, StoredReply } from '../feedback/FeedbackStore';

/** Feedback rows for the store tests: a product P (and OTHER), two months, fresh ids. */
export const P = 'platformproduct:default/p';
export const OTHER = 'platformproduct:default/other';
export const MARCH = Date.parse('2026-03-10T12:00:00Z');
export const APRIL = Date.parse('2026-04-02T12:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

let seq = 0;
export const nextId = () =>
  `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

export function rating(
  author: string,
  score: number,
  createdAt = MARCH,
  extra: Partial<StoredRating> = {},
): StoredRating {
  return {
    id: nextId(),
    productRef: P,
    entityRef: P,
    score,
    comment: null,
    anonymous: false,
    authorRef: `user:default/${author}`,
    authorHash: `hash-${author}`,
    createdAt,
    ...extra,
  };
}

export function post(extra: Partial<NewPost> = {}): NewPost {
  return {
    id: nextId(),
    productRef: P,
    entityRef: 'component:default/cli',
    type: 'idea',
    title: 'An idea',
    body: 'Some **markdown**',
    anonymous: false,
    authorRef: 'user:default/ann',
    authorHash: 'hash-ann',
    authorRefEncrypted: null,
    createdAt: MARCH,
    ...extra,
  };
}

/** The author hash of the rows above: `hash-<name>` for `user:default/<name>`. */
export const personKey = (userRef: string) =>
  `hash-${userRef.slice(userRef.lastIndexOf('/') + 1)}`;

/** An official reply (by the product team) to a post. */
export function teamReply(
  postId: string,
  createdAt: number,
  extra: Partial<StoredReply> = {},
): StoredReply {
  return {
    id: nextId(),
    postId,
    authorRef: 'user:default/pm',
    authorHash: 'hash-pm',
    byPostAuthor: false,
    official: true,
    body: 'On it',
    createdAt,
    ...extra,
  };
}
