import { identityApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/test-utils';
import {
  PlatformProductApi,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  announcement,
  announcementsApi,
  deprecation,
  event,
  page,
  productRef,
} from '../../__testUtils__/announcementFixtures';
import { deploymentPlatform } from '../../__testUtils__/fixtures';
import { answerPermissions } from '../../__testUtils__/permission';
import { renderWithApis } from '../../__testUtils__/render';
import { toLocalInput } from './dates';
import { EntityProductNewsContent } from './EntityProductNewsContent';

jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(),
}));

function setup(
  overrides: Partial<PlatformProductApi> = {},
  options: { canManage?: boolean } = {},
) {
  const api = announcementsApi({
    listAnnouncements: jest.fn(async query =>
      query?.upcoming
        ? page([event()])
        : page([deprecation(), event(), announcement()]),
    ),
    ...overrides,
  });
  answerPermissions(!!options.canManage);
  const signedIn = mockApis.identity({
    userEntityRef: 'user:default/jane.doe',
    ownershipEntityRefs: [
      'user:default/jane.doe',
      'group:default/platform-team',
      'group:default/sre',
    ],
  });
  const render = () =>
    renderWithApis(<EntityProductNewsContent />, {
      apis: [
        [platformProductApiRef, api],
        [identityApiRef, signedIn],
      ],
      entity: deploymentPlatform,
    });
  return { api, render };
}

