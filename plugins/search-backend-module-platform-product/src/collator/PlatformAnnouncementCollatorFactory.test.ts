import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { PLATFORM_ANNOUNCEMENT_SEARCH_TYPE } from '@platform-product/plugin-platform-product-common';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { pages } from '../__testUtils__/announcements';
import {
  PlatformAnnouncementCollatorFactory,
  PlatformAnnouncementDocument,
} from './PlatformAnnouncementCollatorFactory';

/** What the search plugin sends: its own service credentials, for platform-product. */
const expectedAuthorization = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('plugin:search'),
  targetPluginId: 'platform-product',
});

interface Recorded {
  path: string;
  authorization?: string;
}

/** A stand-in for the platform-product backend's GET /announcements. */
async function startFakeBackend(
  answer: (url: URL) => { status: number; body: unknown },
) {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://localhost');
    requests.push({
      path: url.pathname + url.search,
      authorization: req.headers.authorization,
    });
    const { status, body } =
      req.headers.authorization === expectedAuthorization
        ? answer(url)
        : {
            status: 401,
            body: {
              error: { name: 'AuthenticationError', message: 'no token' },
            },
          };
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    baseUrl: `http://127.0.0.1:${port}/api/platform-product`,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

function createFactory(baseUrl: string) {
  return PlatformAnnouncementCollatorFactory.create({
    discovery: mockServices.discovery.mock({
      getBaseUrl: async pluginId => {
        expect(pluginId).toBe('platform-product');
        return baseUrl;
      },
    }),
    auth: mockServices.auth({ pluginId: 'search' }),
    logger: mockServices.logger.mock(),
  });
}

async function collate(factory: PlatformAnnouncementCollatorFactory) {
  const documents: PlatformAnnouncementDocument[] = [];
  for await (const document of await factory.getCollator()) {
    documents.push(document);
  }
  return documents;
}

describe('PlatformAnnouncementCollatorFactory', () => {
  let backend: Awaited<ReturnType<typeof startFakeBackend>> | undefined;

  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  it('indexes the published posts of every page, with the search plugin token', async () => {
    backend = await startFakeBackend(url => {
      expect(url.pathname).toBe('/api/platform-product/announcements');
      const page = pages[url.searchParams.get('cursor') ?? 'first'];
      return page ? { status: 200, body: page } : { status: 400, body: {} };
    });
    const factory = createFactory(backend.baseUrl);

    expect(factory.type).toBe(PLATFORM_ANNOUNCEMENT_SEARCH_TYPE);
    expect(factory.visibilityPermission.name).toBe(
      'platform-product.product.read',
    );

    const documents = await collate(factory);

    expect(backend.requests).toEqual([
      {
        path: '/api/platform-product/announcements?limit=100',
        authorization: expectedAuthorization,
      },
      {
        path: '/api/platform-product/announcements?limit=100&cursor=page-2',
        authorization: expectedAuthorization,
      },
    ]);
    // not the draft (a2), the scheduled (a4) or the expired (a5) post
    expect(documents.map(document => document.location)).toEqual([
      '/platform-news/a1',
      '/platform-news/a3',
      '/platform-news/a6',
    ]);
    expect(documents[0]).toEqual({
      title: 'deploy v1 goes away',
      text: 'Move to deploy v2 by March.\n\nWhy\n\nThe v2 guide has everything.',
      location: '/platform-news/a1',
      productRef: 'platformproduct:default/deployment-platform',
      announcementType: 'deprecation',
      tags: ['deploy', 'v2'],
      publishedAt: '2026-11-02T09:00:00.000Z',
      author: 'user:default/jane.doe',
      authorization: {
        resourceRef: 'platformproduct:default/deployment-platform',
      },
    });
    // a global post: visible to everyone, no product to authorize against
    expect(documents[1]).toEqual({
      title: 'Platform-wide outage resolved',
      text: 'Summary of a3',
      location: '/platform-news/a3',
      productRef: null,
      announcementType: 'incident',
      tags: [],
      publishedAt: '2026-11-02T09:00:00.000Z',
      author: 'user:default/john.smith',
    });
  });

  it('fails the run when the backend answers with an error', async () => {
    backend = await startFakeBackend(() => ({
      status: 503,
      body: { error: { name: 'Error', message: 'database is down' } },
    }));

    await expect(collate(createFactory(backend.baseUrl))).rejects.toThrow(
      /^Reading announcements failed: GET http:\/\/127\.0\.0\.1:\d+\/api\/platform-product\/announcements\?limit=100; caused by ResponseError: Request failed with 503 Service Unavailable$/,
    );
  });

  it('stops when the backend repeats a cursor instead of paging forever', async () => {
    backend = await startFakeBackend(() => ({
      status: 200,
      body: { ...pages['page-2'], nextCursor: 'again' },
    }));

    await expect(collate(createFactory(backend.baseUrl))).rejects.toThrow(
      'returned the cursor again twice',
    );
    expect(backend.requests).toHaveLength(2);
  });
});
