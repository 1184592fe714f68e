import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ForwardedError, ResponseError } from '@backstage/errors';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  Announcement,
  AnnouncementList,
  PLATFORM_ANNOUNCEMENT_SEARCH_TYPE,
  PlatformAnnouncementSearchDocument,
  platformProductReadPermission,
} from '@platform-product/plugin-platform-product-common';
import { Readable } from 'node:stream';
import { markdownToPlainText } from './markdownToPlainText';

/** A published announcement in the search index. */
export type PlatformAnnouncementDocument = PlatformAnnouncementSearchDocument &
  IndexableDocument;

/** @public */
export interface PlatformAnnouncementCollatorFactoryOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  /** Posts per request to the backend; at most 100 (the API's page limit). */
  pageSize?: number;
}

const PLUGIN_ID = 'platform-product';

/**
 * Collates the published announcements of Platform Product, read page by page
 * from its backend with the search plugin's own service credentials. Posts of a
 * product are visible in search results to those who may read the product
 * (`platform-product.product.read`); global posts to everyone.
 *
 * @public
 */
export class PlatformAnnouncementCollatorFactory
  implements DocumentCollatorFactory
{
  readonly type = PLATFORM_ANNOUNCEMENT_SEARCH_TYPE;
  readonly visibilityPermission = platformProductReadPermission;

  static create(options: PlatformAnnouncementCollatorFactoryOptions) {
    return new PlatformAnnouncementCollatorFactory(options);
  }

  private readonly discovery: DiscoveryService;
  private readonly auth: AuthService;
  private readonly logger: LoggerService;
  private readonly pageSize: number;

  private constructor(options: PlatformAnnouncementCollatorFactoryOptions) {
    this.discovery = options.discovery;
    this.auth = options.auth;
    this.logger = options.logger;
    this.pageSize = options.pageSize ?? 100;
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  async *execute(): AsyncGenerator<PlatformAnnouncementDocument> {
    const baseUrl = await this.discovery.getBaseUrl(PLUGIN_ID);
    const cursors = new Set<string>();
    let cursor: string | null = null;
    let indexed = 0;
    do {
      const page = await this.fetchPage(baseUrl, cursor);
      for (const post of page.items) {
        // The backend gives a service caller published posts only; drafts, scheduled
        // and expired posts must never reach the index, whatever it answers.
        if (post.state === 'published') {
          indexed += 1;
          yield toDocument(post);
        }
      }
      cursor = page.nextCursor;
      if (cursor && cursors.has(cursor)) {
        throw new Error(
          `The ${PLUGIN_ID} backend returned the cursor ${cursor} twice; stopped paging`,
        );
      }
      if (cursor) cursors.add(cursor);
    } while (cursor);
    this.logger.debug(`Collated ${indexed} published announcements`);
  }

  private async fetchPage(
    baseUrl: string,
    cursor: string | null,
  ): Promise<AnnouncementList> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: PLUGIN_ID,
    });
    const query = new URLSearchParams({ limit: String(this.pageSize) });
    if (cursor) query.set('cursor', cursor);
    const url = `${baseUrl}/announcements?${query}`;
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw new ForwardedError(
        `Reading announcements failed: GET ${url}`,
        await ResponseError.fromResponse(response),
      );
    }
    return (await response.json()) as AnnouncementList;
  }
}

function toDocument(post: Announcement): PlatformAnnouncementDocument {
  const body = markdownToPlainText(post.body);
  return {
    title: post.title,
    text: body ? `${post.summary}\n\n${body}` : post.summary,
    location: `/platform-news/${encodeURIComponent(post.id)}`,
    productRef: post.productRef,
    announcementType: post.type,
    tags: post.tags,
    publishedAt: post.publishedAt ?? post.publishAt ?? post.createdAt,
    author: post.author,
    ...(post.productRef && {
      authorization: { resourceRef: post.productRef },
    }),
  };
}
