import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  feedbackReadPermission,
  platformProductReadPermission,
  roadmapManagePermission,
} from '@platform-product/plugin-platform-product-common';
import { FeedbackStore, StoredPost } from '../feedback/FeedbackStore';
import {
  allowedOnProduct,
  AuthorizeDeps,
  notAllowed,
} from '../shared/authorize';
import { requireUser } from '../shared/caller';
import { RoadmapStore, StoredRoadmapItem } from './RoadmapStore';

export type RoadmapAccessOptions = AuthorizeDeps & {
  store: RoadmapStore;
  feedback: FeedbackStore;
};

/**
 * The access checks of the roadmap, each one permission round trip on the product: whoever
 * may read the product (`platform-product.product.read`) reads its roadmap, the titles of the
 * linked posts only with `platform-product.feedback.read` too; its team
 * (`platform-product.roadmap.manage`) writes it, as a signed-in user. Services read, never
 * write.
 */
export class RoadmapAccess {
  constructor(private readonly options: RoadmapAccessOptions) {}

  /** 404 for no product, 403 unless the caller may read it; whether they see the posts too. */
  readable(productRef: string, credentials: BackstageCredentials) {
    return this.allowed(productRef, platformProductReadPermission, credentials);
  }

  /** The signed-in user, allowed to manage the product's roadmap (404 for no product). */
  async manager(productRef: string, credentials: BackstageCredentials) {
    const actor = requireUser(credentials);
    return {
      actor,
      ...(await this.allowed(productRef, roadmapManagePermission, credentials)),
    };
  }

  /** 404 for no product, 403 without the permission; with it, whether the posts show. */
  private async allowed(
    productRef: string,
    permission: ResourcePermission<'platform-product'>,
    credentials: BackstageCredentials,
  ) {
    await this.options.products.existing(productRef);
    const can = await allowedOnProduct(
      this.options,
      productRef,
      { granted: permission, posts: feedbackReadPermission },
      credentials,
    );
    if (!can.granted) throw notAllowed(productRef, permission);
    return { showsPosts: can.posts };
  }

  async item(id: string): Promise<StoredRoadmapItem> {
    const item = await this.options.store.getItem(id);
    if (!item) throw new NotFoundError(`No roadmap item '${id}'`);
    return item;
  }

  /** An item the signed-in caller may manage, with what they may see. */
  async managedItem(id: string, credentials: BackstageCredentials) {
    requireUser(credentials);
    const item = await this.item(id);
    return { item, ...(await this.manager(item.productRef, credentials)) };
  }

  /** An item the caller may read. */
  async readableItem(id: string, credentials: BackstageCredentials) {
    const item = await this.item(id);
    await this.readable(item.productRef, credentials);
    return item;
  }

  /** The feedback post to link: 404 when missing, 400 for a rating. */
  async post(id: string): Promise<StoredPost> {
    const { feedback } = this.options;
    const post = await feedback.getPost(id);
    if (post) return post;
    if (await feedback.getRating(id)) {
      throw new InputError(
        `'${id}' is a rating: only feedback posts can be linked to a roadmap item`,
      );
    }
    throw new NotFoundError(`No feedback post '${id}'`);
  }
}
