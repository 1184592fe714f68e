import { TestApiRegistry } from '@backstage/test-utils';
import {
  PlatformProductApi,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import {
  announcement,
  announcementsApi,
  page,
  productRef,
} from '../../__testUtils__/announcementFixtures';
import {
  deploymentPlatform,
  paymentsApiComponent as consumer,
} from '../../__testUtils__/fixtures';
import { hasPlatformProductNews } from '../../index';

function contextWith(overrides: Partial<PlatformProductApi> = {}) {
  const api = announcementsApi(overrides);
  return {
    api,
    context: {
      apis: TestApiRegistry.from([
        platformProductApiRef,
        api as PlatformProductApi,
      ]),
    },
  };
}

describe('hasPlatformProductNews', () => {
  it('is true when a product the entity uses has posted, asking for one post', async () => {
    const { api, context } = contextWith({
      listAnnouncements: jest.fn(async () => page([announcement()])),
    });
    await expect(hasPlatformProductNews(consumer, context)).resolves.toBe(true);
    expect(api.listAnnouncements).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      limit: 1,
    });
  });

  it('asks by productRef on the product page itself', async () => {
    const { api, context } = contextWith({
      listAnnouncements: jest.fn(async () => page([announcement()])),
    });
    await expect(
      hasPlatformProductNews(deploymentPlatform, context),
    ).resolves.toBe(true);
    expect(api.listAnnouncements).toHaveBeenCalledWith({
      productRef,
      limit: 1,
    });
  });

  it('is false without news', async () => {
    const { context } = contextWith();
    await expect(hasPlatformProductNews(consumer, context)).resolves.toBe(
      false,
    );
  });

  it('is false when the news cannot be loaded, or the API is not installed', async () => {
    const { context } = contextWith({
      listAnnouncements: jest.fn(async () => {
        throw new Error('down');
      }),
    });
    await expect(hasPlatformProductNews(consumer, context)).resolves.toBe(
      false,
    );
    await expect(
      hasPlatformProductNews(consumer, { apis: TestApiRegistry.from() }),
    ).resolves.toBe(false);
  });
});
