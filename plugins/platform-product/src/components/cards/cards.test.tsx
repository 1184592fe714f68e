import { Entity } from '@backstage/catalog-model';
import { identityApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { mockApis } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ReactElement } from 'react';
import {
  deployCli,
  deploymentPlatform,
  janeDoe,
  previewEnvironments,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import {
  EntityPartOfProductCard,
  EntityProductsManagedCard,
  EntityProductsOwnedCard,
  isPartOfPlatformProduct,
} from '../../index';

const observabilityPlatform = {
  ...deploymentPlatform,
  metadata: {
    name: 'observability-platform',
    namespace: 'default',
    title: 'Observability Platform',
    description: 'Metrics and logs for every service, with no setup.',
  },
  spec: {
    ...deploymentPlatform.spec,
    owner: 'group:default/observability-team',
    lifecycle: 'beta' as const,
  },
};

const platformTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'platform-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

function renderCard(
  entity: Entity,
  card: ReactElement,
  options: {
    products: Entity[];
    signedInAs?: string;
    getEntities?: jest.Mock;
  },
) {
  const getEntities =
    options.getEntities ?? jest.fn(async () => ({ items: options.products }));
  const rendered = renderWithApis(card, {
    apis: [
      [catalogApiRef, { getEntities }],
      [
        identityApiRef,
        mockApis.identity({
          userEntityRef: options.signedInAs ?? 'user:default/guest',
        }),
      ],
    ],
    entity,
  });
  return { getEntities, rendered };
}

describe('EntityProductsManagedCard', () => {
  it('lists "Products I manage" on the signed-in user\'s own page', async () => {
    const { getEntities } = renderCard(janeDoe, <EntityProductsManagedCard />, {
      products: [observabilityPlatform, deploymentPlatform],
      signedInAs: 'user:default/jane.doe',
    });

    expect(await screen.findByText('Products I manage')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Deployment Platform' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/platformproduct/deployment-platform',
    );
    expect(
      screen.getByRole('link', { name: 'Observability Platform' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Metrics and logs for every service, with no setup.'),
    ).toBeInTheDocument();
    expect(screen.getByText('beta')).toBeInTheDocument();
    expect(getEntities).toHaveBeenCalledWith({
      filter: {
        kind: 'PlatformProduct',
        'relations.productManagedBy': 'user:default/jane.doe',
      },
    });

    // sorted by title
    const titles = screen
      .getAllByRole('link', { name: /Platform$/ })
      .map(link => link.textContent);
    expect(titles).toEqual(['Deployment Platform', 'Observability Platform']);
  });

  it('says "Products managed" on somebody else\'s page', async () => {
    renderCard(janeDoe, <EntityProductsManagedCard />, {
      products: [deploymentPlatform],
      signedInAs: 'user:default/sam.lee',
    });

    expect(
      await screen.findByRole('link', { name: 'Deployment Platform' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Products managed')).toBeInTheDocument();
    expect(screen.queryByText('Products I manage')).not.toBeInTheDocument();
  });

  it('has an empty state', async () => {
    renderCard(janeDoe, <EntityProductsManagedCard />, {
      products: [],
      signedInAs: 'user:default/jane.doe',
    });

    expect(
      await screen.findByText('You do not manage a platform product'),
    ).toBeInTheDocument();
  });

  it('shows catalog errors', async () => {
    renderCard(janeDoe, <EntityProductsManagedCard />, {
      products: [],
      getEntities: jest.fn(async () => {
        throw new Error('catalog unavailable');
      }),
    });

    expect(
      (await screen.findAllByText(/catalog unavailable/)).length,
    ).toBeGreaterThan(0);
  });
});

describe('EntityProductsOwnedCard', () => {
  it('lists the products a group owns, with their PM or the lack of one', async () => {
    const { getEntities } = renderCard(
      platformTeam,
      <EntityProductsOwnedCard />,
      { products: [deploymentPlatform, previewEnvironments] },
    );

    expect(await screen.findByText('Products we own')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Preview Environments' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'jane.doe' })).toHaveAttribute(
      'href',
      '/catalog/default/user/jane.doe',
    );
    expect(screen.getByText('No product manager')).toBeInTheDocument();
    expect(getEntities).toHaveBeenCalledWith({
      filter: {
        kind: 'PlatformProduct',
        'relations.ownedBy': 'group:default/platform-team',
      },
    });
  });
});

describe('EntityPartOfProductCard', () => {
  it('names the product and links to its page', async () => {
    const { getEntities } = renderCard(deployCli, <EntityPartOfProductCard />, {
      products: [deploymentPlatform],
    });

    expect(
      await screen.findByText('Part of product Deployment Platform'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Ship a service to production in one command.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: /Open the Deployment Platform product page/,
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/platformproduct/deployment-platform',
    );
    expect(screen.getByRole('link', { name: 'jane.doe' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /#deploy-help/ }),
    ).toBeInTheDocument();
    expect(getEntities).toHaveBeenCalledWith({
      filter: {
        kind: 'PlatformProduct',
        'relations.hasPart': 'component:default/deploy-cli',
      },
    });
  });
});

describe('isPartOfPlatformProduct', () => {
  it('is true only with a partOf relation to a PlatformProduct', () => {
    expect(isPartOfPlatformProduct(deployCli)).toBe(true);
    expect(
      isPartOfPlatformProduct({
        ...deployCli,
        relations: [{ type: 'partOf', targetRef: 'system:default/deploy' }],
      }),
    ).toBe(false);
    expect(
      isPartOfPlatformProduct({
        ...deployCli,
        relations: [
          {
            type: 'dependsOn',
            targetRef: 'platformproduct:default/deployment-platform',
          },
        ],
      }),
    ).toBe(false);
    expect(
      isPartOfPlatformProduct({ ...deployCli, relations: undefined }),
    ).toBe(false);
  });
});
