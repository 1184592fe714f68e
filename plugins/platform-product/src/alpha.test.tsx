import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { FeedbackList } from '@platform-product/plugin-platform-product-common';
import {
  ListFeedbackOptions,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { screen } from '@testing-library/react';
import {
  adoption,
  deployApi,
  deployCli,
  deploymentPlatform,
  janeDoe,
} from './__testUtils__/fixtures';
import { post, stats } from './__testUtils__/feedbackFixtures';
import { catalogApiOver } from './__testUtils__/catalogApi';
import {
  history,
  portfolioItems,
  scorecard,
} from './__testUtils__/scorecardFixtures';
import platformProductPlugin, {
  entityGiveFeedbackCard,
  entityLatestProductNewsCard,
  entityPartOfProductCard,
  entityProductFeedbackContent,
  entityProductNewsContent,
  entityProductOverviewCard,
  entityProductRoadmapCard,
  entityProductRoadmapContent,
  entityProductScoreCard,
  entityProductScorecardContent,
  entityProductsManagedCard,
  entityProductsOwnedCard,
  platformPortfolioPage,
} from './alpha';

// the permission API caches decisions across renders (SWR): decide here
jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(() => ({ loading: false, allowed: false })),
}));

const catalogApi = {
  ...catalogApiOver([janeDoe, deployCli, deployApi, deploymentPlatform]),
  getEntities: jest.fn(async () => ({ items: [] })),
  getEntitiesByQuery: jest.fn(async () => ({ items: [], totalItems: 0 })),
};

const page = (items = [post()]) =>
  ({ items, totalCount: items.length, nextCursor: null } as FeedbackList);

const platformProductApi = {
  getAdoption: jest.fn(async () => adoption),
  getFeedbackStats: jest.fn(async () => stats),
  listFeedback: jest.fn(async (options: ListFeedbackOptions) =>
    options.type === 'rating' ? page([]) : page(),
  ),
  getScorecard: jest.fn(async () => scorecard()),
  getScorecardHistory: jest.fn(async () => history),
  getPortfolio: jest.fn(async () => ({ items: portfolioItems })),
};

const apis = [
  [catalogApiRef, catalogApi],
  [platformProductApiRef, platformProductApi],
] as const;

const renderOnEntityPage = (
  entity: Entity,
  extension: Parameters<typeof createExtensionTester>[0],
) =>
  renderTestApp({
    extensions: [createTestEntityPage({ entity }), extension],
    apis,
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });

const user: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'jane.doe', namespace: 'default' },
  spec: {},
};
const group: Entity = { ...user, kind: 'Group', metadata: { name: 'team' } };
const partOfProduct: Entity = {
  ...deployCli,
  relations: [
    {
      type: 'partOf',
      targetRef: 'platformproduct:default/deployment-platform',
    },
  ],
};
const unrelatedComponent: Entity = { ...deployCli, relations: [] };

describe('platform-product alpha plugin', () => {
  it('is the platform-product plugin with the news and portfolio page routes', () => {
    expect(platformProductPlugin.id).toBe('platform-product');
    expect(platformProductPlugin.routes.platformNews).toBeDefined();
    expect(platformProductPlugin.routes.portfolio).toBeDefined();
  });

  it('puts the portfolio page at /platform-products, as "Portfolio" in the navigation', () => {
    const tester = createExtensionTester(platformPortfolioPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/platform-products');
    expect(tester.get(coreExtensionData.title)).toBe('Portfolio');
  });

  it.each([
    ['Feedback', entityProductFeedbackContent, '/feedback'],
    ['News', entityProductNewsContent, '/news'],
    ['Roadmap', entityProductRoadmapContent, '/roadmap'],
    ['Scorecard', entityProductScorecardContent, '/scorecard'],
  ])(
    'puts the %s tab at its path, on products only',
    (_title, content, path) => {
      const tester = createExtensionTester(
        content as typeof entityProductNewsContent,
      );
      expect(tester.get(coreExtensionData.routePath)).toBe(path);
      const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
      expect(filter?.(deploymentPlatform)).toBe(true);
      expect(filter?.(deployCli)).toBe(false);
    },
  );

  it('shows each card on the entities it is for', () => {
    const filterOf = (card: Parameters<typeof createExtensionTester>[0]) =>
      createExtensionTester(card).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      ) as (entity: Entity) => boolean;

    expect(filterOf(entityProductOverviewCard)(deploymentPlatform)).toBe(true);
    expect(filterOf(entityProductOverviewCard)(deployCli)).toBe(false);
    expect(filterOf(entityProductRoadmapCard)(deploymentPlatform)).toBe(true);
    expect(filterOf(entityProductRoadmapCard)(deployCli)).toBe(false);

    expect(filterOf(entityGiveFeedbackCard)(deploymentPlatform)).toBe(true);
    expect(filterOf(entityGiveFeedbackCard)(partOfProduct)).toBe(true);
    expect(filterOf(entityGiveFeedbackCard)(unrelatedComponent)).toBe(false);

    // the product's own overview card has its score already
    expect(filterOf(entityProductScoreCard)(partOfProduct)).toBe(true);
    expect(filterOf(entityProductScoreCard)(deploymentPlatform)).toBe(false);
    expect(filterOf(entityProductScoreCard)(unrelatedComponent)).toBe(false);

    expect(filterOf(entityPartOfProductCard)(partOfProduct)).toBe(true);
    expect(filterOf(entityPartOfProductCard)(unrelatedComponent)).toBe(false);

    expect(filterOf(entityProductsManagedCard)(user)).toBe(true);
    expect(filterOf(entityProductsManagedCard)(group)).toBe(false);
    expect(filterOf(entityProductsOwnedCard)(group)).toBe(true);
    expect(filterOf(entityProductsOwnedCard)(user)).toBe(false);

    expect(filterOf(entityLatestProductNewsCard)(deployCli)).toBe(true);
    expect(filterOf(entityLatestProductNewsCard)(deployApi)).toBe(true);
    expect(filterOf(entityLatestProductNewsCard)(user)).toBe(false);
  });

  it('renders the product overview card with the product manager, vision and parts', async () => {
    renderOnEntityPage(deploymentPlatform, entityProductOverviewCard);

    expect(
      await screen.findByText(
        'For every engineer who ships a service, get it to production in one command.',
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText('Jane Doe')).toBeInTheDocument();
    expect(platformProductApi.getAdoption).toHaveBeenCalledWith(
      'platformproduct:default/deployment-platform',
    );
  });

  it('renders the Feedback tab with the NPS and the posts', async () => {
    renderOnEntityPage(deploymentPlatform, entityProductFeedbackContent);

    expect(await screen.findByTestId('nps-score')).toHaveTextContent('+25');
    expect(
      await screen.findByText('Roll back with one command'),
    ).toBeInTheDocument();
  });

  it('renders the Scorecard tab with the level and the checks', async () => {
    renderOnEntityPage(deploymentPlatform, entityProductScorecardContent);

    expect(await screen.findByTestId('scorecard-score')).toHaveTextContent(
      '72 / 100',
    );
    expect(
      await screen.findByRole('region', { name: 'Gold' }),
    ).toBeInTheDocument();
  });

  it('renders the portfolio page with a row per product', async () => {
    renderTestApp({
      extensions: [platformPortfolioPage],
      apis,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: ['/platform-products'],
    });

    expect(
      await screen.findByRole('heading', { name: 'Platform portfolio' }),
    ).toBeInTheDocument();
    expect(await screen.findAllByTestId('portfolio-row')).toHaveLength(4);
  });
});
