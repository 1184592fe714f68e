import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  PlatformProductApi,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { renderWithApis } from '../../__testUtils__/render';
import {
  portfolioItem,
  portfolioItems,
} from '../../__testUtils__/scorecardFixtures';
import { PlatformPortfolioPage } from './PlatformPortfolioPage';

const product = (name: string, owner: string): Entity => ({
  apiVersion: 'platform-product/v1alpha1',
  kind: 'PlatformProduct',
  metadata: { name },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});
const team = (name: string, title: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', title },
});

function setup(overrides: Partial<PlatformProductApi> = {}, route = '/') {
  const api = {
    getPortfolio: jest.fn(async () => ({ items: portfolioItems })),
    exportPortfolio: jest.fn(async () => new Blob(['product,score\n'])),
    ...overrides,
  };
  const catalogApi = {
    getEntities: jest.fn(async () => ({
      items: [
        product('deployment-platform', 'group:default/platform-team'),
        product('preview-environments', 'group:default/platform-team'),
        product('legacy-ci', 'group:default/ci-team'),
      ],
    })),
    getEntitiesByRefs: jest.fn(async () => ({
      items: [
        team('platform-team', 'Platform Team'),
        team('ci-team', 'CI Team'),
      ],
    })),
  };
  const render = () =>
    renderWithApis(<PlatformPortfolioPage />, {
      apis: [
        [platformProductApiRef, api],
        [catalogApiRef, catalogApi],
      ],
      routeEntries: [route],
    });
  return { api, catalogApi, render };
}

const titles = () =>
  screen
    .getAllByTestId('portfolio-row')
    .map(row => within(row).getAllByRole('link')[0].textContent);

