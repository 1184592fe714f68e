import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { screen, within } from '@testing-library/react';
import { productRef } from '../../__testUtils__/feedbackFixtures';
import { deploymentPlatform } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { roadmap, roadmapItem } from '../../__testUtils__/roadmapFixtures';
import { EntityProductRoadmapCard } from './EntityProductRoadmapCard';

const TAB = '/catalog/default/platformproduct/deployment-platform/roadmap';

function render(getRoadmap: jest.Mock, limit?: number) {
  return renderWithApis(<EntityProductRoadmapCard limit={limit} />, {
    apis: [[platformProductApiRef, { getRoadmap }]],
    entity: deploymentPlatform,
  });
}

describe('EntityProductRoadmapCard', () => {
  it('shows the top of Now and Next, each item linking to it on the Roadmap tab', async () => {
    const getRoadmap = jest.fn(async () => roadmap());
    await render(getRoadmap);

    const now = await screen.findByRole('region', { name: 'Now' });
    const next = screen.getByRole('region', { name: 'Next' });
    expect(getRoadmap).toHaveBeenCalledWith(productRef);
    expect(
      within(now)
        .getAllByRole('link')
        .map(l => l.textContent),
    ).toEqual(['Canary deploys', 'Deploy previews']);
    expect(
      within(now).getByRole('link', { name: 'Canary deploys' }),
    ).toHaveAttribute('href', `${TAB}?item=r1`);
    expect(
      within(now).getAllByTestId('roadmap-card-item')[0],
    ).toHaveTextContent('Q1 2027 · 2 requests · 5 people');
    expect(within(next).getByText('Blue-green deploys')).toBeInTheDocument();
    // Later stays on the tab
    expect(screen.queryByText('Multi-region')).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /See the whole roadmap/ }),
    ).toHaveAttribute('href', TAB);
    // and the latest shipment
    expect(screen.getByTestId('roadmap-card-shipped')).toHaveTextContent(
      'Recently shipped: Audit trail · Oct 15, 2026',
    );
    expect(screen.getByRole('link', { name: 'Audit trail' })).toHaveAttribute(
      'href',
      `${TAB}?item=r5`,
    );
  });

  it('says how many more a horizon holds beyond the limit', async () => {
    await render(
      jest.fn(async () => roadmap()),
      1,
    );
    const now = await screen.findByRole('region', { name: 'Now' });
    expect(within(now).getAllByTestId('roadmap-card-item')).toHaveLength(1);
    expect(within(now).getByText('and 1 more')).toBeInTheDocument();
  });

  it('says when the roadmap is empty, and when it cannot be loaded', async () => {
    const { unmount } = await render(
      jest.fn(async () =>
        roadmap({ items: [], history: [roadmapItem({ status: 'shipped' })] }),
      ),
    );
    expect(
      await screen.findByText('Nothing planned right now.'),
    ).toBeInTheDocument();
    unmount();

    await render(
      jest.fn(async () => {
        throw new Error('roadmap unavailable');
      }),
    );
    expect(
      await screen.findByText('Error: roadmap unavailable'),
    ).toBeInTheDocument();
  });
});
