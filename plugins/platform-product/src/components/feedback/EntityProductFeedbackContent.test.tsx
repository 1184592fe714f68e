import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  FeedbackList,
  feedbackRespondPermission,
} from '@platform-product/plugin-platform-product-common';
import {
  ListFeedbackOptions,
  PlatformProductApi,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { deploymentPlatform } from '../../__testUtils__/fixtures';
import {
  post,
  postWithReplies,
  productRef,
  stats,
} from '../../__testUtils__/feedbackFixtures';
import { EntityProductFeedbackContent } from './EntityProductFeedbackContent';

// the permission API caches decisions across renders (SWR): decide per test here
jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(),
}));
const usePermissionMock = usePermission as jest.MockedFunction<
  typeof usePermission
>;

const page = (items = [post()], nextCursor: string | null = null) =>
  ({ items, totalCount: items.length, nextCursor } as FeedbackList);

function setup(
  overrides: Partial<PlatformProductApi> = {},
  options: { canRespond?: boolean; route?: string; entity?: Entity } = {},
) {
  const api = {
    getFeedbackStats: jest.fn(async () => stats),
    listFeedback: jest.fn(async () => page()),
    getFeedback: jest.fn(async () => postWithReplies()),
    updateFeedback: jest.fn(async () => post({ status: 'planned' })),
    replyToFeedback: jest.fn(),
    voteOnFeedback: jest.fn(async () => ({ voteCount: 4, votedByMe: true })),
    ...overrides,
  };
  usePermissionMock.mockReset();
  usePermissionMock.mockReturnValue({
    loading: false,
    allowed: !!options.canRespond,
  });
  const authorize = usePermissionMock;
  // the Recent ratings card lists ratings through the same call: no ratings here
  // (RecentRatingsCard.test.tsx covers them), so `api.listFeedback` sees the posts' calls only
  const provided = {
    ...api,
    listFeedback: async (listOptions: ListFeedbackOptions) =>
      listOptions.type === 'rating' ? page([]) : api.listFeedback(listOptions),
  };
  const render = () =>
    renderInTestApp(
      <TestApiProvider apis={[[platformProductApiRef, provided]]}>
        <EntityProvider entity={options.entity ?? deploymentPlatform}>
          <EntityProductFeedbackContent />
        </EntityProvider>
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        routeEntries: [options.route ?? '/'],
      },
    );
  return { api, authorize, render };
}

