import { identityApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/test-utils';
import {
  PlatformProductApi,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  announcement,
  announcementsApi,
  deprecation,
  event,
} from '../../__testUtils__/announcementFixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { AnnouncementView } from './AnnouncementView';

function setup(overrides: Partial<PlatformProductApi> = {}, id = 'a1') {
  const api = announcementsApi(overrides);
  const render = () =>
    renderWithApis(<AnnouncementView id={id} />, {
      apis: [
        [platformProductApiRef, api],
        [identityApiRef, mockApis.identity()],
      ],
    });
  return { api, render };
}

describe('AnnouncementView', () => {
  it('shows the post with its markdown body and marks it read when unread', async () => {
    const { api, render } = setup({
      getAnnouncement: jest.fn(async () =>
        announcement({
          readByMe: false,
          onBehalfOf: 'group:default/platform-team',
          body: '## What is new\n\n[guide](https://docs.example.com) [bad](javascript:alert(1))',
        }),
      ),
    });
    await render();
    expect(
      await screen.findByRole('heading', { name: 'Deploy CLI 2.0' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('announcement-type')).toHaveTextContent(
      'Release',
    );
    expect(screen.getByText('#cli')).toBeInTheDocument();
    expect(
      screen.getByText('Faster deploys and one-command rollback.'),
    ).toBeInTheDocument();
    const body = screen.getByTestId('announcement-body');
    expect(
      within(body).getByRole('heading', { name: 'What is new' }),
    ).toBeInTheDocument();
    expect(
      within(body).getByRole('link', { name: /guide/ }),
    ).toBeInTheDocument();
    expect(within(body).queryByRole('link', { name: /bad/ })).toBeNull();
    expect(screen.getByText(/platform-team/)).toBeInTheDocument();
    await waitFor(() =>
      expect(api.markAnnouncementRead).toHaveBeenCalledWith('a1'),
    );
    expect(
      screen.getByRole('link', { name: /All platform news/ }),
    ).toHaveAttribute('href', '/platform-news');
    // readers see no team controls
    expect(screen.queryByText('For the product team')).toBeNull();
  });

  it('does not mark a read post again', async () => {
    const { api, render } = setup();
    await render();
    await screen.findByRole('heading', { name: 'Deploy CLI 2.0' });
    expect(api.markAnnouncementRead).not.toHaveBeenCalled();
  });

  it('asks to acknowledge a deprecation, then shows it acknowledged', async () => {
    const { api, render } = setup({
      getAnnouncement: jest.fn(async () => deprecation()),
    });
    await render();
    expect(await screen.findByText(/It takes effect/)).toHaveTextContent(
      /in 4 weeks/,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(api.acknowledgeAnnouncement).toHaveBeenCalledWith('d1');
    expect(await screen.findByTestId('acknowledged')).toHaveTextContent(
      'You acknowledged this deprecation.',
    );
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
  });

  it('shows an acknowledgement that failed', async () => {
    const { render } = setup({
      getAnnouncement: jest.fn(async () => deprecation()),
      acknowledgeAnnouncement: jest.fn(async () => {
        throw new Error('try later');
      }),
    });
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Acknowledge' }),
    );
    expect(
      await screen.findByText(/Could not acknowledge: try later/),
    ).toBeInTheDocument();
  });

  it('shows when and where an event is and downloads its calendar file through the client', async () => {
    const createObjectURL = jest.fn(() => 'blob:ics');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const { api, render } = setup({
      getAnnouncement: jest.fn(async () => event()),
    });
    await render();
    const details = await screen.findByTestId('event-details');
    expect(details).toHaveTextContent(/Office hours/);
    expect(details).toHaveTextContent(/in 3 days/);
    expect(
      within(details).getByRole('link', { name: /meet\.example\.com/ }),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Add to calendar (.ics)' }),
    );
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.getAnnouncementEventCalendar).toHaveBeenCalledWith('e1');
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    const anchor = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(anchor.download).toBe('office-hours-rollbacks.ics');
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:ics');
    click.mockRestore();
  });

  it('shows the reach and editor actions to the product team', async () => {
    const { api, render } = setup({
      getAnnouncement: jest.fn(async () => deprecation({ canEdit: true })),
    });
    await render();
    expect(await screen.findByText('For the product team')).toBeInTheDocument();
    expect(await screen.findByTestId('reach-panel')).toBeInTheDocument();
    expect(api.getAnnouncementReach).toHaveBeenCalledWith('d1');
    expect(screen.getByRole('button', { name: /^Edit/ })).toBeInTheDocument();
  });

  it('says when the post does not exist', async () => {
    const error = await ResponseError.fromResponse({
      ok: false,
      status: 404,
      statusText: 'Not Found',
      headers: { get: () => 'application/json' },
      text: async () =>
        JSON.stringify({
          error: { name: 'NotFoundError', message: 'No announcement nope' },
          response: { statusCode: 404 },
        }),
    } as unknown as Response);
    const { render } = setup({
      getAnnouncement: jest.fn(async () => {
        throw error;
      }),
    });
    await render();
    expect(
      await screen.findByText('This post does not exist'),
    ).toBeInTheDocument();
  });

  it('shows other load errors', async () => {
    const { render } = setup({
      getAnnouncement: jest.fn(async () => {
        throw new Error('backend down');
      }),
    });
    await render();
    expect(
      await screen.findByText(/Could not load the post/),
    ).toBeInTheDocument();
  });
});
