import { ResponseError } from '@backstage/errors';
import { PlatformProductRoadmapClient } from './RoadmapClient';
import { clientOnFakeBackend } from '../__testUtils__/clientOnFakeBackend';
import { jsonResponse } from '../__testUtils__/jsonResponse';

const productRef = 'platformproduct:default/deployment-platform';

const setup = (body: unknown = {}, status = 200) =>
  clientOnFakeBackend(PlatformProductRoadmapClient, () =>
    jsonResponse(body, status, status === 409 ? 'Conflict' : 'OK'),
  );

describe('PlatformProductRoadmapClient', () => {
  it('gets a product roadmap by its ref', async () => {
    const roadmap = { productRef, items: [], history: [], lastUpdatedAt: null };
    const { client, call } = setup(roadmap);
    await expect(client.getRoadmap(productRef)).resolves.toEqual(roadmap);
    expect(call().method).toBe('GET');
    expect(call().url.pathname).toBe('/api/platform-product/roadmap');
    expect(Object.fromEntries(call().url.searchParams)).toEqual({
      productRef,
    });
  });

  it('creates, moves and deletes items on the item path, encoded', async () => {
    const { client, call } = setup({ id: 'r1' }, 201);
    await expect(
      client.createRoadmapItem({
        productRef,
        title: 'Canary deploys',
        horizon: 'next',
        targetQuarter: '2027-Q1',
      }),
    ).resolves.toEqual({ id: 'r1' });
    await client.updateRoadmapItem('r/1', { horizon: 'now', position: 0 });
    await client.deleteRoadmapItem('r1');

    expect(call(0)).toMatchObject({
      method: 'POST',
      body: {
        productRef,
        title: 'Canary deploys',
        horizon: 'next',
        targetQuarter: '2027-Q1',
      },
    });
    expect(call(0).url.pathname).toBe('/api/platform-product/roadmap/items');
    expect(call(1)).toMatchObject({
      method: 'PATCH',
      body: { horizon: 'now', position: 0 },
    });
    expect(call(1).url.pathname).toBe(
      '/api/platform-product/roadmap/items/r%2F1',
    );
    expect(call(2).method).toBe('DELETE');
    expect(call(2).url.pathname).toBe('/api/platform-product/roadmap/items/r1');
  });

  it('links and unlinks a post, and reads the history entries', async () => {
    const { client, call } = setup({
      item: { id: 'r1' },
      postStatus: 'planned',
      entries: [{ id: 'h1' }],
    });
    await expect(client.linkRoadmapFeedback('r1', 'p1')).resolves.toMatchObject(
      { postStatus: 'planned' },
    );
    await client.unlinkRoadmapFeedback('r1', 'p1');
    await expect(client.getRoadmapItemHistory('r1')).resolves.toEqual([
      { id: 'h1' },
    ]);

    expect(call(0).method).toBe('PUT');
    expect(call(0).body).toBeUndefined();
    expect(call(0).url.pathname).toBe(
      '/api/platform-product/roadmap/items/r1/links/p1',
    );
    expect(call(1).method).toBe('DELETE');
    expect(call(1).url.pathname).toBe(
      '/api/platform-product/roadmap/items/r1/links/p1',
    );
    expect(call(2).url.pathname).toBe(
      '/api/platform-product/roadmap/items/r1/history',
    );
  });

  it('throws a ResponseError with the server message on a 409', async () => {
    const { client } = setup(
      {
        error: {
          name: 'ConflictError',
          message: 'the item is shipped already',
        },
        response: { statusCode: 409 },
      },
      409,
    );
    const error = await client
      .updateRoadmapItem('r1', { status: 'shipped' })
      .then(
        () => undefined,
        e => e,
      );
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(409);
    expect(error.body.error.message).toBe('the item is shipped already');
  });
});
