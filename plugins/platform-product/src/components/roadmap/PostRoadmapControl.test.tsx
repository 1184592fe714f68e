import { FeedbackItem } from '@platform-product/plugin-platform-product-common';
import {
  ListFeedbackOptions,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  post,
  postWithReplies,
  productRef,
  stats,
} from '../../__testUtils__/feedbackFixtures';
import { deploymentPlatform } from '../../__testUtils__/fixtures';
import { answerPermissions } from '../../__testUtils__/permission';
import { renderWithApis } from '../../__testUtils__/render';
import { roadmap, roadmapItem } from '../../__testUtils__/roadmapFixtures';
import { EntityProductFeedbackContent } from '../feedback/EntityProductFeedbackContent';

jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(),
}));

const TAB = '/catalog/default/platformproduct/deployment-platform/roadmap';
const onCanary: Partial<FeedbackItem> = {
  status: 'planned',
  roadmapItem: {
    id: 'r1',
    title: 'Canary deploys',
    status: 'in-progress',
    horizon: 'now',
    targetQuarter: '2027-Q1',
  },
};

/** The Feedback tab, where posts show, with `shown` as its one post. */
function setup(shown: Partial<FeedbackItem>, canManage = false) {
  const api = {
    getFeedbackStats: jest.fn(async () => stats),
    listFeedback: jest.fn(async (options: ListFeedbackOptions) => ({
      items: options.type === 'rating' ? [] : [post(shown)],
      totalCount: 1,
      nextCursor: null,
    })),
    getFeedback: jest.fn(async () => postWithReplies(post(shown))),
    getRoadmap: jest.fn(async () => roadmap()),
    linkRoadmapFeedback: jest.fn(async () => ({
      item: roadmapItem(),
      postStatus: 'planned' as const,
    })),
    unlinkRoadmapFeedback: jest.fn(async () => ({
      item: roadmapItem(),
      postStatus: 'planned' as const,
    })),
  };
  // the team's permissions, feedback and roadmap alike
  answerPermissions(canManage);
  const render = (route = '/') =>
    renderWithApis(<EntityProductFeedbackContent />, {
      apis: [[platformProductApiRef, api]],
      entity: deploymentPlatform,
      routeEntries: [route],
    });
  return { api, render };
}

describe("a post's roadmap item", () => {
  it('shows on the post in the list and in the post, linking to the item on the Roadmap tab', async () => {
    const { render } = setup(onCanary);
    await render('/?post=p1');

    const row = await screen.findByTestId('feedback-row');
    const chip = within(row).getByTestId('roadmap-item-chip');
    expect(chip).toHaveTextContent(
      'On the roadmap: Canary deploys (In progress)',
    );
    expect(chip).toHaveAttribute('href', `${TAB}?item=r1`);

    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByRole('link', {
        name: 'On the roadmap: Canary deploys (In progress)',
      }),
    ).toHaveAttribute('href', `${TAB}?item=r1`);
    // readers may not change it
    expect(
      within(dialog).queryByRole('button', { name: /roadmap item/ }),
    ).not.toBeInTheDocument();
  });

  it('shows nothing on a post no item carries', async () => {
    const { render } = setup({ roadmapItem: null });
    await render('/?post=p1');
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('Official');
    expect(screen.queryByTestId('roadmap-item-chip')).not.toBeInTheDocument();
    expect(
      within(dialog).queryByText('Not on the roadmap.'),
    ).not.toBeInTheDocument();
  });

  it('lets the product team link a post to an open item from the post', async () => {
    const { api, render } = setup({ roadmapItem: null }, true);
    await render('/?post=p1');

    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      await within(dialog).findByRole('button', {
        name: 'Link to a roadmap item…',
      }),
    );
    const picker = await screen.findByRole('dialog', {
      name: 'Link “Roll back with one command” to a roadmap item',
    });
    expect(api.getRoadmap).toHaveBeenCalledWith(productRef);
    const options = await within(picker).findAllByRole('radio');
    expect(options.map(o => o.closest('label')?.textContent)).toEqual([
      'Canary deploys (Now · In progress · Q1 2027)',
      'Deploy previews (Now · Planned)',
      'Blue-green deploys (Next · Planned · Q2 2027)',
      'Multi-region (Later · Exploring)',
    ]);
    await userEvent.click(
      within(picker).getByRole('radio', { name: /Blue-green deploys/ }),
    );
    await userEvent.click(within(picker).getByRole('button', { name: 'Link' }));
    expect(api.linkRoadmapFeedback).toHaveBeenCalledWith('r3', 'p1');
    expect(api.unlinkRoadmapFeedback).not.toHaveBeenCalled();
    // the post reloads with its new item
    await waitFor(() => expect(api.getFeedback).toHaveBeenCalledTimes(2));
  });

  it('moves a post from one item to another, or takes it off the roadmap', async () => {
    const { api, render } = setup(onCanary, true);
    await render('/?post=p1');

    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      await within(dialog).findByRole('button', {
        name: 'Change roadmap item…',
      }),
    );
    let picker = await screen.findByRole('dialog', { name: /^Link/ });
    expect(
      await within(picker).findByRole('radio', { name: /Canary deploys/ }),
    ).toBeChecked();
    await userEvent.click(
      within(picker).getByRole('radio', { name: /Multi-region/ }),
    );
    await userEvent.click(within(picker).getByRole('button', { name: 'Link' }));
    // the server moves it off the item that carried it
    expect(api.linkRoadmapFeedback).toHaveBeenCalledWith('r4', 'p1');
    expect(api.unlinkRoadmapFeedback).not.toHaveBeenCalled();

    await userEvent.click(
      await within(dialog).findByRole('button', {
        name: 'Change roadmap item…',
      }),
    );
    picker = await screen.findByRole('dialog', { name: /^Link/ });
    await userEvent.click(
      await within(picker).findByRole('radio', { name: /unlink/ }),
    );
    await userEvent.click(
      within(picker).getByRole('button', { name: 'Unlink' }),
    );
    expect(api.unlinkRoadmapFeedback).toHaveBeenCalledWith('r1', 'p1');
    expect(api.linkRoadmapFeedback).toHaveBeenCalledTimes(1);
  });
});
