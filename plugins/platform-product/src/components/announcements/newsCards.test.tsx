import { Entity } from '@backstage/catalog-model';
import {
  PlatformProductApi,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactElement } from 'react';
import {
  announcement,
  announcementsApi,
  deprecation,
  event,
  page,
  productRef,
} from '../../__testUtils__/announcementFixtures';
import {
  deployCli,
  deploymentPlatform,
  paymentsApiComponent as consumer,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import {
  EntityLatestProductNewsCard,
  EntityPlatformNewsBanner,
  PlatformNewsBanner,
  PlatformNewsHomeCard,
} from '../../index';

function renderWith(
  element: ReactElement,
  overrides: Partial<PlatformProductApi> = {},
  entity?: Entity,
) {
  const api = announcementsApi(overrides);
  const rendered = renderWithApis(element, {
    apis: [[platformProductApiRef, api]],
    entity,
  });
  return { api, rendered };
}

describe('EntityLatestProductNewsCard', () => {
  it('lists the news of the products an entity uses, titled with the product', async () => {
    const { api, rendered } = renderWith(
      <EntityLatestProductNewsCard />,
      {
        listAnnouncements: jest.fn(async () =>
          page([deprecation(), announcement()]),
        ),
      },
      consumer,
    );
    await rendered;
    expect(await screen.findByText(/Latest from/)).toHaveTextContent(
      'Latest from deployment-platform',
    );
    expect(screen.getAllByTestId('announcement')).toHaveLength(2);
    expect(api.listAnnouncements).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      limit: 3,
    });
    expect(
      screen.getByRole('link', { name: /All news of the product/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/platformproduct/deployment-platform/news',
    );
  });

  it('names no single product when the posts come from several', async () => {
    const { rendered } = renderWith(
      <EntityLatestProductNewsCard />,
      {
        listAnnouncements: jest.fn(async () =>
          page([
            announcement(),
            announcement({
              id: 'a2',
              productRef: 'platformproduct:default/observability',
            }),
          ]),
        ),
      },
      deployCli,
    );
    await rendered;
    expect(await screen.findByText('Latest platform news')).toBeInTheDocument();
    expect(screen.getByText('observability')).toBeInTheDocument();
  });

  it('asks by productRef on the product page itself', async () => {
    const { api, rendered } = renderWith(
      <EntityLatestProductNewsCard limit={5} />,
      { listAnnouncements: jest.fn(async () => page([announcement()])) },
      deploymentPlatform,
    );
    await rendered;
    await screen.findByText('Deploy CLI 2.0');
    expect(api.listAnnouncements).toHaveBeenCalledWith({
      productRef,
      limit: 5,
    });
  });

  it('shows a friendly empty state when there is no news', async () => {
    const { rendered } = renderWith(
      <EntityLatestProductNewsCard />,
      {},
      consumer,
    );
    await rendered;
    expect(await screen.findByText('No news')).toBeInTheDocument();
    expect(
      screen.getByText(/The platforms this component is part of or uses/),
    ).toBeInTheDocument();
  });

  it('renders nothing with hideWhenEmpty when there is no news', async () => {
    const { api, rendered } = renderWith(
      <div data-testid="slot">
        <EntityLatestProductNewsCard hideWhenEmpty />
      </div>,
      {},
      consumer,
    );
    await rendered;
    await waitFor(() => expect(api.listAnnouncements).toHaveBeenCalled());
    await waitFor(() =>
      expect(screen.getByTestId('slot')).toBeEmptyDOMElement(),
    );
  });

  it('shows a load error', async () => {
    const { rendered } = renderWith(
      <EntityLatestProductNewsCard />,
      {
        listAnnouncements: jest.fn(async () => {
          throw new Error('down');
        }),
      },
      consumer,
    );
    await rendered;
    expect(
      await screen.findByText(/Could not load the news/),
    ).toBeInTheDocument();
  });
});

describe('PlatformNewsHomeCard', () => {
  it('shows the unread count and the latest posts with their product', async () => {
    const { api, rendered } = renderWith(<PlatformNewsHomeCard />, {
      listAnnouncements: jest.fn(async () =>
        page(
          [
            deprecation(),
            event(),
            announcement({ productRef: null, id: 'g1', title: 'New SSO' }),
          ],
          {
            unreadCount: 7,
          },
        ),
      ),
    });
    await rendered;
    expect(await screen.findByTestId('unread-count')).toHaveTextContent(
      '7 unread',
    );
    const posts = screen.getAllByTestId('announcement');
    expect(posts).toHaveLength(3);
    expect(within(posts[2]).getByText(/Everyone/)).toBeInTheDocument();
    expect(api.listAnnouncements).toHaveBeenCalledWith({ limit: 5 });
    expect(
      screen.getByRole('link', { name: /All platform news/ }),
    ).toHaveAttribute('href', '/platform-news');
  });

  it('shows "100+ unread" when the server capped the count', async () => {
    const { rendered } = renderWith(<PlatformNewsHomeCard />, {
      listAnnouncements: jest.fn(async () =>
        page([announcement()], { unreadCount: 100, unreadCountCapped: true }),
      ),
    });
    await rendered;
    expect(await screen.findByTestId('unread-count')).toHaveTextContent(
      '100+ unread',
    );
  });

  it('says when there is no news', async () => {
    const { rendered } = renderWith(<PlatformNewsHomeCard />);
    await rendered;
    expect(await screen.findByText('No news yet')).toBeInTheDocument();
    expect(screen.queryByTestId('unread-count')).toBeNull();
  });

  it('shows a load error', async () => {
    const { rendered } = renderWith(<PlatformNewsHomeCard />, {
      listAnnouncements: jest.fn(async () => {
        throw new Error('down');
      }),
    });
    await rendered;
    expect(
      await screen.findByText(/Could not load the news/),
    ).toBeInTheDocument();
  });
});

describe('PlatformNewsBanner', () => {
  const incident = announcement({
    id: 'i1',
    type: 'incident',
    title: 'Deploys are failing',
    summary: 'We are on it.',
    pinned: true,
  });
  const maintenance = announcement({
    id: 'm1',
    type: 'maintenance',
    title: 'Registry maintenance Sunday',
    summary: 'Pushes paused 2-3 AM.',
    pinned: true,
  });

  it('shows pinned maintenance and incidents and dismisses one for good', async () => {
    const { api, rendered } = renderWith(<PlatformNewsBanner />, {
      getAnnouncementBanners: jest.fn(async () => [incident, maintenance]),
    });
    await rendered;
    const banners = await screen.findAllByTestId('platform-news-banner');
    expect(banners).toHaveLength(2);
    expect(banners[0]).toHaveTextContent('Incident: Deploys are failing');
    expect(banners[0]).toHaveTextContent('We are on it.');
    expect(
      within(banners[0]).getByRole('link', { name: 'Deploys are failing' }),
    ).toHaveAttribute('href', '/platform-news/i1');
    expect(api.getAnnouncementBanners).toHaveBeenCalledWith(undefined);

    await userEvent.click(
      screen.getByRole('button', { name: 'Dismiss Deploys are failing' }),
    );
    expect(api.dismissAnnouncement).toHaveBeenCalledWith('i1');
    await waitFor(() =>
      expect(screen.getAllByTestId('platform-news-banner')).toHaveLength(1),
    );
    expect(screen.getByTestId('platform-news-banner')).toHaveTextContent(
      'Maintenance: Registry maintenance Sunday',
    );
  });

  it('keeps a banner whose dismissal failed, and says so', async () => {
    const { rendered } = renderWith(<PlatformNewsBanner />, {
      getAnnouncementBanners: jest.fn(async () => [incident]),
      dismissAnnouncement: jest.fn(async () => {
        throw new Error('try later');
      }),
    });
    await rendered;
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Dismiss Deploys are failing',
      }),
    );
    expect(
      await screen.findByText('Could not dismiss: try later'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('platform-news-banner')).toBeInTheDocument();
  });

  it('renders nothing without banners or when they cannot be loaded', async () => {
    const failing = jest.fn(async () => {
      throw new Error('down');
    });
    const { rendered } = renderWith(
      <div data-testid="slot">
        <PlatformNewsBanner productRef={productRef} />
      </div>,
      { getAnnouncementBanners: failing },
    );
    await rendered;
    await waitFor(() => expect(failing).toHaveBeenCalledWith(productRef));
    expect(screen.getByTestId('slot')).toBeEmptyDOMElement();
  });

  it('asks for the banners of the product on its entity page', async () => {
    const { api, rendered } = renderWith(
      <EntityPlatformNewsBanner />,
      { getAnnouncementBanners: jest.fn(async () => [maintenance]) },
      deploymentPlatform,
    );
    await rendered;
    await screen.findByTestId('platform-news-banner');
    expect(api.getAnnouncementBanners).toHaveBeenCalledWith(productRef);
  });
});