describe('EntityProductNewsContent', () => {
  it('shows upcoming events first, then the timeline with types, tags, pin and unread marks', async () => {
    const { api, render } = setup();
    await render();

    const upcoming = await screen.findByText('Upcoming events');
    const [first] = screen.getAllByTestId('announcement');
    expect(first).toHaveTextContent('Office hours: rollbacks');
    expect(upcoming.compareDocumentPosition(screen.getByText('Timeline'))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(within(first).getByTestId('event-details')).toHaveTextContent(
      /Office hours.*in 3 days/,
    );

    const timeline = screen.getByTestId('announcement-timeline');
    const posts = within(timeline).getAllByTestId('announcement');
    // the upcoming event is not repeated on the timeline
    expect(posts.map(p => p.querySelector('a')?.textContent)).toEqual([
      'Deploy API v1 goes away',
      'Deploy CLI 2.0',
    ]);
    const [dep, release] = posts;
    expect(within(dep).getByTestId('announcement-type')).toHaveTextContent(
      'Deprecation',
    );
    expect(within(dep).getByText('#migration')).toBeInTheDocument();
    expect(within(dep).getByTitle('Pinned')).toBeInTheDocument();
    expect(within(dep).getByLabelText('Unread')).toBeInTheDocument();
    expect(within(dep).getByText(/Takes effect/)).toHaveTextContent(
      'Takes effect in 4 weeks',
    );
    expect(
      within(dep).getByRole('link', { name: 'Deploy API v1 goes away' }),
    ).toHaveAttribute('href', '/platform-news/d1');
    expect(within(release).queryByLabelText('Unread')).toBeNull();
    expect(within(release).getByText('2 days ago')).toBeInTheDocument();
    expect(screen.getByText('1 unread post')).toBeInTheDocument();

    expect(api.listAnnouncements).toHaveBeenCalledWith({
      productRef,
      type: 'event',
      upcoming: true,
      limit: 5,
    });
    expect(api.listAnnouncements).toHaveBeenCalledWith({
      productRef,
      drafts: false,
      limit: 20,
    });
    // readers get no editor controls
    expect(
      screen.queryByRole('button', { name: /New announcement/ }),
    ).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
  });

  it('shows a capped unread count as "100+ unread posts"', async () => {
    const { render } = setup({
      listAnnouncements: jest.fn(async () =>
        page([announcement()], { unreadCount: 100, unreadCountCapped: true }),
      ),
    });
    await render();
    expect(await screen.findByText('100+ unread posts')).toBeInTheDocument();
  });

  it('says so when there is no news, and shows load errors', async () => {
    const { render } = setup({
      listAnnouncements: jest.fn(async () => page([])),
    });
    await render();
    expect(
      await screen.findByText('No news from Deployment Platform yet'),
    ).toBeInTheDocument();
    expect(screen.getByText('You are all caught up.')).toBeInTheDocument();
  });

  it('shows an error when the posts cannot be loaded', async () => {
    const { render } = setup({
      listAnnouncements: jest.fn(async () => {
        throw new Error('news are down');
      }),
    });
    await render();
    expect(
      await screen.findByText(/Could not load the news/),
    ).toBeInTheDocument();
  });

  it('follows and unfollows, with the follower count', async () => {
    const { api, render } = setup();
    await render();
    const follow = await screen.findByRole('button', {
      name: 'Follow · 4 followers',
    });
    await userEvent.click(follow);
    expect(api.followProduct).toHaveBeenCalledWith(productRef, true);
    const unfollow = await screen.findByRole('button', {
      name: 'Unfollow · 5 followers',
    });
    await userEvent.click(unfollow);
    expect(api.followProduct).toHaveBeenLastCalledWith(productRef, false);
    expect(
      await screen.findByRole('button', { name: 'Follow · 4 followers' }),
    ).toBeInTheDocument();
  });

  it('shows a failed follow', async () => {
    const { render } = setup({
      followProduct: jest.fn(async () => {
        throw new Error('follows are down');
      }),
    });
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: /^Follow/ }),
    );
    expect(
      await screen.findByText('Could not follow: follows are down'),
    ).toBeInTheDocument();
  });

  it('lets the product team post a deprecation with every field', async () => {
    const { api, render } = setup({}, { canManage: true });
    await render();
    expect(api.listAnnouncements).toHaveBeenCalledWith({
      productRef,
      drafts: true,
      limit: 20,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'New announcement' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(
      within(dialog).getByText('New announcement for Deployment Platform'),
    ).toBeInTheDocument();

    await userEvent.click(within(dialog).getByLabelText(/Deprecation/));
    await userEvent.type(
      within(dialog).getByLabelText(/Title/),
      'API v1 goes away',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Summary/),
      'Move to v2',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Body/),
      'See the guide',
    );
    fireEvent.change(within(dialog).getByLabelText(/Takes effect on/), {
      target: { value: '2030-06-01T09:00' },
    });
    await userEvent.type(
      within(dialog).getByLabelText('Tags'),
      'API, #Migration',
    );
    await userEvent.click(within(dialog).getByLabelText('At a date'));
    fireEvent.change(within(dialog).getByLabelText('Publish at'), {
      target: { value: '2030-05-01T08:00' },
    });
    fireEvent.change(within(dialog).getByLabelText('Expires (optional)'), {
      target: { value: '2030-07-01T00:00' },
    });
    // the caller's groups, from their identity
    const postAs = within(dialog).getByLabelText('Post as');
    expect(
      within(postAs)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Myself', 'platform-team', 'sre']);
    await userEvent.selectOptions(postAs, 'group:default/platform-team');
    await userEvent.click(within(dialog).getByLabelText('Pinned'));
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Schedule' }),
    );

    await waitFor(() =>
      expect(api.createAnnouncement).toHaveBeenCalledTimes(1),
    );
    expect(api.createAnnouncement).toHaveBeenCalledWith({
      productRef,
      type: 'deprecation',
      title: 'API v1 goes away',
      summary: 'Move to v2',
      body: 'See the guide',
      tags: ['api', 'migration'],
      pinned: true,
      onBehalfOf: 'group:default/platform-team',
      publishAt: new Date('2030-05-01T08:00').toISOString(),
      expiresAt: new Date('2030-07-01T00:00').toISOString(),
      effectiveAt: new Date('2030-06-01T09:00').toISOString(),
      event: null,
      draft: false,
    });
    expect(await screen.findByText(/“API v1 goes away”/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('posts an event with its kind, times and place, as a draft', async () => {
    const { api, render } = setup({}, { canManage: true });
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: 'New announcement' }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText(/Event/));
    expect(within(dialog).queryByLabelText(/Takes effect on/)).toBeNull();
    await userEvent.type(within(dialog).getByLabelText(/Title/), 'Workshop');
    await userEvent.type(within(dialog).getByLabelText(/Summary/), 'Learn it');
    await userEvent.type(within(dialog).getByLabelText(/Body/), 'Agenda');
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Kind of event'),
      'workshop',
    );
    await userEvent.type(within(dialog).getByLabelText('Where'), 'Room 4');
    await userEvent.click(within(dialog).getByLabelText('Draft'));
    // without times the form says what is missing and sends nothing
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save draft' }),
    );
    expect(
      within(dialog).getByText('An event needs a start', { selector: 'div' }),
    ).toBeInTheDocument();
    expect(api.createAnnouncement).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByLabelText(/Starts/), {
      target: { value: '2030-01-10T15:00' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Ends/), {
      target: { value: '2030-01-10T16:30' },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save draft' }),
    );
    await waitFor(() =>
      expect(api.createAnnouncement).toHaveBeenCalledTimes(1),
    );
    expect(api.createAnnouncement).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'event',
        draft: true,
        publishAt: null,
        effectiveAt: null,
        event: {
          kind: 'workshop',
          start: new Date('2030-01-10T15:00').toISOString(),
          end: new Date('2030-01-10T16:30').toISOString(),
          location: 'Room 4',
        },
      }),
    );
  });

  it('shows the server validation message in the dialog and keeps it open', async () => {
    const body = {
      error: {
        name: 'InputError',
        message: 'title must be at most 200 characters, got 201',
      },
      response: { statusCode: 400 },
    };
    const error = await ResponseError.fromResponse({
      ok: false,
      status: 400,
      statusText: 'Bad Request',
      headers: { get: () => 'application/json' },
      text: async () => JSON.stringify(body),
    } as unknown as Response);
    const { render } = setup(
      {
        createAnnouncement: jest.fn(async () => {
          throw error;
        }),
      },
      { canManage: true },
    );
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: 'New announcement' }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Title/), 'T');
    await userEvent.type(within(dialog).getByLabelText(/Summary/), 'S');
    await userEvent.type(within(dialog).getByLabelText(/Body/), 'B');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Publish' }),
    );
    expect(
      await within(dialog).findByTestId('announcement-error'),
    ).toHaveTextContent('title must be at most 200 characters, got 201');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('edits a post sending only what changed, deletes it, and shows its reach', async () => {
    const editable = deprecation({ canEdit: true, readByMe: true });
    const { api, render } = setup(
      {
        updateAnnouncement: jest.fn(async (_id, change) => ({
          ...editable,
          ...(change as object),
        })),
        listAnnouncements: jest.fn(async options =>
          options?.upcoming ? page([]) : page([editable]),
        ),
      },
      { canManage: true },
    );
    await render();

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Reach of Deploy API v1 goes away',
      }),
    );
    const panel = await screen.findByTestId('reach-panel');
    expect(within(panel).getByTestId('reach-users-read')).toHaveTextContent(
      '30 of 40 (75%)',
    );
    expect(
      within(panel).getByTestId('reach-teams-acknowledged'),
    ).toHaveTextContent('2 of 4 (50%)');
    expect(within(panel).getByText('Not acknowledged yet')).toBeInTheDocument();
    expect(within(panel).getByText(/payments-team/)).toBeInTheDocument();
    expect(
      within(panel).getByText(/Followers outside the adopting teams/),
    ).toHaveTextContent('(1)');
    expect(api.getAnnouncementReach).toHaveBeenCalledWith('d1');

    await userEvent.click(
      screen.getByRole('button', { name: 'Edit Deploy API v1 goes away' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByLabelText(/Takes effect on/)).toHaveValue(
      toLocalInput(editable.effectiveAt),
    );
    // a published post keeps its publishing: no publish or draft choice
    expect(within(dialog).queryByLabelText('At a date')).toBeNull();
    expect(within(dialog).queryByLabelText('Draft')).toBeNull();
    const title = within(dialog).getByLabelText(/Title/);
    await userEvent.clear(title);
    await userEvent.type(title, 'Deploy API v1 goes away in June');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.updateAnnouncement).toHaveBeenCalledWith('d1', {
        title: 'Deploy API v1 goes away in June',
      }),
    );
    expect(
      await screen.findByRole('link', {
        name: 'Deploy API v1 goes away in June',
      }),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: /^Delete Deploy API v1 goes away/ }),
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Delete',
      }),
    );
    await waitFor(() =>
      expect(api.deleteAnnouncement).toHaveBeenCalledWith('d1'),
    );
    await waitFor(() =>
      expect(screen.queryAllByTestId('announcement')).toHaveLength(0),
    );
  });
});
