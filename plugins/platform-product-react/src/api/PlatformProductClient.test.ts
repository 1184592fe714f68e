import { PlatformProductAdoptionClient } from '../adoption/AdoptionClient';
import { PlatformProductAnnouncementsClient } from '../announcements/AnnouncementsClient';
import { PlatformProductFeedbackClient } from '../feedback/FeedbackClient';
import { PlatformProductRoadmapClient } from '../roadmap/RoadmapClient';
import { PlatformProductScorecardsClient } from '../scorecards/ScorecardsClient';
import { PlatformProductClient } from './PlatformProductClient';

const methodsOf = (prototype: object) =>
  Object.getOwnPropertyNames(prototype).filter(name => name !== 'constructor');

describe('PlatformProductClient', () => {
  const fetch = jest.fn(
    async () =>
      ({
        ok: true,
        status: 200,
        json: async () => ({ items: [], totalCount: 0, nextCursor: null }),
      } as unknown as Response),
  );
  const client = new PlatformProductClient({
    discoveryApi: {
      getBaseUrl: async (pluginId: string) =>
        `http://backstage.test/api/${pluginId}`,
    },
    fetchApi: { fetch },
  });

  it('answers every call of every capability client', () => {
    const capabilities = [
      PlatformProductAdoptionClient,
      PlatformProductFeedbackClient,
      PlatformProductAnnouncementsClient,
      PlatformProductRoadmapClient,
      PlatformProductScorecardsClient,
    ].flatMap(part => methodsOf(part.prototype));
    const calls = Object.entries(client)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name);
    expect(calls.sort()).toEqual(capabilities.sort());
  });

  it('hands each call to its capability', async () => {
    const productRef = 'platformproduct:default/deployment-platform';
    await client.getAdoption(productRef);
    await client.listFeedback({ productRef });
    await client.listAnnouncements({ productRef });
    await client.getRoadmap(productRef);
    await client.getScorecard(productRef);
    await client.getPortfolio();
    const paths = fetch.mock.calls.map(
      call => new URL((call as unknown as [string])[0]).pathname,
    );
    expect(paths).toEqual([
      '/api/platform-product/adoption',
      '/api/platform-product/feedback',
      '/api/platform-product/announcements',
      '/api/platform-product/roadmap',
      '/api/platform-product/scorecards',
      '/api/platform-product/portfolio',
    ]);
  });
});
