import { identityApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/test-utils';
import {
  releaseAnnouncementDraft,
  roadmapManagePermission,
} from '@platform-product/plugin-platform-product-common';
import {
  PlatformProductApi,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { post, productRef } from '../../__testUtils__/feedbackFixtures';
import { deploymentPlatform } from '../../__testUtils__/fixtures';
import { answerPermissions } from '../../__testUtils__/permission';
import { renderWithApis } from '../../__testUtils__/render';
import { roadmap, roadmapItem } from '../../__testUtils__/roadmapFixtures';
import { EntityProductRoadmapContent } from './EntityProductRoadmapContent';

// the permission API caches decisions across renders (SWR): decide per test here
jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(),
}));

function setup(
  overrides: Partial<PlatformProductApi> = {},
  options: { canManage?: boolean; route?: string } = {},
) {
  const api = {
    getRoadmap: jest.fn(async () => roadmap()),
    createRoadmapItem: jest.fn(async () => roadmapItem({ id: 'r9' })),
    updateRoadmapItem: jest.fn(async () => roadmapItem()),
    deleteRoadmapItem: jest.fn(async () => undefined),
    linkRoadmapFeedback: jest.fn(async () => ({
      item: roadmapItem(),
      postStatus: 'planned' as const,
    })),
    unlinkRoadmapFeedback: jest.fn(async () => ({
      item: roadmapItem(),
      postStatus: 'planned' as const,
    })),
    getRoadmapItemHistory: jest.fn(async () => []),
    listFeedback: jest.fn(async () => ({
      items: [post({ id: 'p9', title: 'Canary releases please' })],
      totalCount: 1,
      nextCursor: null,
    })),
    createAnnouncement: jest.fn(async request => ({
      id: 'a1',
      state: 'published',
      ...request,
    })),
    ...overrides,
  } as Partial<PlatformProductApi> & Record<string, jest.Mock>;
  const authorize = answerPermissions(!!options.canManage);
  const render = () =>
    renderWithApis(<EntityProductRoadmapContent />, {
      apis: [
        [platformProductApiRef, api],
        [
          identityApiRef,
          mockApis.identity({ userEntityRef: 'user:default/jane.doe' }),
        ],
      ],
      entity: deploymentPlatform,
      routeEntries: [options.route ?? '/'],
    });
  return { api, authorize, render };
}

const column = (horizon: string) =>
  screen.getByTestId(`roadmap-column-${horizon}`);
const titlesIn = (element: HTMLElement) =>
  within(element)
    .getAllByRole('heading', { level: 3 })
    .map(h => h.textContent);

/** Opens an item's action menu and picks an entry. */
async function choose(itemTitle: string, entry: string) {
  await userEvent.click(
    await screen.findByRole('button', { name: `Actions for ${itemTitle}` }),
  );
  await userEvent.click(await screen.findByRole('menuitem', { name: entry }));
}

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

