import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError } from '@backstage/errors';
import {
  FEEDBACK_POST_TYPES,
  FEEDBACK_STATS_WINDOWS,
  FEEDBACK_TYPES,
} from '@platform-product/plugin-platform-product-common';
import { FeedbackLimitError } from '../feedback/FeedbackService';
import { ActionServices, productRefInput } from './services';

const TOP_POSTS_DEFAULT = 5;

/**
 * The daily feedback limit as an error the actions registry and the MCP server know, so the
 * agent reads its message (the REST route answers it with 429; an unknown error is a 500 here).
 */
function limitAsNotAllowed(error: unknown): never {
  if (error instanceof FeedbackLimitError) {
    throw new NotAllowedError(error.message);
  }
  throw error;
}

export function registerFeedbackActions(
  registry: ActionsRegistryService,
  { feedback }: Pick<ActionServices, 'feedback'>,
) {
  registry.register({
    name: 'get-product-feedback-summary',
    title: 'Summarize the feedback on a platform product',
    description: `Summarizes what users said about an internal platform product over the last 1, 3 or 12 calendar months (this month included): its NPS (-100 to 100, null without ratings) with the monthly trend, the counts of ratings (promoters, passives, detractors), the most voted feedback posts (ideas, problems, questions, praise) with their status, how many posts are still untriaged after 14 days, the median hours to the product team's first reply and the share of posts the team replied to.
Use it for "how is product X doing", "what did users ask for this month". Needs permission to read the product's feedback.`,
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          productRef: productRefInput(z),
          months: z
            .number()
            .optional()
            .describe(
              `The window in calendar months: ${FEEDBACK_STATS_WINDOWS.join(
                ', ',
              )} (default 12)`,
            ),
          topPosts: z
            .number()
            .optional()
            .describe(
              `How many of the most voted posts to list, 1-100 (default ${TOP_POSTS_DEFAULT})`,
            ),
        }),
      output: z =>
        z.object({
          productRef: z.string(),
          months: z.number(),
          nps: z.number().nullable(),
          responses: z.number().describe('ratings in the window'),
          promoters: z.number(),
          passives: z.number(),
          detractors: z.number(),
          trend: z.array(
            z.object({
              month: z.string().describe('YYYY-MM'),
              nps: z.number().nullable(),
              responses: z.number(),
            }),
          ),
          medianFirstResponseHours: z.number().nullable(),
          untriagedOver14Days: z.number(),
          replyRate: z.number().nullable().describe('0..1'),
          postCount: z.number().describe('posts of the product (all time)'),
          topPosts: z.array(
            z.object({
              id: z.string(),
              type: z.string(),
              title: z.string().nullable(),
              status: z.string().nullable(),
              voteCount: z.number(),
              replyCount: z.number(),
              hasOfficialReply: z.boolean(),
              createdAt: z.string(),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'The last three months',
        input: {
          productRef: 'platformproduct:default/deployment-platform',
          months: 3,
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const ctx = { credentials };
      // the stats query is a query string: its numbers travel as text, as from the UI
      const stats = await feedback.stats(
        {
          productRef: input.productRef,
          months: input.months === undefined ? undefined : String(input.months),
        },
        ctx,
      );
      const posts = await feedback.list(
        {
          productRef: input.productRef,
          sort: 'votes',
          limit: input.topPosts ?? TOP_POSTS_DEFAULT,
        },
        ctx,
      );
      return {
        output: {
          ...stats,
          postCount: posts.totalCount,
          topPosts: posts.items.map(post => ({
            id: post.id,
            type: post.type,
            title: post.title,
            status: post.status,
            voteCount: post.voteCount,
            replyCount: post.replyCount,
            hasOfficialReply: post.hasOfficialReply,
            createdAt: post.createdAt,
          })),
        },
      };
    },
  });

  registry.register({
    name: 'submit-product-feedback',
    title: 'Submit feedback on a platform product',
    description: `Gives feedback, as the calling user, on an internal platform product or one of its parts (any catalog entity that is part of a product).
Either a rating: type "rating" with a score from 0 to 10 (how likely to recommend it; NPS) and an optional comment as body.
Or a post: type ${FEEDBACK_POST_TYPES.map(t => `"${t}"`).join(
      ', ',
    )} with a title (up to 200 characters) and an optional markdown body; the product team triages and answers posts, and the author is notified.
anonymous: true hides the author's name from everyone. Only submit what the user asked you to submit, in their words.`,
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'The product ref ("platformproduct:default/deployment-platform") or the ref of one of its parts',
            ),
          type: z.string().describe(`One of ${FEEDBACK_TYPES.join(', ')}`),
          score: z
            .number()
            .optional()
            .describe('0-10, for a rating only (required there)'),
          title: z
            .string()
            .optional()
            .describe('For a post only (required there)'),
          body: z
            .string()
            .optional()
            .describe("Markdown: a post's text, or a rating's comment"),
          anonymous: z
            .boolean()
            .optional()
            .describe('Hide the author (default false)'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          productRef: z.string(),
          entityRef: z.string(),
          type: z.string(),
          score: z.number().nullable(),
          title: z.string().nullable(),
          status: z.string().nullable(),
          anonymous: z.boolean(),
          author: z.string().nullable(),
          createdAt: z.string(),
        }),
    },
    examples: [
      {
        title: 'An idea',
        input: {
          entityRef: 'platformproduct:default/deployment-platform',
          type: 'idea',
          title: 'Preview environments per pull request',
          body: 'Spin one up on every PR and tear it down on merge.',
        },
      },
      {
        title: 'A rating',
        input: {
          entityRef: 'component:default/deploy-cli',
          type: 'rating',
          score: 9,
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const item = await feedback
        .create(input, { credentials })
        .catch(limitAsNotAllowed);
      return {
        output: {
          id: item.id,
          productRef: item.productRef,
          entityRef: item.entityRef,
          type: item.type,
          score: item.score,
          title: item.title,
          status: item.status,
          anonymous: item.anonymous,
          author: item.author,
          createdAt: item.createdAt,
        },
      };
    },
  });
}