describe('EntityProductFeedbackContent: NPS', () => {
  it('shows score, counts with percentages, trend and team metrics', async () => {
    const { api, render } = setup();
    await render();

    expect(await screen.findByTestId('nps-score')).toHaveTextContent('+25');
    expect(screen.getByText(/from 8 responses/)).toBeInTheDocument();
    expect(screen.getByTestId('nps-promoters')).toHaveTextContent(
      'Promoters (9-10): 4 (50%)',
    );
    expect(screen.getByTestId('nps-passives')).toHaveTextContent(
      'Passives (7-8): 2 (25%)',
    );
    expect(screen.getByTestId('nps-detractors')).toHaveTextContent(
      'Detractors (0-6): 2 (25%)',
    );
    // the trend: one point per month, none for a month without ratings
    const chart = screen.getByRole('img', { name: 'NPS by month' });
    expect(chart.querySelectorAll('circle')).toHaveLength(2);
    expect(screen.getByTestId('trend-2025-01')).toHaveTextContent(
      '2025-01: no ratings',
    );
    expect(screen.getByTestId('trend-2025-02')).toHaveTextContent(
      '2025-02: NPS -50 (2 responses)',
    );
    expect(screen.getByText("Mar '25")).toBeInTheDocument();
    // team metrics
    expect(screen.getByText('5.5 h')).toBeInTheDocument();
    expect(
      screen.getByText('Untriaged over 14 days').previousSibling,
    ).toHaveTextContent('2');
    expect(screen.getByText('75%')).toBeInTheDocument();

    expect(api.getFeedbackStats).toHaveBeenLastCalledWith(productRef, {
      months: 3,
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Last 12 months' }),
    );
    await waitFor(() =>
      expect(api.getFeedbackStats).toHaveBeenLastCalledWith(productRef, {
        months: 12,
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'This month' }));
    await waitFor(() =>
      expect(api.getFeedbackStats).toHaveBeenLastCalledWith(productRef, {
        months: 1,
      }),
    );
  });

  it('says "No ratings yet" without responses', async () => {
    const { render } = setup({
      getFeedbackStats: jest.fn(async () => ({
        ...stats,
        nps: null,
        responses: 0,
        promoters: 0,
        passives: 0,
        detractors: 0,
        trend: stats.trend.map(p => ({ ...p, nps: null, responses: 0 })),
        medianFirstResponseHours: null,
        replyRate: null,
      })),
    });
    await render();

    expect(await screen.findByText('No ratings yet')).toBeInTheDocument();
    expect(screen.queryByTestId('nps-score')).not.toBeInTheDocument();
    expect(screen.getAllByText('–')).toHaveLength(2);
  });

  it('shows an error when the stats cannot be loaded', async () => {
    const { render } = setup({
      getFeedbackStats: jest.fn(async () => {
        throw new Error('stats are down');
      }),
    });
    await render();
    expect(
      await screen.findByText(/Could not load the NPS/),
    ).toBeInTheDocument();
  });
});

describe('EntityProductFeedbackContent: posts', () => {
  it('filters, searches and sorts through the API parameters', async () => {
    const { api, render } = setup();
    await render();

    const row = await screen.findByTestId('feedback-row');
    expect(
      within(row).getByText('Roll back with one command'),
    ).toBeInTheDocument();
    expect(within(row).getByText('New')).toBeInTheDocument();
    expect(within(row).getByLabelText('1 reply')).toBeInTheDocument();
    expect(api.listFeedback).toHaveBeenLastCalledWith({
      productRef,
      sort: 'votes',
      limit: 20,
    });

    await userEvent.selectOptions(screen.getByLabelText('Type'), 'problem');
    await waitFor(() =>
      expect(api.listFeedback).toHaveBeenLastCalledWith(
        expect.objectContaining({ type: 'problem', sort: 'votes' }),
      ),
    );
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'planned');
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'recent');
    await userEvent.type(screen.getByLabelText('Search'), 'rollback');
    await waitFor(() =>
      expect(api.listFeedback).toHaveBeenLastCalledWith({
        productRef,
        type: 'problem',
        status: 'planned',
        sort: 'recent',
        q: 'rollback',
        limit: 20,
      }),
    );
  });

  it('loads the next page with the cursor and says when nothing matches', async () => {
    const listFeedback = jest
      .fn()
      .mockResolvedValueOnce(page([post()], 'cursor-2'))
      .mockResolvedValueOnce(
        page([post({ id: 'p2', title: 'Faster builds' })], null),
      )
      .mockResolvedValue(page([]));
    const { render } = setup({ listFeedback });
    await render();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Load more' }),
    );
    expect(await screen.findByText('Faster builds')).toBeInTheDocument();
    expect(screen.getByText('Roll back with one command')).toBeInTheDocument();
    expect(listFeedback).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: 'cursor-2' }),
    );
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Type'), 'praise');
    expect(await screen.findByText('No posts match')).toBeInTheDocument();
  });

  it('marks the posts the team has replied to', async () => {
    const listFeedback = jest.fn(async () =>
      page([
        post({ id: 'p1', title: 'Answered', hasOfficialReply: true }),
        post({ id: 'p2', title: 'Waiting', hasOfficialReply: false }),
      ]),
    );
    const { render } = setup({ listFeedback });
    await render();
    expect(await screen.findByText('Answered')).toBeInTheDocument();
    expect(screen.getAllByText('Team replied')).toHaveLength(1);
  });

  it('toggles a vote', async () => {
    const { api, render } = setup();
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Vote (3 votes)' }),
    );
    expect(api.voteOnFeedback).toHaveBeenCalledWith('p1', true);
    expect(
      await screen.findByRole('button', { name: 'Remove your vote (4 votes)' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('exports the CSV for the team through the API', async () => {
    const csv = new Blob(['id,type\n'], { type: 'text/csv' });
    const exportFeedback = jest.fn(async () => csv);
    const createObjectURL = jest.fn(() => 'blob:feedback');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const { render } = setup({ exportFeedback }, { canRespond: true });
    await render();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );
    expect(exportFeedback).toHaveBeenCalledWith(productRef);
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(createObjectURL).toHaveBeenCalledWith(csv);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:feedback');
    click.mockRestore();
  });

  it('shows an empty state without posts', async () => {
    const { render } = setup({ listFeedback: jest.fn(async () => page([])) });
    await render();
    expect(
      await screen.findByText('No feedback posts yet'),
    ).toBeInTheDocument();
  });
});

describe('EntityProductFeedbackContent: a post', () => {
  it('opens the post of ?post= with its markdown body and official reply', async () => {
    const { api, render } = setup({}, { route: '/?post=p1' });
    await render();

    const dialog = await screen.findByRole('dialog');
    expect(api.getFeedback).toHaveBeenCalledWith('p1');
    expect(
      await within(dialog).findByText('We are', { exact: false }),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('on it').tagName).toBe('STRONG');
    expect(within(dialog).getByText('deploy rollback').tagName).toBe('CODE');
    expect(within(dialog).getByText('Official')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Your reply')).toBeInTheDocument();
  });

  it('offers the team only the allowed next statuses and saves one', async () => {
    const { api, authorize, render } = setup(
      {
        getFeedback: jest.fn(async () =>
          postWithReplies({ ...post({ status: 'in-progress' }) }),
        ),
      },
      { canRespond: true, route: '/?post=p1' },
    );
    await render();

    const dialog = await screen.findByRole('dialog');
    const select = await within(dialog).findByLabelText('Change status');
    const options = within(select)
      .getAllByRole('option')
      .map(o => o.getAttribute('value'));
    expect(options).toEqual(['', 'planned', 'done', 'declined', 'duplicate']);
    expect(authorize).toHaveBeenCalledWith({
      permission: feedbackRespondPermission,
      resourceRef: productRef,
    });
    expect(
      screen.getByRole('button', { name: 'Export CSV', hidden: true }),
    ).toBeInTheDocument();

    await userEvent.selectOptions(select, 'planned');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save status' }),
    );
    expect(api.updateFeedback).toHaveBeenCalledWith('p1', {
      status: 'planned',
    });
  });

  it('asks for the original post when marking a duplicate', async () => {
    const { api, render } = setup(
      {
        listFeedback: jest.fn(async () =>
          page([post(), post({ id: 'p0', title: 'One-step rollback' })]),
        ),
      },
      { canRespond: true, route: '/?post=p1' },
    );
    await render();

    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(
      await within(dialog).findByLabelText('Change status'),
      'duplicate',
    );
    const save = within(dialog).getByRole('button', { name: 'Save status' });
    expect(save).toBeDisabled();
    const duplicateOf = within(dialog).getByLabelText('Duplicate of');
    await waitFor(() =>
      expect(
        within(duplicateOf).getByRole('option', { name: 'One-step rollback' }),
      ).toBeInTheDocument(),
    );
    // the post itself is not offered
    expect(
      within(duplicateOf).queryByRole('option', {
        name: 'Roll back with one command',
      }),
    ).not.toBeInTheDocument();
    await userEvent.selectOptions(duplicateOf, 'p0');
    await userEvent.click(save);
    expect(api.updateFeedback).toHaveBeenCalledWith('p1', {
      status: 'duplicate',
      duplicateOf: 'p0',
    });
  });

  it('hides the status control and the export without the respond permission', async () => {
    const { authorize, render } = setup({}, { route: '/?post=p1' });
    await render();

    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Official')).toBeInTheDocument();
    await waitFor(() => expect(authorize).toHaveBeenCalled());
    expect(
      within(dialog).queryByLabelText('Change status'),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Export CSV', hidden: true }),
    ).not.toBeInTheDocument();
  });

  it('sends a reply and reloads the thread', async () => {
    const { api, render } = setup({}, { route: '/?post=p1' });
    await render();
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      await within(dialog).findByLabelText('Your reply'),
      'Any news?',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reply' }),
    );
    expect(api.replyToFeedback).toHaveBeenCalledWith('p1', 'Any news?');
    await waitFor(() => expect(api.getFeedback).toHaveBeenCalledTimes(2));
    // the list and the team metrics (reply rate) reload too
    await waitFor(() => expect(api.getFeedbackStats).toHaveBeenCalledTimes(2));
    expect(api.listFeedback).toHaveBeenCalledTimes(2);
  });

  it('opens a post from the list', async () => {
    const { api, render } = setup();
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: /Roll back with one command/ }),
    );
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    expect(api.getFeedback).toHaveBeenCalledWith('p1');
  });
});
