import { ResponseError } from '@backstage/errors';
import { ProductAdoption } from '@platform-product/plugin-platform-product-common';
import { PlatformProductAdoptionClient } from './AdoptionClient';
import { clientOnFakeBackend } from '../__testUtils__/clientOnFakeBackend';
import { jsonResponse } from '../__testUtils__/jsonResponse';

const adoption: ProductAdoption = {
  productRef: 'platformproduct:default/deployment-platform',
  partCount: 4,
  consumerCount: 3,
  teamCount: 2,
  teams: [
    {
      teamRef: 'group:default/payments-team',
      title: 'Payments Team',
      consumerCount: 2,
      consumers: [
        {
          entityRef: 'component:default/payments-api',
          uses: ['api:default/deploy-api'],
        },
        {
          entityRef: 'component:default/ledger',
          uses: ['component:default/deploy-cli'],
        },
      ],
    },
    {
      teamRef: null,
      consumerCount: 1,
      consumers: [{ entityRef: 'component:default/orphan', uses: [] }],
    },
  ],
  history: [],
};

describe('PlatformProductAdoptionClient', () => {
  it('asks the platform-product backend with the product ref URL-encoded', async () => {
    const { client, fetch, discoveryApi } = clientOnFakeBackend(
      PlatformProductAdoptionClient,
      () => jsonResponse(adoption),
    );

    await expect(
      client.getAdoption('platformproduct:default/deployment-platform'),
    ).resolves.toEqual(adoption);

    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('platform-product');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/platform-product/adoption?productRef=platformproduct%3Adefault%2Fdeployment-platform',
    );
  });

  it('encodes characters that would otherwise break the query string', async () => {
    const { client, fetch } = clientOnFakeBackend(
      PlatformProductAdoptionClient,
      () => jsonResponse(adoption),
    );

    await client.getAdoption('platformproduct:team a&b/x#y');

    const url = new URL((fetch.mock.calls[0] as unknown as [string])[0]);
    expect(url.pathname).toBe('/api/platform-product/adoption');
    expect([...url.searchParams.keys()]).toEqual(['productRef']);
    expect(url.searchParams.get('productRef')).toBe(
      'platformproduct:team a&b/x#y',
    );
  });

  it('throws a ResponseError carrying the server error on a non-2xx answer', async () => {
    const { client } = clientOnFakeBackend(PlatformProductAdoptionClient, () =>
      jsonResponse(
        {
          error: {
            name: 'NotFoundError',
            message:
              "No PlatformProduct 'platformproduct:default/nope' in the catalog",
          },
          response: { statusCode: 404 },
        },
        404,
        'Not Found',
      ),
    );

    const error = await client.getAdoption('platformproduct:default/nope').then(
      () => undefined,
      e => e,
    );

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause.name).toBe('NotFoundError');
    expect(error.cause.message).toMatch(/No PlatformProduct/);
  });

  it('throws on a server error without a JSON body', async () => {
    const { client } = clientOnFakeBackend(
      PlatformProductAdoptionClient,
      () =>
        ({
          ok: false,
          status: 502,
          statusText: 'Bad Gateway',
          headers: { get: () => 'text/html' },
          json: async () => {
            throw new Error('not json');
          },
          text: async () => '<html>bad gateway</html>',
        } as unknown as Response),
    );

    await expect(
      client.getAdoption('platformproduct:default/deployment-platform'),
    ).rejects.toThrow(/502/);
  });
});
