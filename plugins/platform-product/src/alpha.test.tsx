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
import platformProductPlugin, {
  entityGiveFeedbackCard,
  entityLatestProductNewsCard,
  entityPartOfProductCard,
  entityProductFeedbackContent,
  entityProductNewsContent,
  entityProductOverviewCard,
  entityProductRoadmapCard,
  entityProductRoadmapContent,
  entityProductsManagedCard,
  entityProductsOwnedCard,
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
  it('is the platform-product plugin with the news page route', () => {
    expect(platformProductPlugin.id).toBe('platform-product');
    expect(platformProductPlugin.routes.platformNews).toBeDefined();
  });

  it.each([
    ['Feedback', entityProductFeedbackContent, '/feedback'],
    ['News', entityProductNewsContent, '/news'],
    ['Roadmap', entityProductRoadmapContent, '/roadmap'],
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
});
