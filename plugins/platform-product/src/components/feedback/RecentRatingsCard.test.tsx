import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { FeedbackList } from '@platform-product/plugin-platform-product-common';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { post, productRef } from '../../__testUtils__/feedbackFixtures';
import { RecentRatingsCard } from './RecentRatingsCard';

const rating = (id: string, score: number, extra = {}) =>
  post({
    id,
    type: 'rating',
    score,
    title: null,
    status: null,
    body: null,
    ...extra,
  });

function render(listFeedback: jest.Mock) {
  return renderInTestApp(
    <TestApiProvider apis={[[platformProductApiRef, { listFeedback }]]}>
      <RecentRatingsCard productRef={productRef} />
    </TestApiProvider>,
  );
}

describe('RecentRatingsCard', () => {
  it('lists the latest ratings with score, comment and author, anonymous ones unnamed', async () => {
    const listFeedback = jest
      .fn<Promise<FeedbackList>, []>()
      .mockResolvedValueOnce({
        items: [
          rating('r1', 9, { body: 'Fast and boring.' }),
          rating('r2', 3, { anonymous: true, author: null }),
        ],
        totalCount: 3,
        nextCursor: 'c2',
      })
      .mockResolvedValueOnce({
        items: [rating('r3', 7, { body: 'Docs could be better.' })],
        totalCount: 3,
        nextCursor: null,
      });
    await render(listFeedback);
    expect(await screen.findByText('Fast and boring.')).toBeInTheDocument();
    expect(screen.getByLabelText('Score 9 (promoter)')).toBeInTheDocument();
    expect(screen.getByLabelText('Score 3 (detractor)')).toBeInTheDocument();
    expect(screen.getByText(/^john\.smith · /)).toBeInTheDocument();
    expect(screen.getByText(/^Anonymous · /)).toBeInTheDocument();
    expect(screen.getByText('No comment')).toBeInTheDocument();
    expect(screen.getByText('3 in all')).toBeInTheDocument();
    expect(listFeedback).toHaveBeenCalledWith(
      expect.objectContaining({ productRef, type: 'rating', sort: 'recent' }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(listFeedback).toHaveBeenLastCalledWith(
      expect.objectContaining({ type: 'rating', cursor: 'c2' }),
    );
    expect(
      await screen.findByLabelText('Score 7 (passive)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Fast and boring.')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Show more' }),
    ).not.toBeInTheDocument();
  });

  it('says how users rate when there are no ratings', async () => {
    await render(
      jest.fn(async () => ({ items: [], totalCount: 0, nextCursor: null })),
    );
    expect(await screen.findByText(/No ratings yet/)).toBeInTheDocument();
  });
});
