import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ActionServices } from './services';

export function registerProductActions(
  registry: ActionsRegistryService,
  { overview }: Pick<ActionServices, 'overview'>,
) {
  registry.register({
    name: 'get-platform-product',
    title: 'Get a platform product',
    description: `Describes an internal platform run as a product (a PlatformProduct in the Backstage catalog): who runs it and how to get help.
Give either "product" (its ref like "platformproduct:default/deployment-platform", or just its name "deployment-platform") or "entityRef" (any catalog entity, e.g. "component:default/deploy-cli", to find the product it is part of), not both.
Answers the product manager (user ref), the owning team (group ref), lifecycle (experimental, beta, production or deprecated), vision, audience, support channels (chat, issue tracker...), office hours, its parts (catalog entities), and its adopting teams (teams owning entities that depend on it) with their consumer counts.
Use it for "who runs X", "where do I ask about X", "who uses X".`,
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          product: z
            .string()
            .optional()
            .describe(
              'The product: a ref like "platformproduct:default/deployment-platform" or a name like "deployment-platform"',
            ),
          entityRef: z
            .string()
            .optional()
            .describe(
              'Instead of product: an entity ref like "component:default/deploy-cli"; answers the product it is part of',
            ),
        }),
      output: z =>
        z.object({
          productRef: z.string(),
          name: z.string(),
          title: z.string().nullable(),
          description: z.string().nullable(),
          productManager: z
            .string()
            .nullable()
            .describe('user ref of the product manager'),
          owner: z.string().describe('group ref of the owning team'),
          lifecycle: z.string(),
          vision: z.string().nullable(),
          audience: z.array(z.string()),
          supportChannels: z.array(
            z.object({
              type: z.string(),
              name: z.string(),
              url: z.string().nullable(),
            }),
          ),
          officeHours: z
            .object({ schedule: z.string(), url: z.string().nullable() })
            .nullable(),
          parts: z.array(z.string()).describe('entity refs of its parts'),
          consumerCount: z
            .number()
            .describe('entities that depend on the product or its parts'),
          adoptingTeams: z.array(
            z.object({
              teamRef: z.string(),
              title: z.string().nullable(),
              consumerCount: z.number(),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'A product by name',
        input: { product: 'deployment-platform' },
      },
      {
        title: 'The product a component is part of',
        input: { entityRef: 'component:default/deploy-cli' },
      },
    ],
    action: async ({ input, credentials }) => ({
      output: await overview.describe(input, { credentials }),
    }),
  });
}
