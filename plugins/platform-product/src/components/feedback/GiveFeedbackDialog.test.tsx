import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  PlatformProductApi,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { deployCli, deploymentPlatform } from '../../__testUtils__/fixtures';
import { post, productRef } from '../../__testUtils__/feedbackFixtures';
import { Entity } from '@backstage/catalog-model';
import { EntityGiveFeedbackCard } from './EntityGiveFeedbackCard';

function render(entity: Entity, api: Partial<PlatformProductApi>) {
  const catalogApi = {
    getEntities: jest.fn(async () => ({ items: [deploymentPlatform] })),
  };
  return {
    catalogApi,
    rendered: renderInTestApp(
      <TestApiProvider
        apis={[
          [platformProductApiRef, api],
          [catalogApiRef, catalogApi],
        ]}
      >
        <EntityProvider entity={entity}>
          <EntityGiveFeedbackCard />
        </EntityProvider>
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    ),
  };
}

async function openDialog() {
  await userEvent.click(
    await screen.findByRole('button', { name: 'Give feedback' }),
  );
  return screen.findByRole('dialog');
}

describe('EntityGiveFeedbackCard', () => {
  it('sends a rating from the product page, anonymously, with a comment', async () => {
    const createFeedback = jest.fn(async () =>
      post({ id: 'r9', type: 'rating', score: 9, title: null, status: null }),
    );
    await render(deploymentPlatform, { createFeedback }).rendered;

    const dialog = await openDialog();
    expect(
      within(dialog).getByText(
        'How likely are you to recommend Deployment Platform to a colleague?',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/the product team won't see who you are/),
    ).toBeInTheDocument();
    const send = within(dialog).getByRole('button', { name: 'Send rating' });
    expect(send).toBeDisabled();

    await userEvent.click(within(dialog).getByRole('button', { name: '9' }));
    expect(within(dialog).getByRole('button', { name: '9' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Comment (optional)'),
      'Fast and boring',
    );
    await userEvent.click(within(dialog).getByLabelText('Anonymous'));
    await userEvent.click(send);

    expect(createFeedback).toHaveBeenCalledTimes(1);
    expect(createFeedback).toHaveBeenCalledWith({
      entityRef: productRef,
      type: 'rating',
      score: 9,
      body: 'Fast and boring',
      anonymous: true,
    });
    expect(
      await within(dialog).findByText(
        'Thank you for rating Deployment Platform.',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('link', {
        name: 'See the feedback on Deployment Platform',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/platformproduct/deployment-platform/feedback',
    );
  });

  it("posts an idea from a part's page with the part's ref and links to the post", async () => {
    const createFeedback = jest.fn(async () =>
      post({ id: 'p42', entityRef: 'component:default/deploy-cli' }),
    );
    const { catalogApi, rendered } = render(deployCli, { createFeedback });
    await rendered;

    const dialog = await openDialog();
    expect(catalogApi.getEntities).toHaveBeenCalledWith({
      filter: {
        kind: 'PlatformProduct',
        'relations.hasPart': 'component:default/deploy-cli',
      },
    });
    expect(
      within(dialog).getByText('Feedback on Deployment Platform'),
    ).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('tab', { name: 'Post' }));
    await userEvent.click(
      within(dialog).getByRole('radio', { name: /Problem/ }),
    );
    await userEvent.type(within(dialog).getByLabelText(/Title/), 'Rollback');
    await userEvent.type(
      within(dialog).getByLabelText('Details'),
      'Rollback **fails** on Fridays',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Post' }));

    expect(createFeedback).toHaveBeenCalledWith({
      entityRef: 'component:default/deploy-cli',
      type: 'problem',
      title: 'Rollback',
      body: 'Rollback **fails** on Fridays',
      anonymous: false,
    });
    expect(
      await within(dialog).findByRole('link', { name: 'See your post' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/platformproduct/deployment-platform/feedback?post=p42',
    );
  });

  it("shows the server's 400 message inline and keeps the input", async () => {
    const createFeedback = jest.fn(async () => {
      throw Object.assign(new Error('Request failed with 400 Bad Request'), {
        name: 'ResponseError',
        statusCode: 400,
        body: {
          error: {
            name: 'InputError',
            message: 'title must be at most 200 characters, got 201',
          },
        },
      });
    });
    await render(deploymentPlatform, { createFeedback }).rendered;

    const dialog = await openDialog();
    await userEvent.click(within(dialog).getByRole('tab', { name: 'Post' }));
    await userEvent.type(within(dialog).getByLabelText(/Title/), 'Too long');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Post' }));

    expect(
      await within(dialog).findByText(
        'title must be at most 200 characters, got 201',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Title/)).toHaveValue('Too long');
    expect(within(dialog).queryByText('See your post')).not.toBeInTheDocument();
  });

  it('says so when the entity is part of no product', async () => {
    const catalogApi = { getEntities: jest.fn(async () => ({ items: [] })) };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [platformProductApiRef, {}],
          [catalogApiRef, catalogApi],
        ]}
      >
        <EntityProvider entity={deployCli}>
          <EntityGiveFeedbackCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/is not part of a platform product/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Give feedback' }),
    ).not.toBeInTheDocument();
  });
});
