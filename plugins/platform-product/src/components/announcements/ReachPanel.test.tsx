import {
  Announcement,
  AnnouncementReach,
} from '@platform-product/plugin-platform-product-common';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { screen } from '@testing-library/react';
import {
  announcement,
  announcementsApi,
  deprecation,
  reach,
} from '../../__testUtils__/announcementFixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { ReachPanel } from './ReachPanel';

const noAudience: AnnouncementReach = {
  audienceUsers: 0,
  readUsers: 1,
  acknowledgedUsers: 0,
  audienceTeams: 0,
  reachedTeams: 0,
  acknowledgedTeams: 0,
  pendingAcknowledgement: [],
};

async function renderReach(post: Announcement, counts: AnnouncementReach) {
  const api = announcementsApi({
    getAnnouncementReach: jest.fn(async () => counts),
  });
  await renderWithApis(<ReachPanel post={post} />, {
    apis: [[platformProductApiRef, api]],
  });
  await screen.findByTestId('reach-panel');
  return api;
}

describe('ReachPanel', () => {
  it('shows each count as a share of the audience', async () => {
    const api = await renderReach(deprecation(), reach);
    expect(api.getAnnouncementReach).toHaveBeenCalledWith('d1');
    expect(screen.getByTestId('reach-users-read')).toHaveTextContent(
      '30 of 40 (75%)',
    );
    expect(screen.getByTestId('reach-teams-reached')).toHaveTextContent(
      '3 of 4 (75%)',
    );
    expect(screen.getByTestId('reach-users-acknowledged')).toHaveTextContent(
      '10 of 40 (25%)',
    );
    expect(screen.getByTestId('reach-teams-acknowledged')).toHaveTextContent(
      '2 of 4 (50%)',
    );
    expect(screen.queryByTestId('reach-no-audience')).toBeNull();
    expect(
      screen.getByText('Followers outside the adopting teams (1)'),
    ).toBeInTheDocument();
  });

  it('counts the readers of a product post nobody was sent, without "of 0"', async () => {
    await renderReach(announcement(), noAudience);
    const users = screen.getByTestId('reach-users-read');
    expect(users).toHaveTextContent('Users read1 user');
    expect(users).not.toHaveTextContent(/of 0/);
    expect(screen.getByTestId('reach-teams-reached')).toHaveTextContent(
      'No teams in the audience',
    );
    expect(screen.getByTestId('reach-no-audience')).toHaveTextContent(
      'the product had no adopting teams or followers when it was published',
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says why a global post has no audience, and counts its readers', async () => {
    await renderReach(announcement({ productRef: null }), {
      ...noAudience,
      readUsers: 12,
    });
    expect(screen.getByTestId('reach-users-read')).toHaveTextContent(
      '12 users',
    );
    expect(screen.getByTestId('reach-no-audience')).toHaveTextContent(
      'A global post goes to everyone',
    );
  });

  it('does not wait for acknowledgements from an empty audience', async () => {
    await renderReach(deprecation(), noAudience);
    expect(screen.getByTestId('reach-users-acknowledged')).toHaveTextContent(
      'No users in the audience',
    );
    expect(
      screen.getByText('Nobody to wait for: the audience is empty.'),
    ).toBeInTheDocument();
  });

  it('never shows more than 100% when readers outside the audience read it', async () => {
    await renderReach(announcement(), {
      ...noAudience,
      audienceUsers: 4,
      readUsers: 5,
      audienceTeams: 2,
      reachedTeams: 2,
    });
    expect(screen.getByTestId('reach-users-read')).toHaveTextContent(
      '5 users, more than the 4 it was sent to',
    );
    expect(screen.getByTestId('reach-users-read')).not.toHaveTextContent('%');
    for (const bar of screen.getAllByRole('progressbar')) {
      expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThanOrEqual(
        100,
      );
    }
  });
});
