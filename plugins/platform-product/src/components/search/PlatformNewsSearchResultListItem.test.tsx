import { SearchResultListItemExtensions } from '@backstage/plugin-search-react';
import { renderInTestApp } from '@backstage/test-utils';
import { PlatformAnnouncementSearchDocument } from '@platform-product/plugin-platform-product-common';
import { screen, within } from '@testing-library/react';
import { PlatformNewsSearchResultListItem as PlatformNewsSearchResultListItemExtension } from '../../plugin';
import { PlatformNewsSearchResultListItem } from './PlatformNewsSearchResultListItem';

const deprecation: PlatformAnnouncementSearchDocument = {
  title: 'deploy v1 goes away',
  text: 'Move to deploy v2 by March.\n\nThe v2 guide has everything.',
  location: '/platform-news/a1',
  productRef: 'platformproduct:default/deployment-platform',
  announcementType: 'deprecation',
  tags: ['deploy', 'v2'],
  publishedAt: '2026-11-02T09:00:00.000Z',
  author: 'user:default/jane.doe',
};

describe('PlatformNewsSearchResultListItem', () => {
  it('shows the post: title linking to it, text, type, product, tags and date', async () => {
    await renderInTestApp(
      <PlatformNewsSearchResultListItem result={deprecation} />,
    );

    expect(
      screen.getByRole('link', { name: 'deploy v1 goes away' }),
    ).toHaveAttribute('href', '/platform-news/a1');
    expect(screen.getByText(/Move to deploy v2 by March/)).toBeInTheDocument();
    expect(
      screen.getByText('Deprecation', { selector: '.MuiChip-label' }),
    ).toBeInTheDocument();
    expect(screen.getByTitle('Deprecation')).toBeInTheDocument(); // the type icon
    expect(screen.getByText(/Product:/)).toHaveTextContent(
      'Product: deployment-platform',
    );
    expect(screen.getByText('#deploy')).toBeInTheDocument();
    expect(screen.getByText('#v2')).toBeInTheDocument();
    expect(screen.getByText('Nov 2, 2026')).toHaveAttribute(
      'datetime',
      '2026-11-02T09:00:00.000Z',
    );
  });

  it('marks the highlighted words of title and text', async () => {
    await renderInTestApp(
      <PlatformNewsSearchResultListItem
        result={deprecation}
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: {
            title: '<em>deploy</em> v1 goes away',
            text: 'Move to <em>deploy</em> v2 by March.',
          },
        }}
      />,
    );

    const link = screen.getByRole('link', { name: 'deploy v1 goes away' });
    expect(within(link).getByText('deploy').tagName).toBe('MARK');
    const marks = screen.getAllByText('deploy', { selector: 'mark' });
    expect(marks).toHaveLength(2);
    expect(screen.queryByText(/<em>/)).not.toBeInTheDocument();
  });

  it('says a global post is for all platforms, and takes another icon', async () => {
    await renderInTestApp(
      <PlatformNewsSearchResultListItem
        result={{ ...deprecation, productRef: null, tags: [] }}
        icon={result => <span>icon of {result.announcementType}</span>}
      />,
    );

    expect(screen.getByText('All platforms')).toBeInTheDocument();
    expect(screen.queryByText(/Product:/)).not.toBeInTheDocument();
    expect(screen.getByText('icon of deprecation')).toBeInTheDocument();
  });

  it('renders platform-announcement results as an extension of SearchResult, and only those', async () => {
    await renderInTestApp(
      <SearchResultListItemExtensions
        results={[
          { type: 'platform-announcement', document: deprecation, rank: 1 },
          {
            type: 'software-catalog',
            document: {
              title: 'deploy-cli',
              text: 'The deploy command',
              location: '/catalog/default/component/deploy-cli',
            },
            rank: 2,
          },
        ]}
      >
        <PlatformNewsSearchResultListItemExtension />
      </SearchResultListItemExtensions>,
    );

    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByTitle('Deprecation')).toBeInTheDocument();
    expect(
      within(items[0]).getByRole('link', { name: 'deploy v1 goes away' }),
    ).toHaveAttribute('href', '/platform-news/a1');
    // the catalog result falls back to the default item, not this one
    expect(within(items[1]).getByText('deploy-cli')).toBeInTheDocument();
    expect(
      within(items[1]).queryByTitle('Deprecation'),
    ).not.toBeInTheDocument();
  });
});
