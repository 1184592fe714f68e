import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ActionServices, productRefInput } from './services';

export function registerScorecardActions(
  registry: ActionsRegistryService,
  { scorecards }: Pick<ActionServices, 'scorecards'>,
) {
  registry.register({
    name: 'get-product-scorecard',
    title: 'Get the scorecard of a platform product',
    description: `Answers how well an internal platform is run as a product: its level (bronze, silver, gold, or null below bronze), its score (0-100) and each check (a product manager, a vision, support channels, office hours, an updated roadmap, recent announcements, answered feedback, NPS, adopting teams, and custom ones) with pass, fail or not-applicable, what was measured, the threshold and advice on how to pass.
Use it for "how is X run", "what should the X team improve".`,
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          productRef: productRefInput(z),
        }),
      output: z =>
        z.object({
          productRef: z.string(),
          level: z.string().nullable(),
          score: z.number(),
          checks: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              level: z.string().nullable(),
              status: z.string(),
              value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
              threshold: z
                .union([z.string(), z.number(), z.boolean()])
                .nullable(),
              advice: z.string(),
            }),
          ),
          evaluatedAt: z.string(),
        }),
    },
    examples: [
      {
        title: 'A scorecard',
        input: { productRef: 'platformproduct:default/deployment-platform' },
      },
    ],
    action: async ({ input, credentials }) => {
      const card = await scorecards.getScorecard(input, { credentials });
      return {
        output: {
          productRef: card.productRef,
          level: card.level,
          score: card.score,
          checks: card.checks.map(check => ({
            id: check.id,
            title: check.title,
            level: check.level,
            status: check.status,
            value: check.value,
            threshold: check.threshold,
            advice: check.advice,
          })),
          evaluatedAt: card.evaluatedAt,
        },
      };
    },
  });
}
