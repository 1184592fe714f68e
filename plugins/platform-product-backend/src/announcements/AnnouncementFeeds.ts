import { optionalProductRefQuerySchema } from '@platform-product/plugin-platform-product-common';
import { InputError } from '@backstage/errors';
import { RequestContext } from '../shared/caller';
import { clockOf, iso } from '../shared/clock';
import { parseInput } from '../shared/validation';
import { AnnouncementAccess } from './AnnouncementAccess';
import { announcementLink } from './AnnouncementPublisher';
import { AnnouncementStore } from './AnnouncementStore';
import { toAtom } from './atom';
import { toIcs } from './ics';

type AnnouncementContext = RequestContext;

const FEED_SIZE = 50;

export type AnnouncementFeedsOptions = {
  store: AnnouncementStore;
  access: AnnouncementAccess;
  /** app.baseUrl, for the links of the feed and calendar entries */
  appBaseUrl: string;
  /** the plugin's own external url, for the feed's self link */
  backendBaseUrl: string;
  now?: () => number;
};

/** Posts in other formats: an Atom feed of the latest, an event as an iCalendar entry. */
export class AnnouncementFeeds {
  static create(options: AnnouncementFeedsOptions) {
    return new AnnouncementFeeds(options);
  }

  private readonly access: AnnouncementAccess;
  private readonly now: () => number;

  private constructor(private readonly options: AnnouncementFeedsOptions) {
    this.access = options.access;
    this.now = clockOf(options.now);
  }

  /**
   * An Atom feed of the latest published posts: of the product with `productRef`, or,
   * without, of every product the caller may read and the global ones (as the list).
   */
  async feed(query: unknown, ctx: AnnouncementContext): Promise<string> {
    const { productRef } = parseInput(optionalProductRefQuerySchema, query);
    let title = 'Platform news';
    let productRefs: string[] | undefined;
    if (productRef) {
      const { product } = await this.access.readableProduct(
        productRef,
        ctx.credentials,
      );
      title = `${product.metadata.title ?? product.metadata.name} news`;
      productRefs = [productRef];
    } else {
      productRefs = (
        await this.access.everyProduct(ctx.credentials, {
          drafts: false,
          edits: false,
        })
      ).readable;
    }
    const now = this.now();
    const { items } = await this.options.store.list({
      productRefs,
      global: !productRef,
      upcoming: false,
      unread: false,
      now,
      limit: FEED_SIZE,
    });
    const { appBaseUrl, backendBaseUrl } = this.options;
    const scope = productRef
      ? `?productRef=${encodeURIComponent(productRef)}`
      : '';
    return toAtom({
      id: `${appBaseUrl}/platform-news${scope}`,
      title,
      selfUrl: `${backendBaseUrl}/announcements/feed${scope}`,
      alternateUrl: `${appBaseUrl}/platform-news${scope}`,
      fallbackUpdated: new Date(0).toISOString(),
      entries: items
        // newest first, as feed readers expect; pinned posts lead the lists only
        .sort(
          (a, b) => b.publishedAt! - a.publishedAt! || (a.id < b.id ? 1 : -1),
        )
        .map(post => ({
          id: `urn:uuid:${post.id}`,
          title: post.title,
          summary: post.summary,
          url: `${appBaseUrl}${announcementLink(post.id)}`,
          published: iso(post.publishedAt)!,
          updated: iso(Math.max(post.publishedAt!, post.updatedAt))!,
          author: post.onBehalfOf ?? post.authorRef,
          categories: [post.type, ...post.tags],
        })),
    });
  }

  /** The event of an event post as an iCalendar document. */
  async eventIcs(id: string, ctx: AnnouncementContext): Promise<string> {
    const { post } = await this.access.visible(id, ctx);
    if (!post.event) {
      throw new InputError(
        `Announcement '${id}' is a ${post.type}, not an event: it has no calendar entry`,
      );
    }
    const url = `${this.options.appBaseUrl}${announcementLink(post.id)}`;
    return toIcs({
      uid: `${post.id}@platform-product`,
      stamp: post.updatedAt,
      start: post.event.start,
      end: post.event.end,
      summary: post.title,
      description: `${post.summary}\n\n${url}`,
      location: post.event.location ?? undefined,
      url,
    });
  }
}
