import { identityApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { mockApis } from '@backstage/test-utils';
import {
  PlatformProductApi,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  announcement,
  announcementsApi,
  deprecation,
  page,
  productRef,
} from '../../__testUtils__/announcementFixtures';
import {
  deploymentPlatform,
  previewEnvironments,
} from '../../__testUtils__/fixtures';
import { answerPermissions } from '../../__testUtils__/permission';
import { renderWithApis } from '../../__testUtils__/render';
import { PlatformNewsPage } from './PlatformNewsPage';

jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(),
}));

function setup(
  overrides: Partial<PlatformProductApi> = {},
  options: { route?: string; canPostGlobal?: boolean } = {},
) {
  const api = announcementsApi({
    listAnnouncements: jest.fn(async () =>
      page([deprecation(), announcement()], { totalCount: 2 }),
    ),
    ...overrides,
  });
  const getEntities = jest.fn(async () => ({
    items: [previewEnvironments, deploymentPlatform],
  }));
  answerPermissions(!!options.canPostGlobal);
  const render = () =>
    renderWithApis(<PlatformNewsPage />, {
      apis: [
        [platformProductApiRef, api],
        [catalogApiRef, { getEntities }],
        [identityApiRef, mockApis.identity()],
      ],
      routeEntries: [options.route ?? '/'],
    });
  return { api, getEntities, render };
}

describe('PlatformNewsPage', () => {
  it('lists every post and filters through the API parameters', async () => {
    const { api, render } = setup();
    await render();
    expect(await screen.findByText('2 posts')).toBeInTheDocument();
    expect(screen.getByText('1 unread')).toBeInTheDocument();
    expect(api.listAnnouncements).toHaveBeenLastCalledWith({
      unread: false,
      upcoming: false,
      limit: 20,
    });

    const product = screen.getByLabelText('Product');
    await waitFor(() =>
      expect(
        Array.from(product.querySelectorAll('option')).map(o => o.textContent),
      ).toEqual([
        'All products',
        'Deployment Platform',
        'Preview Environments',
      ]),
    );
    await userEvent.selectOptions(product, productRef);
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'deprecation');
    await userEvent.type(screen.getByLabelText('Tag'), '#Migration');
    await userEvent.type(screen.getByLabelText('Search'), 'api v1');
    await userEvent.click(screen.getByLabelText('Unread only'));
    await userEvent.click(screen.getByLabelText('Upcoming events'));
    await waitFor(() =>
      expect(api.listAnnouncements).toHaveBeenLastCalledWith({
        productRef,
        type: 'deprecation',
        tag: 'migration',
        q: 'api v1',
        unread: true,
        upcoming: true,
        limit: 20,
      }),
    );
  });

  it('opens the Atom feed of all news in a new tab', async () => {
    const { api, render } = setup();
    const open = jest.spyOn(window, 'open').mockImplementation(() => null);
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: /Atom feed/ }),
    );
    await waitFor(() =>
      expect(open).toHaveBeenCalledWith(
        'http://backstage.test/api/platform-product/announcements/feed',
        '_blank',
      ),
    );
    expect(api.getAnnouncementFeedUrl).toHaveBeenCalledWith(undefined);
    open.mockRestore();
  });

  it('keeps what the user types across a pause in the search', async () => {
    const { api, render } = setup();
    await render();
    await screen.findByText('2 posts');
    const search = screen.getByLabelText('Search');
    await userEvent.type(search, 'api ');
    await waitFor(() =>
      expect(api.listAnnouncements).toHaveBeenLastCalledWith(
        expect.objectContaining({ q: 'api' }),
      ),
    );
    expect(search).toHaveValue('api ');
    await userEvent.type(search, 'v1');
    await waitFor(() =>
      expect(api.listAnnouncements).toHaveBeenLastCalledWith(
        expect.objectContaining({ q: 'api v1' }),
      ),
    );
  });

  it('takes its filters from the URL', async () => {
    const { api, render } = setup(
      {},
      { route: '/?type=event&tag=k8s&unread=true' },
    );
    await render();
    await screen.findByText('2 posts');
    expect(api.listAnnouncements).toHaveBeenCalledWith({
      type: 'event',
      tag: 'k8s',
      unread: true,
      upcoming: false,
      limit: 20,
    });
    expect(screen.getByLabelText('Unread only')).toBeChecked();
  });

  it('shows capped counts as "1,000+ posts" and "100+ unread"', async () => {
    const { render } = setup({
      listAnnouncements: jest.fn(async () =>
        page([announcement()], {
          nextCursor: 'c2',
          totalCount: 1000,
          totalCountCapped: true,
          unreadCount: 100,
          unreadCountCapped: true,
        }),
      ),
    });
    await render();
    expect(await screen.findByText('1,000+ posts')).toBeInTheDocument();
    expect(screen.getByText('100+ unread')).toBeInTheDocument();
  });

  it('loads older posts with the cursor', async () => {
    const listAnnouncements = jest
      .fn()
      .mockResolvedValueOnce(
        page([announcement()], { nextCursor: 'c2', totalCount: 2 }),
      )
      .mockResolvedValueOnce(page([deprecation()], { totalCount: 2 }));
    const { api, render } = setup({ listAnnouncements });
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Load older posts' }),
    );
    await screen.findByText('Deploy API v1 goes away');
    expect(api.listAnnouncements).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: 'c2' }),
    );
    expect(screen.getAllByTestId('announcement')).toHaveLength(2);
    expect(
      screen.queryByRole('button', { name: 'Load older posts' }),
    ).toBeNull();
  });

  it('says when nothing matches, and when there is no news at all', async () => {
    const { render } = setup(
      { listAnnouncements: jest.fn(async () => page([])) },
      { route: '/?tag=nothing' },
    );
    await render();
    expect(await screen.findByText('No posts match')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(await screen.findByText('No platform news yet')).toBeInTheDocument();
  });

  it('shows a load error', async () => {
    const { render } = setup({
      listAnnouncements: jest.fn(async () => {
        throw new Error('down');
      }),
    });
    await render();
    expect(
      await screen.findByText(/Could not load the news/),
    ).toBeInTheDocument();
  });

  it('offers a global post to those allowed, without a product', async () => {
    const { api, render } = setup({}, { canPostGlobal: true });
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: 'New global announcement' }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.type(screen.getByLabelText(/Title/), 'SSO everywhere');
    await userEvent.type(screen.getByLabelText(/Summary/), 'One login');
    await userEvent.type(screen.getByLabelText(/Body/), 'Details');
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(api.createAnnouncement).toHaveBeenCalled());
    expect(api.createAnnouncement).toHaveBeenCalledWith(
      expect.not.objectContaining({ productRef: expect.anything() }),
    );
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  });

  it('shows one post at /:id', async () => {
    const { api, render } = setup(
      { getAnnouncement: jest.fn(async () => deprecation()) },
      { route: '/d1' },
    );
    await render();
    expect(
      await screen.findByRole('heading', { name: 'Deploy API v1 goes away' }),
    ).toBeInTheDocument();
    expect(api.getAnnouncement).toHaveBeenCalledWith('d1');
    await waitFor(() =>
      expect(api.markAnnouncementRead).toHaveBeenCalledWith('d1'),
    );
  });
});
