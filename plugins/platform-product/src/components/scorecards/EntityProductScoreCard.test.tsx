import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { deployCli, deploymentPlatform } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import {
  history,
  productRef,
  scorecard,
} from '../../__testUtils__/scorecardFixtures';
import { EntityProductScoreCard } from './EntityProductScoreCard';

const TAB = '/catalog/default/platformproduct/deployment-platform/scorecard';

function render(
  entity: Entity,
  getScorecard = jest.fn(async () => scorecard()),
) {
  const api = {
    getScorecard,
    getScorecardHistory: jest.fn(async () => history),
  };
  const catalogApi = {
    getEntities: jest.fn(async () => ({ items: [deploymentPlatform] })),
  };
  const rendered = renderWithApis(<EntityProductScoreCard />, {
    apis: [
      [platformProductApiRef, api],
      [catalogApiRef, catalogApi],
    ],
    entity,
  });
  return { api, catalogApi, rendered };
}

describe('EntityProductScoreCard', () => {
  it("shows a product's level, score, trend and failing checks, linking to its Scorecard tab", async () => {
    const { api, catalogApi } = render(deploymentPlatform);

    const product = await screen.findByTestId('product-score');
    expect(await within(product).findByText('Silver')).toBeInTheDocument();
    expect(within(product).getByTestId('score-card-score')).toHaveTextContent(
      '72 / 100',
    );
    expect(within(product).getByText('2 checks fail')).toBeInTheDocument();
    expect(
      await within(product).findByRole('img', {
        name: 'Score trend: from 58 on Mar 1 to 72 on Mar 3',
      }),
    ).toBeInTheDocument();
    expect(
      within(product).getByRole('link', { name: 'See what to do next' }),
    ).toHaveAttribute('href', TAB);
    expect(api.getScorecardHistory).toHaveBeenCalledWith(productRef, {
      days: 30,
    });
    // a product is its own product: no catalog lookup
    expect(catalogApi.getEntities).not.toHaveBeenCalled();
  });

  it("on a part's page, shows the product it is part of", async () => {
    const { api, catalogApi } = render(
      deployCli,
      jest.fn(async () =>
        scorecard({
          level: 'gold',
          score: 100,
          checks: scorecard().checks.map(c => ({ ...c, status: 'pass' })),
        }),
      ),
    );

    expect(
      await screen.findByText('Scorecard of Deployment Platform'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Every check passes')).toBeInTheDocument();
    expect(screen.getByText('Gold')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'See the scorecard' }),
    ).toHaveAttribute('href', TAB);
    expect(catalogApi.getEntities).toHaveBeenCalledWith({
      filter: {
        kind: 'PlatformProduct',
        'relations.hasPart': 'component:default/deploy-cli',
      },
    });
    expect(api.getScorecard).toHaveBeenCalledWith(productRef);
  });

  it('says when the product has not been evaluated yet', async () => {
    render(
      deploymentPlatform,
      jest.fn(async () => {
        throw Object.assign(new Error('not found'), { statusCode: 404 });
      }),
    );
    expect(await screen.findByText('Not evaluated yet.')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'See the scorecard' }),
    ).toBeInTheDocument();
  });
});
