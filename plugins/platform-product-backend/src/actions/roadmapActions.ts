import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { RoadmapItem } from '@platform-product/plugin-platform-product-common';
import { z as zod } from 'zod/v3';
import { ActionServices, productRefInput } from './services';

function itemOutput(z: typeof zod) {
  return z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    horizon: z.string().describe('now, next or later'),
    status: z.string(),
    targetQuarter: z.string().nullable(),
    demand: z.object({
      posts: z.number().describe('linked feedback posts'),
      people: z.number().describe('distinct people behind them'),
      votes: z.number(),
    }),
    linkedPosts: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.string(),
        voteCount: z.number(),
      }),
    ),
    closedAt: z.string().nullable(),
    updatedAt: z.string(),
  });
}

function outputOf(item: RoadmapItem) {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    horizon: item.horizon,
    status: item.status,
    targetQuarter: item.targetQuarter,
    demand: item.demand,
    linkedPosts: item.linkedPosts.map(post => ({
      id: post.id,
      title: post.title,
      status: post.status,
      voteCount: post.voteCount,
    })),
    closedAt: item.closedAt,
    updatedAt: item.updatedAt,
  };
}

export function registerRoadmapActions(
  registry: ActionsRegistryService,
  { roadmap }: Pick<ActionServices, 'roadmap'>,
) {
  registry.register({
    name: 'get-product-roadmap',
    title: 'Get the roadmap of a platform product',
    description: `Answers the roadmap of an internal platform product: its open items in Now / Next / Later (in order), each with status (exploring, planned, in-progress), target quarter, the demand behind it (linked feedback posts, people, votes) and its most voted linked posts; and its history of shipped and dropped items, most recent first.
Use it for "what is coming in X", "is my request planned". Linked posts show only to callers who may read the product's feedback.`,
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          productRef: productRefInput(z),
        }),
      output: z =>
        z.object({
          productRef: z.string(),
          items: z.array(itemOutput(z)).describe('open items'),
          history: z.array(itemOutput(z)).describe('shipped and dropped'),
          lastUpdatedAt: z.string().nullable(),
        }),
    },
    examples: [
      {
        title: 'A roadmap',
        input: { productRef: 'platformproduct:default/deployment-platform' },
      },
    ],
    action: async ({ input, credentials }) => {
      const answer = await roadmap.roadmap(input, { credentials });
      return {
        output: {
          productRef: answer.productRef,
          items: answer.items.map(outputOf),
          history: answer.history.map(outputOf),
          lastUpdatedAt: answer.lastUpdatedAt,
        },
      };
    },
  });
}
