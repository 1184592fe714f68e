import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { memoryCache } from '../__testUtils__/memoryCache';
import { ProductResolver } from './ProductResolver';

const PRODUCT = 'platformproduct:default/deploy';

const entities: Entity[] = [
  {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: 'deploy', namespace: 'default' },
    spec: { owner: 'platform-team', lifecycle: 'production' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default' },
    spec: {},
  },
];

describe('ProductResolver', () => {
  function createResolver() {
    const catalog = catalogServiceMock({ entities });
    const auth = mockServices.auth();
    return {
      catalog,
      auth,
      products: ProductResolver.create({ catalog, auth, cache: memoryCache() }),
    };
  }

  describe('productOf', () => {
    it('keeps an answer in the process for a few seconds, then asks the cache service again', async () => {
      const catalog = catalogServiceMock({
        entities: [
          ...entities,
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'ci', namespace: 'default' },
            spec: {},
            relations: [{ type: 'partOf', targetRef: PRODUCT }],
          },
        ],
      });
      const cache = memoryCache();
      const cacheGet = jest.spyOn(cache, 'get');
      const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
      const resolver = ProductResolver.create({
        catalog,
        cache,
        auth: mockServices.auth(),
      });
      const credentials = mockCredentials.user();
      const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
      try {
        await expect(
          resolver.productOf('Component:default/CI', credentials),
        ).resolves.toBe(PRODUCT);
        expect(getEntityByRef).toHaveBeenCalledTimes(1);
        expect(cacheGet).toHaveBeenCalledTimes(1);

        now.mockReturnValue(1_004_000);
        await expect(
          resolver.productOf('component:default/ci', credentials),
        ).resolves.toBe(PRODUCT);
        expect(cacheGet).toHaveBeenCalledTimes(1);

        // past the few seconds: the cache service answers (and the catalog is not asked)
        await cache.set(
          'product-of:component:default/ci',
          'platformproduct:default/moved',
        );
        now.mockReturnValue(1_006_000);
        await expect(
          resolver.productOf('component:default/ci', credentials),
        ).resolves.toBe('platformproduct:default/moved');
        expect(cacheGet).toHaveBeenCalledTimes(2);
        expect(getEntityByRef).toHaveBeenCalledTimes(1);
      } finally {
        now.mockRestore();
      }
    });
  });

  describe('products (the permission framework getResources)', () => {
    it('returns products by ref, undefined for other kinds and missing refs, with the plugin credentials', async () => {
      const { products: resolver, catalog, auth } = createResolver();
      const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
      const products = await resolver.products([
        PRODUCT,
        'component:default/checkout',
        'platformproduct:default/missing',
      ]);
      expect(products).toHaveLength(3);
      expect(products[0]?.metadata.name).toBe('deploy');
      expect(products[1]).toBeUndefined();
      expect(products[2]).toBeUndefined();
      expect(getEntitiesByRefs).toHaveBeenCalledWith(
        {
          entityRefs: [
            PRODUCT,
            'component:default/checkout',
            'platformproduct:default/missing',
          ],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
    });

    it('answers from the same cache as the conditions evaluated here, asking only for misses', async () => {
      const { products: resolver, catalog } = createResolver();
      const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
      const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
      await resolver.product(PRODUCT);
      const products = await resolver.products([
        PRODUCT,
        'platformproduct:default/missing',
      ]);
      expect(products[0]?.metadata.name).toBe('deploy');
      expect(products[1]).toBeUndefined();
      expect(getEntityByRef).toHaveBeenCalledTimes(1);
      expect(getEntitiesByRefs.mock.calls.map(([r]) => r.entityRefs)).toEqual([
        ['platformproduct:default/missing'],
      ]);
      await resolver.products([PRODUCT]);
      expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    });
  });
});
