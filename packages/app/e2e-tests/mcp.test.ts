import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { expect, test } from '@playwright/test';
import { BACKEND, guestToken } from './backend';
import { DEVELOPER, PM, shot, signIn } from './helpers';

const PRODUCT = 'platformproduct:default/deployment-platform';

/** MCP tool names are namespaced by plugin (`mcpActions.namespacedToolNames`, on by default). */
const tool = (name: string) => `platform-product.${name}`;

/** An MCP client (the official SDK's, over streamable HTTP) signed in as a demo user. */
async function mcpClientAs(user: string) {
  const client = new Client({ name: 'platform-product-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${BACKEND}/api/mcp-actions/v1`),
      {
        requestInit: {
          headers: { Authorization: `Bearer ${await guestToken(user)}` },
        },
      },
    ),
  );
  return client;
}

/** The text of a tool result's first content block. */
const textOf = (result: Awaited<ReturnType<Client['callTool']>>) =>
  (result.content as Array<{ type: string; text?: string }>)[0]?.text ?? '';

// An AI assistant, on behalf of Kim Nguyen (a developer whose team deploys with the Deployment
// Platform), asks the demo backend's MCP server who runs the platform and passes on Kim's idea;
// Jane Doe, its product manager, then finds the idea on the product's Feedback tab.
test('mcp: an agent lists the tools, reads a product, submits feedback that shows on the Feedback tab', async ({
  page,
}) => {
  const title = `Preview environments per pull request (via MCP ${Date.now()})`;
  const client = await mcpClientAs(DEVELOPER);
  try {
    const { tools } = await client.listTools();
    expect(tools.map(t => t.name)).toEqual(
      expect.arrayContaining(
        [
          'get-platform-product',
          'get-product-feedback-summary',
          'submit-product-feedback',
          'list-product-announcements',
          'create-product-announcement',
          'get-product-roadmap',
          'get-product-scorecard',
        ].map(tool),
      ),
    );
    const submitTool = tools.find(
      t => t.name === tool('submit-product-feedback'),
    )!;
    expect(submitTool.description).toContain('rating');
    expect(submitTool.inputSchema.properties).toHaveProperty('entityRef');

    const product = await client.callTool({
      name: tool('get-platform-product'),
      arguments: { product: 'deployment-platform' },
    });
    expect(product.isError).toBeFalsy();
    expect(product.structuredContent).toMatchObject({
      productRef: PRODUCT,
      title: 'Deployment Platform',
      productManager: 'user:default/jane.doe',
      owner: 'group:default/platform-team',
      lifecycle: 'production',
    });
    expect(JSON.parse(textOf(product))).toMatchObject({ productRef: PRODUCT });

    const submitted = await client.callTool({
      name: tool('submit-product-feedback'),
      arguments: {
        entityRef: PRODUCT,
        type: 'idea',
        title,
        body: 'Asked for through an assistant.',
      },
    });
    expect(submitted.isError).toBeFalsy();
    expect(submitted.structuredContent).toMatchObject({
      productRef: PRODUCT,
      type: 'idea',
      title,
      status: 'new',
      author: `user:default/${DEVELOPER}`,
    });

    // the policy holds over MCP too: a developer may not post the product's announcements,
    // and bad input is answered with the field it concerns
    const denied = await client.callTool({
      name: tool('create-product-announcement'),
      arguments: {
        productRef: PRODUCT,
        type: 'release',
        title: 'Not mine to announce',
        summary: 'No.',
        body: 'No.',
      },
    });
    expect(denied.isError).toBe(true);
    expect(textOf(denied)).toContain('NotAllowedError');
    expect(textOf(denied)).toContain('platform-product.announcement.manage');

    // the read tools answer with their documented shapes (attached to the report, to read)
    const reads = {
      'get-product-feedback-summary': { productRef: PRODUCT, months: 3 },
      'list-product-announcements': { productRef: PRODUCT, limit: 2 },
      'get-product-roadmap': { productRef: PRODUCT },
      'get-product-scorecard': { productRef: PRODUCT },
    };
    const answers: Record<string, unknown> = {
      'get-platform-product': product.structuredContent,
      'submit-product-feedback': submitted.structuredContent,
    };
    for (const [name, args] of Object.entries(reads)) {
      const result = await client.callTool({
        name: tool(name),
        arguments: args,
      });
      expect(result.isError, textOf(result)).toBeFalsy();
      answers[name] = result.structuredContent;
    }
    expect(answers['get-product-feedback-summary']).toMatchObject({
      productRef: PRODUCT,
      months: 3,
      topPosts: expect.arrayContaining([
        expect.objectContaining({ title, status: 'new' }),
      ]),
    });
    expect(answers['list-product-announcements']).toMatchObject({
      items: expect.any(Array),
      totalCount: expect.any(Number),
    });
    expect(answers['get-product-roadmap']).toMatchObject({
      productRef: PRODUCT,
      items: expect.any(Array),
    });
    expect(answers['get-product-scorecard']).toMatchObject({
      productRef: PRODUCT,
      score: expect.any(Number),
      checks: expect.any(Array),
    });
    await test.info().attach('mcp-answers.json', {
      body: JSON.stringify(answers, null, 2),
      contentType: 'application/json',
    });

    const bad = await client.callTool({
      name: tool('submit-product-feedback'),
      arguments: { entityRef: PRODUCT, type: 'rating' },
    });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toBe('InputError: score is required for a rating');
  } finally {
    await client.close();
  }

  // the PM finds Kim's idea on the Feedback tab, new and waiting for triage
  await signIn(page, PM);
  await page.goto(
    '/catalog/default/platformproduct/deployment-platform/feedback',
  );
  const row = page.getByTestId('feedback-row').filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row.getByText('New', { exact: true })).toBeVisible();
  await expect(row.getByText(/^Idea · /)).toBeVisible();
  await shot(page, 'mcp-feedback');
});
