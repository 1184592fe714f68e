import { ResponseError } from '@backstage/errors';
import { PlatformProductAnnouncementsClient } from './AnnouncementsClient';
import { clientOnFakeBackend } from '../__testUtils__/clientOnFakeBackend';
import { jsonResponse } from '../__testUtils__/jsonResponse';

// the calendar entry is read as a blob of its text
function response(body: unknown, status = 200, statusText = 'OK') {
  return {
    ...jsonResponse(body, status, statusText),
    blob: async () => new Blob([String(body)], { type: 'text/calendar' }),
  } as Response;
}

const productRef = 'platformproduct:default/deployment-platform';

const setup = (body: unknown = {}, status = 200) =>
  clientOnFakeBackend(PlatformProductAnnouncementsClient, () =>
    response(body, status, status === 400 ? 'Bad Request' : 'OK'),
  );

describe('PlatformProductAnnouncementsClient', () => {
  it('creates a post with the product ref in the body, not the path', async () => {
    const { client, call } = setup({ id: 'a1' }, 201);
    await expect(
      client.createAnnouncement({
        productRef,
        type: 'deprecation',
        title: 'v1 API goes away',
        summary: 'Move to v2',
        body: '# Why',
        effectiveAt: '2026-12-01T00:00:00.000Z',
        tags: ['api'],
      }),
    ).resolves.toEqual({ id: 'a1' });
    const { url, method, body } = call();
    expect(url.pathname).toBe('/api/platform-product/announcements');
    expect(url.search).toBe('');
    expect(method).toBe('POST');
    expect(body).toEqual({
      productRef,
      type: 'deprecation',
      title: 'v1 API goes away',
      summary: 'Move to v2',
      body: '# Why',
      effectiveAt: '2026-12-01T00:00:00.000Z',
      tags: ['api'],
    });
  });

  it('lists with every filter in the query string, encoded', async () => {
    const page = { items: [], totalCount: 0, nextCursor: null, unreadCount: 0 };
    const { client, call } = setup(page);
    await expect(
      client.listAnnouncements({
        productRef,
        entityRef: 'component:default/a&b#c',
        type: 'event',
        tag: 'k8s',
        q: '  roll back  ',
        upcoming: true,
        unread: true,
        drafts: true,
        limit: 5,
        cursor: 'abc==',
      }),
    ).resolves.toEqual(page);
    const { url, method } = call();
    expect(method).toBe('GET');
    expect(url.pathname).toBe('/api/platform-product/announcements');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      productRef,
      entityRef: 'component:default/a&b#c',
      type: 'event',
      tag: 'k8s',
      q: 'roll back',
      upcoming: 'true',
      unread: 'true',
      drafts: 'true',
      limit: '5',
      cursor: 'abc==',
    });
  });

  it('lists everything without a query string when no filter is set', async () => {
    const { client, fetch } = setup({ items: [] });
    await client.listAnnouncements();
    await client.listAnnouncements({ q: '  ', upcoming: false });
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backstage.test/api/platform-product/announcements',
      'http://backstage.test/api/platform-product/announcements',
    ]);
  });

  it('reads, edits, deletes, marks read, acknowledges and dismisses on the post path', async () => {
    const { client, call } = setup({});
    await client.getAnnouncement('a/1');
    await client.updateAnnouncement('a1', { pinned: true, expiresAt: null });
    await client.deleteAnnouncement('a1');
    await client.markAnnouncementRead('a1');
    await client.acknowledgeAnnouncement('a1');
    await client.getAnnouncementReach('a1');
    await client.dismissAnnouncement('a1');

    const base = '/api/platform-product/announcements';
    expect(call(0)).toMatchObject({ method: 'GET' });
    expect(call(0).url.pathname).toBe(`${base}/a%2F1`);
    expect(call(1)).toMatchObject({
      method: 'PATCH',
      body: { pinned: true, expiresAt: null },
    });
    expect(call(1).url.pathname).toBe(`${base}/a1`);
    expect(call(2)).toMatchObject({ method: 'DELETE', body: undefined });
    expect(call(2).url.pathname).toBe(`${base}/a1`);
    expect(call(3)).toMatchObject({ method: 'PUT', body: undefined });
    expect(call(3).url.pathname).toBe(`${base}/a1/read`);
    expect(call(4)).toMatchObject({ method: 'PUT' });
    expect(call(4).url.pathname).toBe(`${base}/a1/acknowledgement`);
    expect(call(5)).toMatchObject({ method: 'GET' });
    expect(call(5).url.pathname).toBe(`${base}/a1/reach`);
    expect(call(6)).toMatchObject({ method: 'PUT' });
    expect(call(6).url.pathname).toBe(`${base}/a1/dismissal`);
  });

  it('follows and unfollows with the product ref in the query', async () => {
    const follow = { productRef, following: true, followers: 3 };
    const { client, call } = setup(follow);
    await expect(client.getProductFollow(productRef)).resolves.toEqual(follow);
    await client.followProduct(productRef, true);
    await client.followProduct(productRef, false);
    for (const [i, method] of [
      [0, 'GET'],
      [1, 'PUT'],
      [2, 'DELETE'],
    ] as const) {
      expect(call(i).method).toBe(method);
      expect(call(i).url.pathname).toBe('/api/platform-product/follows');
      expect(Object.fromEntries(call(i).url.searchParams)).toEqual({
        productRef,
      });
    }
  });

  it('gets the banners, global or for a product', async () => {
    const { client, call } = setup([]);
    await client.getAnnouncementBanners();
    await client.getAnnouncementBanners(productRef);
    expect(call(0).url.pathname).toBe(
      '/api/platform-product/announcements/banners',
    );
    expect(call(0).url.search).toBe('');
    expect(Object.fromEntries(call(1).url.searchParams)).toEqual({
      productRef,
    });
  });

  it('downloads an event as a blob through the fetchApi', async () => {
    const { client, call } = setup('BEGIN:VCALENDAR');
    const blob = await client.getAnnouncementEventCalendar('e1');
    expect(call().url.pathname).toBe(
      '/api/platform-product/announcements/e1/event.ics',
    );
    expect(blob.type).toBe('text/calendar');
  });

  it("sets the user cookie, then gives the feed's address for a browser tab", async () => {
    const { client, fetch, call } = setup({
      expiresAt: '2026-12-03T09:00:00Z',
    });
    const url = await client.getAnnouncementFeedUrl(productRef);
    expect(call(0).url.pathname).toBe(
      '/api/platform-product/.backstage/auth/v1/cookie',
    );
    expect(fetch.mock.calls[0][1]).toEqual({ credentials: 'include' });
    const feed = new URL(url);
    expect(feed.pathname).toBe('/api/platform-product/announcements/feed');
    expect(Object.fromEntries(feed.searchParams)).toEqual({ productRef });
    expect(await client.getAnnouncementFeedUrl()).toBe(
      'http://backstage.test/api/platform-product/announcements/feed',
    );

    const refused = setup({}, 401);
    await expect(
      refused.client.getAnnouncementFeedUrl(productRef),
    ).rejects.toBeInstanceOf(ResponseError);
  });

  it('throws a ResponseError carrying the validation message', async () => {
    const { client } = setup(
      {
        error: {
          name: 'InputError',
          message: 'event.end must be after event.start',
        },
        response: { statusCode: 400 },
      },
      400,
    );
    const error = await client
      .createAnnouncement({
        type: 'event',
        title: 't',
        summary: 's',
        body: 'b',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toBe(
      'event.end must be after event.start',
    );
  });

  it('throws on a failed delete, read or dismissal too', async () => {
    const { client } = setup({ error: { message: 'nope' } }, 403);
    await expect(client.deleteAnnouncement('a1')).rejects.toThrow();
    await expect(client.markAnnouncementRead('a1')).rejects.toThrow();
    await expect(client.dismissAnnouncement('a1')).rejects.toThrow();
  });
});