describe('EntityProductRoadmapContent: the product team', () => {
  it('creates the first item from the empty roadmap', async () => {
    const { api, render } = setup(
      {
        getRoadmap: jest.fn(async () =>
          roadmap({ items: [], history: [], lastUpdatedAt: null }),
        ),
      },
      { canManage: true },
    );
    await render();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Create the first item' }),
    );
    const dialog = await screen.findByRole('dialog');
    const add = within(dialog).getByRole('button', {
      name: 'Add to the roadmap',
    });
    expect(add).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/Title/),
      '  Canary deploys ',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Description'),
      'Roll out to **5%** first.',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Horizon'),
      'now',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Status'),
      'in-progress',
    );
    const quarter = within(dialog).getByLabelText('Target quarter');
    const [, firstQuarter] = within(quarter)
      .getAllByRole('option')
      .map(o => o.getAttribute('value'));
    await userEvent.selectOptions(quarter, firstQuarter!);
    await userEvent.click(add);

    expect(api.createRoadmapItem).toHaveBeenCalledWith({
      productRef,
      title: 'Canary deploys',
      description: 'Roll out to **5%** first.',
      horizon: 'now',
      status: 'in-progress',
      targetQuarter: firstQuarter,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.getRoadmap).toHaveBeenCalledTimes(2);
  });

  it('edits an item, sending only what changed', async () => {
    const { api, render } = setup({}, { canManage: true });
    await render();

    await choose('Blue-green deploys', 'Edit…');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText(/Title/)).toHaveValue(
      'Blue-green deploys',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Target quarter'),
      '',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(api.updateRoadmapItem).toHaveBeenCalledWith('r3', {
      targetQuarter: null,
    });
  });

  it('moves an item to another horizon and within its own, from the keyboard-usable menu', async () => {
    const { api, render } = setup({}, { canManage: true });
    await render();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Actions for Canary deploys' }),
    );
    const menu = await screen.findByRole('menu');
    expect(
      within(menu).getByRole('menuitem', { name: 'Move up' }),
    ).toHaveAttribute('aria-disabled', 'true');
    expect(
      within(menu).queryByRole('menuitem', { name: 'Move to Now' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(menu).getByRole('menuitem', { name: 'Move down' }),
    );
    expect(api.updateRoadmapItem).toHaveBeenLastCalledWith('r1', {
      position: 1,
    });
    expect(
      await screen.findByText('Moved “Canary deploys” down.'),
    ).toBeInTheDocument();

    await choose('Blue-green deploys', 'Move to Now');
    expect(api.updateRoadmapItem).toHaveBeenLastCalledWith('r3', {
      horizon: 'now',
    });
    expect(
      await screen.findByText('Moved “Blue-green deploys” to Now.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(api.getRoadmap).toHaveBeenCalledTimes(3));
  });

  it("shows the server's refusal of a move", async () => {
    const { render } = setup(
      {
        updateRoadmapItem: jest.fn(async () => {
          throw await ResponseError.fromResponse({
            ok: false,
            status: 400,
            statusText: 'Bad Request',
            headers: new Headers({ 'content-type': 'application/json' }),
            text: async () =>
              JSON.stringify({
                error: {
                  name: 'InputError',
                  message: 'position must be at most 1',
                },
                response: { statusCode: 400 },
              }),
          } as unknown as Response);
        }),
      },
      { canManage: true },
    );
    await render();
    await choose('Deploy previews', 'Move to Later');
    expect(
      await screen.findByText('position must be at most 1'),
    ).toBeInTheDocument();
  });

  it('ships an item after confirming, then offers the prefilled release announcement', async () => {
    const shipped = roadmapItem({
      status: 'shipped',
      closedAt: '2026-11-03T10:00:00.000Z',
      linkedPosts: roadmapItem().linkedPosts.map(p => ({
        ...p,
        status: 'done' as const,
      })),
    });
    const { api, render } = setup(
      { updateRoadmapItem: jest.fn(async () => shipped) },
      { canManage: true },
    );
    await render();

    await choose('Canary deploys', 'Mark shipped…');
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('Mark “Canary deploys” shipped?');
    expect(confirm).toHaveTextContent(
      'Its 2 linked requests move to done, and the 5 people who asked or voted each get one “you asked, we shipped” notification.',
    );
    await userEvent.click(
      within(confirm).getByRole('button', { name: 'Mark shipped' }),
    );
    expect(api.updateRoadmapItem).toHaveBeenCalledWith('r1', {
      status: 'shipped',
    });
    expect(
      await screen.findByText(
        'Shipped “Canary deploys”: 2 requests marked done, and the 5 people behind them are being told.',
      ),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Announce this release' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'New announcement for Deployment Platform',
    );
    const draft = releaseAnnouncementDraft(shipped);
    expect(within(dialog).getByLabelText(/^Title/)).toHaveValue(draft.title);
    expect(within(dialog).getByLabelText(/^Summary/)).toHaveValue(
      draft.summary,
    );
    expect(within(dialog).getByLabelText(/^Body/)).toHaveValue(draft.body);
    expect(
      within(dialog).getByRole('radio', { name: /Release/ }),
    ).toBeChecked();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Publish' }),
    );
    await waitFor(() =>
      expect(api.createAnnouncement).toHaveBeenCalledWith(
        expect.objectContaining({
          productRef,
          type: 'release',
          title: draft.title,
          summary: draft.summary,
          body: draft.body,
          tags: ['roadmap'],
          draft: false,
        }),
      ),
    );
    expect(
      await screen.findByText(
        `Published “${draft.title}”: the product's users are being notified.`,
      ),
    ).toBeInTheDocument();
  });

  it('drops, takes up again and deletes items', async () => {
    const { api, render } = setup({}, { canManage: true });
    await render();

    await choose('Multi-region', 'Mark dropped…');
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Drop',
      }),
    );
    expect(api.updateRoadmapItem).toHaveBeenLastCalledWith('r4', {
      status: 'dropped',
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Take up FTP uploads again' }),
    );
    expect(api.updateRoadmapItem).toHaveBeenLastCalledWith('r6', {
      status: 'planned',
    });

    await choose('Deploy previews', 'Delete…');
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('Delete “Deploy previews”?');
    await userEvent.click(
      within(confirm).getByRole('button', { name: 'Delete' }),
    );
    expect(api.deleteRoadmapItem).toHaveBeenCalledWith('r2');
    expect(
      await screen.findByText('Deleted “Deploy previews”.'),
    ).toBeInTheDocument();
  });

  it("links the product's feedback to an item, and unlinks a request", async () => {
    const { api, render } = setup({}, { canManage: true });
    await render();

    await choose('Canary deploys', 'Link feedback…');
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Search'), 'canary');
    await waitFor(() =>
      expect(api.listFeedback).toHaveBeenLastCalledWith(
        expect.objectContaining({ productRef, q: 'canary', sort: 'votes' }),
      ),
    );
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'Link Canary releases please',
      }),
    );
    expect(api.linkRoadmapFeedback).toHaveBeenCalledWith('r1', 'p9');
    expect(
      await within(dialog).findByRole('button', {
        name: 'Canary releases please is linked',
      }),
    ).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));

    const [canary] = screen.getAllByTestId('roadmap-item');
    await userEvent.click(
      within(canary).getByRole('button', { name: 'Details' }),
    );
    await userEvent.click(
      within(canary).getByRole('button', {
        name: 'Unlink Rollouts are all or nothing',
      }),
    );
    expect(api.unlinkRoadmapFeedback).toHaveBeenCalledWith('r1', 'p2');
  });
});
