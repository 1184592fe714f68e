import {
  ACKNOWLEDGED_ANNOUNCEMENT_TYPES,
  Announcement,
  BANNER_ANNOUNCEMENT_TYPES,
  ProductFollow,
  productRefQuerySchema,
} from '@platform-product/plugin-platform-product-common';
import { InputError } from '@backstage/errors';
import { requireUser, RequestContext, userRefOf } from '../shared/caller';
import { clockOf } from '../shared/clock';
import { parseInput } from '../shared/validation';
import { AnnouncementAccess } from './AnnouncementAccess';
import { AnnouncementStore } from './AnnouncementStore';
import { announcementView } from './views';

type AnnouncementContext = RequestContext;

export type AnnouncementReadersOptions = {
  store: AnnouncementStore;
  access: AnnouncementAccess;
  now?: () => number;
};

/**
 * What a reader does with posts: marks them read or acknowledged, dismisses banners and
 * follows products. Each is the signed-in user's own, on a post or product they may read.
 */
export class AnnouncementReaders {
  static create(options: AnnouncementReadersOptions) {
    return new AnnouncementReaders(options);
  }

  private readonly access: AnnouncementAccess;
  private readonly now: () => number;

  private constructor(private readonly options: AnnouncementReadersOptions) {
    this.access = options.access;
    this.now = clockOf(options.now);
  }

  /** Marks a published post read by the caller. */
  async markRead(id: string, ctx: AnnouncementContext): Promise<Announcement> {
    return this.mark(id, ctx, 'read');
  }

  /** Marks a published post read and acknowledged (deprecations ask for it) by the caller. */
  async acknowledge(
    id: string,
    ctx: AnnouncementContext,
  ): Promise<Announcement> {
    return this.mark(id, ctx, 'acknowledged');
  }

  private async mark(
    id: string,
    ctx: AnnouncementContext,
    mark: 'read' | 'acknowledged',
  ): Promise<Announcement> {
    const userRef = requireUser(ctx.credentials);
    const { post, canEdit } = await this.access.visible(id, ctx);
    if (post.publishedAt === null) {
      throw new InputError(`Announcement '${id}' is not published yet`);
    }
    if (
      mark === 'acknowledged' &&
      !ACKNOWLEDGED_ANNOUNCEMENT_TYPES.includes(post.type)
    ) {
      throw new InputError(
        `Announcement '${id}' is a ${
          post.type
        }: only ${ACKNOWLEDGED_ANNOUNCEMENT_TYPES.join(
          ', ',
        )} posts ask for an acknowledgement`,
      );
    }
    const now = this.now();
    if (mark === 'acknowledged') {
      await this.options.store.acknowledge(id, userRef, now);
    } else {
      await this.options.store.markRead(id, userRef, now);
    }
    const marked = await this.options.store.get(id, userRef);
    return announcementView(marked ?? post, canEdit, now);
  }

  async dismiss(id: string, ctx: AnnouncementContext): Promise<void> {
    const userRef = requireUser(ctx.credentials);
    const { post } = await this.access.visible(id, ctx);
    if (!BANNER_ANNOUNCEMENT_TYPES.includes(post.type) || !post.pinned) {
      throw new InputError(
        `Announcement '${id}' is no banner: only pinned ${BANNER_ANNOUNCEMENT_TYPES.join(
          ' and ',
        )} posts show as banners`,
      );
    }
    await this.options.store.dismiss(id, userRef, this.now());
  }

  /** Whether the caller follows a product, and how many do (a service follows none). */
  async followState(
    query: unknown,
    ctx: AnnouncementContext,
  ): Promise<ProductFollow> {
    const { productRef } = parseInput(productRefQuerySchema, query);
    await this.access.readableProduct(productRef, ctx.credentials);
    return this.followOf(productRef, userRefOf(ctx.credentials));
  }

  /** The caller follows a product: its posts reach them. */
  async follow(
    query: unknown,
    ctx: AnnouncementContext,
  ): Promise<ProductFollow> {
    return this.changeFollow(query, ctx, (productRef, userRef) =>
      this.options.store.follow(productRef, userRef, this.now()),
    );
  }

  /** The caller no longer follows a product. */
  async unfollow(
    query: unknown,
    ctx: AnnouncementContext,
  ): Promise<ProductFollow> {
    return this.changeFollow(query, ctx, (productRef, userRef) =>
      this.options.store.unfollow(productRef, userRef),
    );
  }

  /** The signed-in caller's change to their follow of a product they may read. */
  private async changeFollow(
    query: unknown,
    ctx: AnnouncementContext,
    change: (productRef: string, userRef: string) => Promise<void>,
  ): Promise<ProductFollow> {
    const userRef = requireUser(ctx.credentials);
    const { productRef } = parseInput(productRefQuerySchema, query);
    await this.access.readableProduct(productRef, ctx.credentials);
    await change(productRef, userRef);
    return this.followOf(productRef, userRef);
  }

  private async followOf(
    productRef: string,
    userRef: string | undefined,
  ): Promise<ProductFollow> {
    return {
      productRef,
      ...(await this.options.store.followState(productRef, userRef)),
    };
  }
}
