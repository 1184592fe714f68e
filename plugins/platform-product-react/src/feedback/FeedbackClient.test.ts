import { ResponseError } from '@backstage/errors';
import { PlatformProductFeedbackClient } from './FeedbackClient';
import { clientOnFakeBackend } from '../__testUtils__/clientOnFakeBackend';
import { jsonResponse } from '../__testUtils__/jsonResponse';

const productRef = 'platformproduct:default/deployment-platform';

const setup = (body: unknown = {}, status = 200) =>
  clientOnFakeBackend(PlatformProductFeedbackClient, () =>
    jsonResponse(body, status, status === 400 ? 'Bad Request' : 'OK'),
  );

describe('PlatformProductFeedbackClient', () => {
  it('posts a rating as JSON', async () => {
    const { client, call } = setup({ id: 'r1' }, 201);
    await expect(
      client.createFeedback({
        entityRef: 'component:default/deploy-cli',
        type: 'rating',
        score: 9,
        body: 'Fast',
        anonymous: true,
      }),
    ).resolves.toEqual({ id: 'r1' });
    const { url, method, body, headers } = call();
    expect(url.pathname).toBe('/api/platform-product/feedback');
    expect(method).toBe('POST');
    expect(headers).toEqual({ 'Content-Type': 'application/json' });
    expect(body).toEqual({
      entityRef: 'component:default/deploy-cli',
      type: 'rating',
      score: 9,
      body: 'Fast',
      anonymous: true,
    });
  });

  it('lists with every filter in the query string, encoded', async () => {
    const page = { items: [], totalCount: 0, nextCursor: null };
    const { client, call } = setup(page);
    await expect(
      client.listFeedback({
        productRef,
        type: 'idea',
        status: 'in-progress',
        q: '  a&b #c  ',
        sort: 'votes',
        limit: 10,
        cursor: 'abc==',
        mine: true,
      }),
    ).resolves.toEqual(page);
    const { url, method } = call();
    expect(method).toBe('GET');
    expect(url.pathname).toBe('/api/platform-product/feedback');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      productRef,
      type: 'idea',
      status: 'in-progress',
      q: 'a&b #c',
      sort: 'votes',
      limit: '10',
      cursor: 'abc==',
      mine: 'true',
    });
  });

  it('leaves out the filters that are not set', async () => {
    const { client, call } = setup({ items: [], totalCount: 0 });
    await client.listFeedback({ productRef, q: '   ' });
    expect([...call().url.searchParams.keys()]).toEqual(['productRef']);
  });

  it('gets, updates, replies and votes on the post path', async () => {
    const { client, call } = setup({});
    await client.getFeedback('a/b');
    await client.updateFeedback('p1', {
      status: 'duplicate',
      duplicateOf: 'p0',
    });
    await client.replyToFeedback('p1', 'Thanks!');
    await client.voteOnFeedback('p1', true);
    await client.voteOnFeedback('p1', false);

    expect(call(0).url.pathname).toBe('/api/platform-product/feedback/a%2Fb');
    expect(call(0).method).toBe('GET');
    expect(call(1)).toMatchObject({
      method: 'PATCH',
      body: { status: 'duplicate', duplicateOf: 'p0' },
    });
    expect(call(1).url.pathname).toBe('/api/platform-product/feedback/p1');
    expect(call(2)).toMatchObject({
      method: 'POST',
      body: { body: 'Thanks!' },
    });
    expect(call(2).url.pathname).toBe(
      '/api/platform-product/feedback/p1/replies',
    );
    expect(call(3).method).toBe('PUT');
    expect(call(3).url.pathname).toBe('/api/platform-product/feedback/p1/vote');
    expect(call(3).body).toBeUndefined();
    expect(call(4).method).toBe('DELETE');
    expect(call(4).url.pathname).toBe('/api/platform-product/feedback/p1/vote');
  });

  it('asks for stats over a window and exports as a blob', async () => {
    const { client, call } = setup({ nps: 10 });
    await expect(
      client.getFeedbackStats(productRef, { months: 3 }),
    ).resolves.toEqual({ nps: 10 });
    await client.getFeedbackStats(productRef);
    const blob = await client.exportFeedback(productRef);

    expect(call(0).url.pathname).toBe('/api/platform-product/feedback/stats');
    expect(Object.fromEntries(call(0).url.searchParams)).toEqual({
      productRef,
      months: '3',
    });
    expect([...call(1).url.searchParams.keys()]).toEqual(['productRef']);
    expect(call(2).url.pathname).toBe('/api/platform-product/feedback/export');
    expect(call(2).url.searchParams.get('productRef')).toBe(productRef);
    expect(blob).toBeInstanceOf(Blob);
  });

  it('throws a ResponseError with the server message on a 400', async () => {
    const { client } = setup(
      {
        error: { name: 'InputError', message: 'title must not be empty' },
        response: { statusCode: 400 },
      },
      400,
    );
    const error = await client
      .createFeedback({
        entityRef: productRef,
        type: 'idea',
        title: ' ',
      })
      .then(
        () => undefined,
        e => e,
      );
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toBe('title must not be empty');
  });

  it('throws a ResponseError when a vote or the export is denied', async () => {
    const { client } = setup(
      { error: { name: 'NotAllowedError', message: 'nope' } },
      403,
    );
    await expect(client.voteOnFeedback('p1', true)).rejects.toBeInstanceOf(
      ResponseError,
    );
    await expect(client.exportFeedback(productRef)).rejects.toBeInstanceOf(
      ResponseError,
    );
  });
});
