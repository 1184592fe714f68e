import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  PlatformProductApi,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { screen, waitFor, within } from '@testing-library/react';
import {
  adoption,
  deployApi,
  deployCli,
  deploymentPlatform,
  janeDoe,
  previewEnvironments,
} from '../../__testUtils__/fixtures';
import { catalogApiOver } from '../../__testUtils__/catalogApi';
import { renderWithApis } from '../../__testUtils__/render';
import { history, scorecard } from '../../__testUtils__/scorecardFixtures';
import { EntityPlatformProductOverviewContent } from './EntityPlatformProductOverviewContent';

function setup(
  entity: Entity,
  overrides: Partial<PlatformProductApi> = {
    getAdoption: jest.fn(async () => adoption),
  },
) {
  const catalogApi = catalogApiOver([janeDoe, deployCli, deployApi]);
  const platformProductApi = {
    getScorecard: jest.fn(async () => scorecard()),
    getScorecardHistory: jest.fn(async () => history),
    ...overrides,
  };
  return {
    catalogApi,
    platformProductApi,
    render: () =>
      renderWithApis(<EntityPlatformProductOverviewContent />, {
        apis: [
          [catalogApiRef, catalogApi],
          [platformProductApiRef, platformProductApi],
        ],
        entity,
      }),
  };
}

describe('EntityPlatformProductOverviewContent: links', () => {
  it("follows a link into this app inside it (the product's Roadmap tab) and opens others in a new tab", async () => {
    const roadmapTab =
      '/catalog/default/platformproduct/deployment-platform/roadmap';
    const { render } = setup({
      ...deploymentPlatform,
      metadata: {
        ...deploymentPlatform.metadata,
        links: [
          { url: `${window.location.origin}${roadmapTab}`, title: 'Roadmap' },
          { url: 'https://status.example.com/deploy', title: 'Status page' },
        ],
      },
    });
    await render();

    const roadmap = screen.getByRole('link', { name: 'Roadmap' });
    expect(roadmap).toHaveAttribute('href', roadmapTab);
    expect(roadmap).not.toHaveAttribute('target');
    expect(screen.getByRole('link', { name: /Status page/ })).toHaveAttribute(
      'target',
      '_blank',
    );
  });
});

describe('EntityPlatformProductOverviewContent', () => {
  it('shows the PM, vision, support, parts and adopting teams', async () => {
    const { render, catalogApi, platformProductApi } =
      setup(deploymentPlatform);
    await render();

    // header
    expect(
      screen.getByText('Ship a service to production in one command.'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('production').length).toBeGreaterThan(0);

    // product manager, loaded from the catalog
    const pmLink = await screen.findByRole('link', { name: 'Jane Doe' });
    expect(pmLink).toHaveAttribute('href', '/catalog/default/user/jane.doe');
    expect(screen.getByText('jane.doe@example.com')).toHaveAttribute(
      'href',
      'mailto:jane.doe@example.com',
    );
    expect(catalogApi.getEntityByRef).toHaveBeenCalledWith(
      'user:default/jane.doe',
    );

    // vision and audience
    expect(
      screen.getByText(/get it to production in one command/),
    ).toBeInTheDocument();
    expect(screen.getByText('backend developers')).toBeInTheDocument();
    expect(screen.getByText('data engineers')).toBeInTheDocument();

    // support
    expect(screen.getByRole('link', { name: /#deploy-help/ })).toHaveAttribute(
      'href',
      'https://chat.example.com/deploy-help',
    );
    expect(screen.getByText(/Thursdays 15:00 CET/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Join/ })).toHaveAttribute(
      'href',
      'https://meet.example.com/deploy',
    );

    // parts, with their descriptions from the catalog
    expect(
      await screen.findByText('The command line to ship a service.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Start and follow deployments.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'deploy-cli' })).toHaveAttribute(
      'href',
      '/catalog/default/component/deploy-cli',
    );
    // a titled part shows its title, and its ref for the record
    expect(
      screen.getByRole('link', { name: 'Deploy API (deploy-api)' }),
    ).toHaveAttribute('href', '/catalog/default/api/deploy-api');
    expect(
      screen.getByText('deploy-api', { selector: 'div' }),
    ).toBeInTheDocument();

    // adoption
    expect(platformProductApi.getAdoption).toHaveBeenCalledWith(
      'platformproduct:default/deployment-platform',
    );
    const teamsLabel = await screen.findByText('Adopting teams', {
      selector: 'div',
    });
    expect(teamsLabel.previousSibling).toHaveTextContent('2');
    expect(
      screen.getByText('Consumers', { selector: 'div' }).previousSibling,
    ).toHaveTextContent('3');
    expect(screen.getByRole('link', { name: 'Payments Team' })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments-team',
    );
    expect(
      screen.getByRole('link', { name: 'Search Team' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Payments Service' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-service');
    const paymentsRow = screen
      .getByRole('link', { name: 'Payments Team' })
      .closest('tr')!;
    expect(within(paymentsRow).getByText('2')).toBeInTheDocument();
    expect(screen.queryByText('No product manager')).not.toBeInTheDocument();

    // how well it is run: its scorecard in brief, linking to the Scorecard tab
    expect(platformProductApi.getScorecard).toHaveBeenCalledWith(
      'platformproduct:default/deployment-platform',
    );
    expect(await screen.findByTestId('score-card-score')).toHaveTextContent(
      '72 / 100',
    );
    expect(
      screen.getByRole('link', { name: 'See what to do next' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/platformproduct/deployment-platform/scorecard',
    );
  });

  it('shows the missing product manager as a gap, with how to fix it', async () => {
    const { render, catalogApi } = setup(previewEnvironments, {
      getAdoption: jest.fn(async () => ({
        ...adoption,
        productRef: 'platformproduct:default/preview-environments',
        partCount: 0,
        consumerCount: 0,
        teamCount: 0,
        teams: [],
        history: [],
      })),
    });
    await render();

    expect(screen.getByText('No product manager')).toBeInTheDocument();
    expect(
      screen.getByText(/Nobody owns this product's vision and roadmap/),
    ).toBeInTheDocument();
    expect(screen.getByText('spec.productManager')).toBeInTheDocument();
    expect(catalogApi.getEntityByRef).not.toHaveBeenCalled();

    // the other gaps are explained too
    expect(screen.getByText('No support channels')).toBeInTheDocument();
    expect(screen.getByText('No parts yet')).toBeInTheDocument();
    expect(await screen.findByText('No consumers yet')).toBeInTheDocument();
    expect(
      screen.getByText(/This product is experimental/),
    ).toBeInTheDocument();
  });

  it('shows the backend error when adoption cannot be loaded', async () => {
    const failure = new Error('adoption backend is down');
    const { render } = setup(deploymentPlatform, {
      getAdoption: jest.fn(async () => {
        throw failure;
      }),
    });
    await render();

    expect(
      (await screen.findAllByText(/adoption backend is down/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText(/Could not load adoption/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    // the rest of the page still works
    expect(
      await screen.findByRole('link', { name: 'Jane Doe' }),
    ).toBeInTheDocument();
  });

  it('says so when the named product manager is not in the catalog', async () => {
    const { render } = setup({
      ...deploymentPlatform,
      spec: {
        ...deploymentPlatform.spec,
        productManager: 'user:default/ghost',
      },
    });
    await render();

    await waitFor(() =>
      expect(
        screen.getByText(
          /is named as product manager but is not in the catalog/,
        ),
      ).toBeInTheDocument(),
    );
  });
});
