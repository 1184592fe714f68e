import { ResponseError } from '@backstage/errors';
import { releaseAnnouncementDraft } from '@platform-product/plugin-platform-product-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { productRef } from '../../__testUtils__/feedbackFixtures';
import { roadmap, roadmapItem } from '../../__testUtils__/roadmapFixtures';
import {
  choose,
  setupRoadmapTab as setup,
} from '../../__testUtils__/roadmapTab';

// the permission API caches decisions across renders (SWR): decide per test here
jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(),
}));

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
