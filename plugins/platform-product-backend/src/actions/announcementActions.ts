import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  Announcement,
  ANNOUNCEMENT_TYPES,
  EVENT_KINDS,
} from '@platform-product/plugin-platform-product-common';
import { z as zod } from 'zod/v3';
import { ActionServices, productRefInput } from './services';

const LIST_LIMIT_DEFAULT = 10;

/** What an action answers of a post: everything but the body (read it in Backstage). */
function announcementOutput(z: typeof zod) {
  return z.object({
    id: z.string(),
    productRef: z.string().nullable().describe('null for a global post'),
    type: z.string(),
    title: z.string(),
    summary: z.string(),
    tags: z.array(z.string()),
    pinned: z.boolean(),
    author: z.string(),
    onBehalfOf: z.string().nullable(),
    state: z.string().describe('draft, scheduled, published or expired'),
    publishAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    effectiveAt: z.string().nullable(),
    event: z
      .object({
        kind: z.string(),
        start: z.string(),
        end: z.string(),
        location: z.string().optional(),
      })
      .nullable(),
    requiresAcknowledgement: z.boolean(),
    readByMe: z.boolean(),
    createdAt: z.string(),
  });
}

function outputOf(post: Announcement) {
  return {
    id: post.id,
    productRef: post.productRef,
    type: post.type,
    title: post.title,
    summary: post.summary,
    tags: post.tags,
    pinned: post.pinned,
    author: post.author,
    onBehalfOf: post.onBehalfOf,
    state: post.state,
    publishAt: post.publishAt,
    publishedAt: post.publishedAt,
    expiresAt: post.expiresAt,
    effectiveAt: post.effectiveAt,
    event: post.event,
    requiresAcknowledgement: post.requiresAcknowledgement,
    readByMe: post.readByMe,
    createdAt: post.createdAt,
  };
}

/** A flag of the list query string, from a boolean. */
const flag = (value: boolean | undefined) =>
  value === undefined ? undefined : String(value);

export function registerAnnouncementActions(
  registry: ActionsRegistryService,
  { announcements }: Pick<ActionServices, 'announcements'>,
) {
  registry.register({
    name: 'list-product-announcements',
    title: 'List platform product announcements',
    description: `Lists published announcements and events of internal platform products, newest first (pinned first): releases, changelogs, deprecations (with the date they take effect), maintenance windows, incidents and events (office hours, workshops, demos).
Give productRef for one product's posts, or entityRef for the posts of the products an entity is part of or depends on, or neither for every product's posts and the global ones. Narrow with type, tag, q (text search) or upcoming (events not ended yet, soonest first). Answers titles and summaries, not the full text; page on with nextCursor.`,
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          productRef: productRefInput(z).optional(),
          entityRef: z
            .string()
            .optional()
            .describe(
              'Instead of productRef: an entity ref; the posts of the products it is part of or uses',
            ),
          type: z
            .string()
            .optional()
            .describe(`One of ${ANNOUNCEMENT_TYPES.join(', ')}`),
          tag: z.string().optional(),
          q: z.string().optional().describe('Words to search for'),
          upcoming: z
            .boolean()
            .optional()
            .describe('Only events that have not ended yet, soonest first'),
          limit: z
            .number()
            .optional()
            .describe(`Posts per page, 1-100 (default ${LIST_LIMIT_DEFAULT})`),
          cursor: z
            .string()
            .optional()
            .describe('nextCursor of the previous page'),
        }),
      output: z =>
        z.object({
          items: z.array(announcementOutput(z)),
          totalCount: z.number(),
          nextCursor: z.string().nullable(),
        }),
    },
    examples: [
      {
        title: 'Upcoming events of a product',
        input: {
          productRef: 'platformproduct:default/deployment-platform',
          type: 'event',
          upcoming: true,
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const page = await announcements.list(
        {
          ...input,
          upcoming: flag(input.upcoming),
          limit: input.limit ?? LIST_LIMIT_DEFAULT,
        },
        { credentials },
      );
      return {
        output: {
          items: page.items.map(outputOf),
          totalCount: page.totalCount,
          nextCursor: page.nextCursor,
        },
      };
    },
  });

  registry.register({
    name: 'create-product-announcement',
    title: 'Draft a platform product announcement',
    description: `Writes an announcement of an internal platform product as the calling user, who must be allowed to post for that product (its product manager or owning team, by default) or, without productRef, to post global announcements.
It is saved as a DRAFT unless draft: false is given: a draft is neither published nor delivered; the user reviews and publishes it in Backstage. Only set draft: false when the user explicitly asked to publish now; a published post notifies the product's adopting teams and followers.
type is one of ${ANNOUNCEMENT_TYPES.join(
      ', ',
    )}; a deprecation needs effectiveAt, an event needs event { kind (${EVENT_KINDS.join(
      ', ',
    )}), start, end, location }. Dates are ISO 8601 with a time zone, like 2026-12-01T09:00:00Z.`,
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          productRef: z
            .string()
            .optional()
            .describe('The product; omit for a global announcement'),
          type: z.string().describe(`One of ${ANNOUNCEMENT_TYPES.join(', ')}`),
          title: z.string().describe('Up to 200 characters'),
          summary: z
            .string()
            .describe('One or two sentences, up to 500 characters'),
          body: z.string().describe('The full text, markdown'),
          tags: z
            .array(z.string())
            .optional()
            .describe('Up to 10 tags: lower-case letters, digits, dashes'),
          pinned: z.boolean().optional(),
          onBehalfOf: z
            .string()
            .optional()
            .describe('A group the user belongs to, to post on its behalf'),
          publishAt: z
            .string()
            .optional()
            .describe('When to publish (ISO 8601); now when absent'),
          expiresAt: z.string().optional(),
          effectiveAt: z
            .string()
            .optional()
            .describe('Deprecations: when the change takes effect'),
          event: z
            .object({
              kind: z.string().optional(),
              start: z.string(),
              end: z.string(),
              location: z.string().optional(),
            })
            .optional()
            .describe('Events only'),
          draft: z
            .boolean()
            .optional()
            .describe('Save as a draft (default true)'),
        }),
      output: z => announcementOutput(z),
    },
    examples: [
      {
        title: 'A release note, as a draft',
        input: {
          productRef: 'platformproduct:default/deployment-platform',
          type: 'release',
          title: 'deploy-cli 2.0',
          summary: 'Rollbacks in one command.',
          body: '`deploy rollback` takes you back to the last good release.',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const post = await announcements.create(
        { ...input, draft: input.draft ?? true },
        { credentials },
      );
      return { output: outputOf(post) };
    },
  });
}
