import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  feedbackCreatePermission,
  feedbackModeratePermission,
  feedbackReadPermission,
  feedbackRespondPermission,
} from '@platform-product/plugin-platform-product-common';
import {
  allowedOnProduct,
  AuthorizeDeps,
  notAllowed,
  requireOnProduct,
} from '../shared/authorize';
import { KeptValues } from '../shared/KeptValues';
import { FeedbackStore, StoredPost } from './FeedbackStore';

/** What a caller may do on a post's product. */
export type FeedbackRights = Record<
  'read' | 'create' | 'respond' | 'moderate',
  boolean
>;

/** Everything a caller may do on a post, asked in one round trip. */
const POST_RIGHTS = {
  read: feedbackReadPermission,
  create: feedbackCreatePermission,
  respond: feedbackRespondPermission,
  moderate: feedbackModeratePermission,
};

/**
 * The access checks of feedback: permissions on the product a piece of feedback belongs
 * to, in one round trip each, conditions evaluated on the cached product.
 */
export class FeedbackAccess {
  constructor(
    private readonly store: FeedbackStore,
    private readonly deps: AuthorizeDeps,
  ) {}

  /** The products of posts read here: a post's product never changes. */
  private readonly productOfPost = new KeptValues<string>({ max: 10_000 });

  /** Remembers the product of posts read (see knownPost). */
  remember(posts: Array<Pick<StoredPost, 'id' | 'productRef'>>) {
    for (const post of posts) this.productOfPost.set(post.id, post.productRef);
  }

  /**
   * The product of a post read here before, with what the caller may do on it, without
   * reading the post; undefined when this process has not read it. The post may have been
   * deleted or hidden since: a write on it must check that itself.
   */
  async knownPost(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<{ productRef: string; can: FeedbackRights } | undefined> {
    const productRef = this.productOfPost.get(id);
    if (!productRef) return undefined;
    return {
      productRef,
      can: await this.allowed(productRef, POST_RIGHTS, credentials),
    };
  }

  /** Several permissions on one product in one round trip (see allowedOnProduct). */
  allowed<T extends string>(
    productRef: string,
    permissions: Record<T, ResourcePermission<'platform-product'>>,
    credentials: BackstageCredentials,
  ): Promise<Record<T, boolean>> {
    return allowedOnProduct(this.deps, productRef, permissions, credentials);
  }

  /** Throws a 403 unless the caller has the permission on the product. */
  require(
    productRef: string,
    permission: ResourcePermission<'platform-product'>,
    credentials: BackstageCredentials,
  ): Promise<void> {
    return requireOnProduct(this.deps, productRef, permission, credentials);
  }

  /** A visible post the caller may read, with what else they may do on its product. */
  async visiblePost(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<{ post: StoredPost; can: FeedbackRights }> {
    const post = await this.store.getPost(id);
    if (!post) {
      if (await this.store.getRating(id)) {
        throw new InputError(
          `'${id}' is a rating: only posts have a status, replies and votes`,
        );
      }
      throw new NotFoundError(`No feedback post '${id}'`);
    }
    this.remember([post]);
    const can = await this.allowed(post.productRef, POST_RIGHTS, credentials);
    if (!can.read) throw notAllowed(post.productRef, feedbackReadPermission);
    if (post.hidden && !can.moderate) {
      throw new NotFoundError(`No feedback post '${id}'`);
    }
    return { post, can };
  }
}
