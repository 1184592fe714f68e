import { roadmapManagePermission } from '@platform-product/plugin-platform-product-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { productRef } from '../../__testUtils__/feedbackFixtures';
import { roadmap } from '../../__testUtils__/roadmapFixtures';
import {
  column,
  setupRoadmapTab as setup,
  titlesIn,
} from '../../__testUtils__/roadmapTab';

// the permission API caches decisions across renders (SWR): decide per test here
jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(),
}));

describe('EntityProductRoadmapContent: reading', () => {
  it('shows Now, Next and Later in order, each item with status, target and demand', async () => {
    const { api, render } = setup();
    await render();

    expect(
      await screen.findByRole('heading', {
        name: 'Roadmap of Deployment Platform',
      }),
    ).toBeInTheDocument();
    expect(api.getRoadmap).toHaveBeenCalledWith(productRef);
    expect(titlesIn(column('now'))).toEqual([
      'Canary deploys',
      'Deploy previews',
    ]);
    expect(titlesIn(column('next'))).toEqual(['Blue-green deploys']);
    expect(titlesIn(column('later'))).toEqual(['Multi-region']);
    expect(within(column('now')).getByLabelText('2 items')).toHaveTextContent(
      '2',
    );

    const [canary, previews] = within(column('now')).getAllByTestId(
      'roadmap-item',
    );
    expect(within(canary).getByText('In progress')).toBeInTheDocument();
    expect(within(canary).getByText('Q1 2027')).toBeInTheDocument();
    expect(within(canary).getByTestId('roadmap-demand')).toHaveTextContent(
      '2 requests · 5 people',
    );
    expect(within(previews).getByTestId('roadmap-demand')).toHaveTextContent(
      'No linked requests yet',
    );
    expect(
      within(column('next')).getByTestId('roadmap-demand'),
    ).toHaveTextContent('1 request · 1 person');
  });

  it('expands an item to its markdown description and its requests, linking to the Feedback tab', async () => {
    const { render } = setup();
    await render();

    const [canary] = await screen.findAllByTestId('roadmap-item');
    expect(within(canary).queryByText('5%')).not.toBeInTheDocument();
    const details = within(canary).getByRole('button', { name: 'Details' });
    expect(details).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(details);
    expect(details).toHaveAttribute('aria-expanded', 'true');
    expect(within(canary).getByText('5%').tagName).toBe('STRONG');
    expect(
      within(canary).getByRole('link', { name: 'Roll back with one command' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/platformproduct/deployment-platform/feedback?post=p1',
    );
    expect(within(canary).getByText('6 votes')).toBeInTheDocument();
    expect(within(canary).getByText('1 vote')).toBeInTheDocument();
    expect(within(canary).queryByText(/more request/)).not.toBeInTheDocument();

    // the roadmap lists an item's most voted requests; it counts the others
    const blueGreen = within(column('next')).getByTestId('roadmap-item');
    await userEvent.click(
      within(blueGreen).getByRole('button', { name: 'Details' }),
    );
    expect(within(blueGreen).getByText('1 request')).toBeInTheDocument();
  });

  it('lists shipped and dropped items in the history with their dates', async () => {
    const { render } = setup();
    await render();

    const rows = await screen.findAllByTestId('roadmap-history-item');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Shipped Oct 15, 2026');
    expect(rows[0]).toHaveTextContent('Audit trail');
    expect(rows[0]).toHaveTextContent('2 requests · 5 people');
    expect(rows[1]).toHaveTextContent('Dropped Sep 1, 2026');
    expect(rows[1]).toHaveTextContent('FTP uploads');
  });

  it("shows an item's changes: who, when and what", async () => {
    const { api, render } = setup({
      getRoadmapItemHistory: jest.fn(async () => [
        {
          id: 'h2',
          itemId: 'r3',
          action: 'move' as const,
          actor: 'user:default/jane.doe',
          at: '2026-11-02T10:00:00.000Z',
          changes: [
            { field: 'horizon' as const, from: 'later', to: 'next' },
            { field: 'position' as const, from: 2, to: 0 },
          ],
        },
        {
          id: 'h1',
          itemId: 'r3',
          action: 'create' as const,
          actor: 'user:default/john.smith',
          at: '2026-10-01T10:00:00.000Z',
          changes: [{ field: 'title' as const, to: 'Blue-green deploys' }],
        },
      ]),
    });
    await render();

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Change history of Blue-green deploys',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(api.getRoadmapItemHistory).toHaveBeenCalledWith('r3');
    const entries = await within(dialog).findAllByTestId('roadmap-change');
    expect(entries[0]).toHaveTextContent('Moved');
    expect(entries[0]).toHaveTextContent('jane.doe');
    expect(entries[0]).toHaveTextContent('Horizon: Later → Next');
    expect(entries[0]).toHaveTextContent('Place: #3 → #1');
    expect(entries[1]).toHaveTextContent('Created');
    expect(entries[1]).toHaveTextContent('john.smith');
    expect(entries[1]).toHaveTextContent('Title: “Blue-green deploys”');
  });

  it('highlights and opens the item of ?item=', async () => {
    const { render } = setup({}, { route: '/?item=r3' });
    await render();

    const item = await within(
      await screen.findByTestId('roadmap-column-next'),
    ).findByTestId('roadmap-item');
    expect(item).toHaveAttribute('aria-current', 'true');
    expect(
      within(item).getByRole('button', { name: 'Details' }),
    ).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByTestId('roadmap-item')[0]).not.toHaveAttribute(
      'aria-current',
    );
  });

  it('opens a shipped item of ?item= in the history, with its description and requests', async () => {
    const { render } = setup({}, { canManage: true, route: '/?item=r5' });
    await render();

    const [shipped, dropped] = await screen.findAllByTestId(
      'roadmap-history-item',
    );
    expect(shipped).toHaveAttribute('aria-current', 'true');
    expect(within(shipped).getByText('5%').tagName).toBe('STRONG');
    expect(
      within(shipped).getByRole('link', { name: 'Roll back with one command' }),
    ).toBeInTheDocument();
    // settled: the product team has nothing to link or unlink on a closed item
    expect(
      within(shipped).queryByRole('button', { name: /^Unlink/ }),
    ).not.toBeInTheDocument();
    expect(
      within(shipped).queryByRole('button', { name: 'Link feedback' }),
    ).not.toBeInTheDocument();
    const details = within(dropped).getByRole('button', { name: 'Details' });
    expect(details).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(details);
    expect(
      within(dropped).getByText('No feedback linked yet.'),
    ).toBeInTheDocument();
  });

  it('gives readers no controls of the product team', async () => {
    const { authorize, render } = setup();
    await render();

    await screen.findAllByTestId('roadmap-item');
    expect(authorize).toHaveBeenCalledWith({
      permission: roadmapManagePermission,
      resourceRef: productRef,
    });
    expect(
      screen.queryByRole('button', { name: 'New item' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Actions for/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Announce/ }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Details' })[0],
    );
    expect(
      screen.queryByRole('button', { name: /^Unlink/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Link feedback' }),
    ).not.toBeInTheDocument();
  });

  it('says when there is no roadmap yet, and when it cannot be loaded', async () => {
    const empty = setup({
      getRoadmap: jest.fn(async () =>
        roadmap({ items: [], history: [], lastUpdatedAt: null }),
      ),
    });
    const { unmount } = await empty.render();
    expect(await screen.findByText('No roadmap yet')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Create the first item' }),
    ).not.toBeInTheDocument();
    unmount();

    const failing = setup({
      getRoadmap: jest.fn(async () => {
        throw new Error('the roadmap is down');
      }),
    });
    await failing.render();
    expect(
      await screen.findByText(/Could not load the roadmap/),
    ).toBeInTheDocument();
  });
});
