import {
  MockSearchApi,
  SearchContextProvider,
  searchApiRef,
} from '@backstage/plugin-search-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { searchPage } from './SearchPage';

const results = {
  results: [
    {
      type: 'platform-announcement',
      document: {
        title: 'deploy v1 goes away',
        text: 'Move to deploy v2 by March.',
        location: '/platform-news/a1',
        productRef: 'platformproduct:default/deployment-platform',
        announcementType: 'deprecation',
        tags: ['deploy'],
        publishedAt: '2026-11-02T09:00:00.000Z',
        author: 'user:default/jane.doe',
      },
      rank: 1,
    },
    {
      type: 'software-catalog',
      document: {
        title: 'deploy-cli',
        text: 'The deploy command',
        location: '/catalog/default/component/deploy-cli',
        kind: 'Component',
      },
      rank: 2,
    },
  ],
};

describe('SearchPage', () => {
  it('searches every type by default, shows news results with their own item, and filters to platform news', async () => {
    const searchApi = new MockSearchApi(results);
    const query = jest.spyOn(searchApi, 'query');
    await renderInTestApp(
      <TestApiProvider apis={[[searchApiRef, searchApi]]}>
        <SearchContextProvider>{searchPage}</SearchContextProvider>
      </TestApiProvider>,
    );

    // nothing is asked before there is a term, then every type (no type filter)
    expect(query).not.toHaveBeenCalled();
    await userEvent.type(screen.getByRole('textbox'), 'deploy');
    await waitFor(() =>
      expect(query).toHaveBeenLastCalledWith(
        expect.objectContaining({ term: 'deploy', types: [] }),
        expect.anything(),
      ),
    );
    const items = await screen.findAllByRole('listitem');
    const news = items.find(item => within(item).queryByTitle('Deprecation'));
    expect(news).toBeDefined();
    expect(
      within(news!).getByRole('link', { name: 'deploy v1 goes away' }),
    ).toHaveAttribute('href', '/platform-news/a1');
    expect(screen.getByText('deploy-cli')).toBeInTheDocument();

    await userEvent.click(screen.getByText('Platform news'));
    await waitFor(() =>
      expect(query).toHaveBeenLastCalledWith(
        expect.objectContaining({ types: ['platform-announcement'] }),
        expect.anything(),
      ),
    );
    expect(await screen.findByText('Announcement type')).toBeInTheDocument();
    expect(screen.queryByText('Lifecycle')).not.toBeInTheDocument();
    // typing and two search round trips outlast jest's 5 s when the whole suite shares 2 cores
  }, 30_000);
});
