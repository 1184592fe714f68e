import { ResponseError } from '@backstage/errors';
import {
  PlatformProductApi,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { scorecardRefreshPermission } from '@platform-product/plugin-platform-product-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { deployCli, deploymentPlatform } from '../../__testUtils__/fixtures';
import { answerPermissions } from '../../__testUtils__/permission';
import { renderWithApis } from '../../__testUtils__/render';
import {
  history,
  productRef,
  scorecard,
} from '../../__testUtils__/scorecardFixtures';
import { EntityProductScorecardContent } from './EntityProductScorecardContent';

jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(),
}));

function setup(
  overrides: Partial<PlatformProductApi> = {},
  options: { canRefresh?: boolean; route?: string } = {},
) {
  const api = {
    getScorecard: jest.fn(async () => scorecard()),
    getScorecardHistory: jest.fn(async () => history),
    refreshScorecard: jest.fn(async () =>
      scorecard({ level: 'gold', score: 100 }),
    ),
    ...overrides,
  };
  const authorize = answerPermissions(!!options.canRefresh);
  const render = (entity = deploymentPlatform) =>
    renderWithApis(<EntityProductScorecardContent />, {
      apis: [[platformProductApiRef, api]],
      entity,
      routeEntries: [options.route ?? '/'],
    });
  return { api, authorize, render };
}

const checksIn = (group: string) =>
  within(screen.getByRole('region', { name: group }))
    .getAllByTestId('scorecard-check')
    .map(check => within(check).getByRole('heading').textContent);

describe('EntityProductScorecardContent', () => {
  it('shows the level, the score, its trend, and the checks grouped by level', async () => {
    const { api, render } = setup();
    await render();

    expect(
      await screen.findByRole('heading', {
        name: 'Scorecard of Deployment Platform',
      }),
    ).toBeInTheDocument();
    const summary = screen.getByTestId('score-summary');
    expect(within(summary).getByText('Silver')).toBeInTheDocument();
    expect(within(summary).getByTestId('scorecard-score')).toHaveTextContent(
      '72 / 100',
    );
    expect(api.getScorecard).toHaveBeenCalledWith(productRef);
    expect(api.getScorecardHistory).toHaveBeenCalledWith(productRef, {
      days: 90,
    });
    expect(
      await screen.findByRole('img', {
        name: 'Score over the last 90 days: from 58 on Mar 1 to 72 on Mar 3',
      }),
    ).toBeInTheDocument();

    // Bronze, Silver, Gold, then what only counts towards the score
    expect(
      screen.getAllByRole('region').map(r => r.getAttribute('aria-label')),
    ).toEqual(['Bronze', 'Silver', 'Gold', 'Counts towards the score']);
    expect(checksIn('Bronze')).toEqual([
      'Has a product manager',
      'Has a vision',
    ]);
    expect(checksIn('Silver')).toEqual([
      'Hears from its users',
      'Roadmap updated recently',
    ]);
    // a measured person reads as a link to them, not as a raw ref
    const manager = within(
      screen.getByRole('region', { name: 'Bronze' }),
    ).getAllByTestId('scorecard-check')[0];
    expect(within(manager).getByRole('link')).toHaveTextContent('jane.doe');
    expect(manager).not.toHaveTextContent('user:default/jane.doe');
    expect(checksIn('Counts towards the score')).toEqual([
      'Has an on-call rota',
    ]);
    expect(
      within(screen.getByRole('region', { name: 'Silver' })).getByText(
        '1 of 1 pass · 1 not applicable',
      ),
    ).toBeInTheDocument();
  });

  it('puts the advice on the failing checks, says why one does not apply, and names the next step', async () => {
    const { render } = setup();
    await render();

    const gold = await screen.findByRole('region', { name: 'Gold' });
    const failing = within(gold).getByTestId('scorecard-check');
    expect(failing).toHaveAttribute('data-status', 'fail');
    expect(within(failing).getByTitle('Fails')).toBeInTheDocument();
    expect(within(failing).getByText('2 teams · needs 5 teams')).toBeVisible();
    expect(within(failing).getByTestId('check-advice')).toHaveTextContent(
      'Next step: Show two more teams what the platform does for them',
    );
    // a passing check keeps its advice to itself; one that does not apply says why
    const bronze = screen.getByRole('region', { name: 'Bronze' });
    expect(within(bronze).queryByTestId('check-advice')).toBeNull();
    expect(
      screen.getByText('The roadmap capability is not installed.'),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('check-advice')).toHaveLength(2);

    // the next level and what keeps the product from it, linking to the check
    const next = screen.getByTestId('next-step');
    expect(next).toHaveTextContent('To reach Gold, pass this check:');
    expect(
      within(next).getByRole('link', { name: 'Adopted by several teams' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/platformproduct/deployment-platform/scorecard?check=adopting-teams',
    );
  });

  it('highlights the check the link names', async () => {
    const { render } = setup({}, { route: '/?check=adopting-teams' });
    await render();
    const gold = await screen.findByRole('region', { name: 'Gold' });
    expect(within(gold).getByTestId('scorecard-check').className).toMatch(
      /selected/,
    );
  });

  it('offers "Re-evaluate now" only to those the policy allows', async () => {
    const { authorize, render } = setup();
    await render();
    await screen.findByTestId('score-summary');
    expect(authorize).toHaveBeenCalledWith({
      permission: scorecardRefreshPermission,
      resourceRef: productRef,
    });
    expect(
      screen.queryByRole('button', { name: /Re-evaluate now/ }),
    ).not.toBeInTheDocument();
  });

  it('re-evaluates the product for the product team and shows the new result', async () => {
    const getScorecard = jest
      .fn()
      .mockResolvedValueOnce(scorecard())
      .mockResolvedValue(scorecard({ level: 'gold', score: 100 }));
    const { api, render } = setup({ getScorecard }, { canRefresh: true });
    await render();
    await screen.findByTestId('score-summary');

    await userEvent.click(
      screen.getByRole('button', { name: /Re-evaluate now/ }),
    );
    expect(api.refreshScorecard).toHaveBeenCalledWith(productRef);
    await waitFor(() =>
      expect(screen.getByTestId('scorecard-score')).toHaveTextContent(
        '100 / 100',
      ),
    );
    expect(api.getScorecardHistory).toHaveBeenCalledTimes(2);
  });

  it('says when the product has not been evaluated yet, and shows other errors', async () => {
    const notFound = Object.assign(new Error('no scorecard'), {
      name: 'NotFoundError',
    });
    const { render } = setup({
      getScorecard: jest.fn(async () => {
        throw notFound;
      }),
    });
    const { unmount } = await render();
    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
    unmount();

    const failure = await ResponseError.fromResponse({
      ok: false,
      status: 500,
      statusText: 'Internal Server Error',
      headers: new Headers({ 'content-type': 'text/plain' }),
      text: async () => 'database unavailable',
    } as Response);
    const second = setup({
      getScorecard: jest.fn(async () => {
        throw failure;
      }),
    });
    await second.render();
    expect(
      await screen.findByText(/Could not load the scorecard/),
    ).toBeInTheDocument();
  });

  it('says a scorecard belongs to a product on any other entity', async () => {
    const { render } = setup();
    await render(deployCli as typeof deploymentPlatform);
    expect(screen.getByText('Not a platform product')).toBeInTheDocument();
    expect(screen.queryByTestId('score-summary')).not.toBeInTheDocument();
  });
});