describe('PlatformPortfolioPage', () => {
  it('shows one row per product with its level, score, NPS trend and posts, and a summary', async () => {
    const { api, render } = setup();
    await render();

    expect(
      await screen.findByText(
        '4 products: 1 gold, 1 silver, 1 bronze, 1 without a level · average score 55',
      ),
    ).toBeInTheDocument();
    expect(api.getPortfolio).toHaveBeenCalledWith({ sort: 'title' });
    expect(titles()).toEqual([
      'Deployment Platform',
      'Data Platform',
      'Legacy CI',
      'Preview Environments',
    ]);

    const [deployment, data, legacy, preview] =
      screen.getAllByTestId('portfolio-row');
    expect(
      within(deployment).getByRole('link', { name: 'Deployment Platform' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/platformproduct/deployment-platform',
    );
    expect(within(deployment).getByText('Gold')).toBeInTheDocument();
    expect(within(deployment).getByTestId('portfolio-score')).toHaveTextContent(
      '92',
    );
    expect(
      within(deployment).getByRole('img', {
        name: 'Score trend: from 88 on Mar 1 to 92 on Mar 2',
      }),
    ).toBeInTheDocument();
    // the days of the compact trend: a day without a snapshot is left out
    expect(
      within(data).getByRole('img', {
        name: 'Score trend: from 65 on Feb 28 to 70 on Mar 2',
      }),
    ).toBeInTheDocument();
    expect(
      within(preview).getByRole('img', {
        name: 'Score trend: no history yet',
      }),
    ).toBeInTheDocument();
    expect(within(deployment).getByText('+25')).toBeInTheDocument();
    expect(within(deployment).getByLabelText('+5 in 30 days')).toBeVisible();
    expect(within(data).getByLabelText('-8 in 30 days')).toBeVisible();
    expect(within(legacy).getByText('no ratings')).toBeInTheDocument();
    expect(within(legacy).getByText('never')).toBeInTheDocument();
    expect(within(preview).getByText('No level yet')).toBeInTheDocument();
    expect(within(preview).getByText('none named')).toBeInTheDocument();
    expect(within(preview).getByText(/^oldest new: \d+ days$/)).toBeVisible();
  });

  it('asks the server for the order of the clicked column, the other way on a second click', async () => {
    const { api, render } = setup();
    await render();
    await screen.findByTestId('portfolio-summary');

    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(api.getPortfolio).toHaveBeenLastCalledWith({ sort: 'score' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(api.getPortfolio).toHaveBeenLastCalledWith({ sort: '-score' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'NPS' }));
    await waitFor(() =>
      expect(api.getPortfolio).toHaveBeenLastCalledWith({ sort: '-nps' }),
    );
    expect(screen.getByRole('columnheader', { name: /NPS/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('filters by owning team, lifecycle and level on the server, and exports with the same filters', async () => {
    const { api, catalogApi, render } = setup();
    await render();
    await screen.findByTestId('portfolio-summary');

    const owner = screen.getByLabelText('Owning team');
    await waitFor(() =>
      expect(
        Array.from(owner.querySelectorAll('option')).map(o => o.textContent),
      ).toEqual(['All teams', 'CI Team', 'Platform Team']),
    );
    expect(catalogApi.getEntitiesByRefs).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRefs: ['group:default/platform-team', 'group:default/ci-team'],
      }),
    );
    await userEvent.selectOptions(owner, 'group:default/platform-team');
    await userEvent.selectOptions(
      screen.getByLabelText('Lifecycle'),
      'production',
    );
    await userEvent.selectOptions(screen.getByLabelText('Level'), 'none');
    await waitFor(() =>
      expect(api.getPortfolio).toHaveBeenLastCalledWith({
        owner: 'group:default/platform-team',
        lifecycle: 'production',
        level: 'none',
        sort: 'title',
      }),
    );

    const createObjectURL = jest.fn(() => 'blob:portfolio');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    let savedAs: string | undefined;
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function save(this: HTMLAnchorElement) {
        savedAs = this.download;
      });
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(api.exportPortfolio).toHaveBeenCalledWith({
      owner: 'group:default/platform-team',
      lifecycle: 'production',
      level: 'none',
      sort: 'title',
    });
    await waitFor(() =>
      expect(savedAs).toMatch(/^platform-portfolio-\d{4}-\d{2}-\d{2}\.csv$/),
    );
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    click.mockRestore();
  });

  it('takes its filters and order from the URL', async () => {
    const { api, render } = setup(
      {},
      '/?owner=group:default/ci-team&level=gold&sort=-score&lifecycle=retired',
    );
    await render();
    await screen.findByTestId('portfolio-summary');
    // an unknown lifecycle is left out rather than refused by the server
    expect(api.getPortfolio).toHaveBeenCalledWith({
      owner: 'group:default/ci-team',
      level: 'gold',
      sort: '-score',
    });
    expect(screen.getByRole('columnheader', { name: /Score/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  });

  it('says when no product matches the filters, and clears them', async () => {
    const getPortfolio = jest.fn(async (options?: { level?: string }) => ({
      items: options?.level ? [] : [portfolioItem()],
    }));
    const { render } = setup({ getPortfolio }, '/?level=gold');
    await render();

    expect(await screen.findByText('No products match')).toBeInTheDocument();
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Clear filters' })[0],
    );
    expect(
      await screen.findByText(/^1 product: 1 gold · average score 92$/),
    ).toBeInTheDocument();
  });

  it('says when nothing has been evaluated yet', async () => {
    const { render } = setup({
      getPortfolio: jest.fn(async () => ({ items: [] })),
    });
    await render();
    expect(
      await screen.findByText('No products evaluated yet'),
    ).toBeInTheDocument();
  });

  it('shows the error when the portfolio cannot be loaded', async () => {
    const { render } = setup({
      getPortfolio: jest.fn(async () => {
        throw new Error('portfolio unavailable');
      }),
    });
    await render();
    expect(
      await screen.findByText(/Could not load the portfolio/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/portfolio unavailable/).length).toBeGreaterThan(
      0,
    );
  });
});
