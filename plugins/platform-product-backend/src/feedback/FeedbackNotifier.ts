import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { AuthorIdentity } from './AuthorIdentity';
import { FeedbackStore, StoredPost } from './FeedbackStore';

/** Where the frontend shows a post: the Feedback tab of the product's page. */
export function postLink(productRef: string, postId: string): string {
  const { namespace, name } = parseEntityRef(productRef);
  return `/catalog/${namespace}/platformproduct/${name}/feedback?post=${encodeURIComponent(
    postId,
  )}`;
}

/**
 * Who hears of what happens to a post: its author (anonymous ones through their encrypted
 * ref) and its voters. A failed send is logged without recipients and never fails the write.
 */
export class FeedbackNotifier {
  static create(options: {
    store: FeedbackStore;
    identity: AuthorIdentity;
    notifications: NotificationService;
    logger: LoggerService;
  }) {
    return new FeedbackNotifier(options);
  }

  private constructor(
    private readonly options: {
      store: FeedbackStore;
      identity: AuthorIdentity;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** Tells the post's author, unless the actor is the author. */
  async notifyAuthor(
    post: StoredPost,
    actorHash: string,
    title: string,
    description?: string,
  ) {
    if (actorHash === post.authorHash) return;
    const author = post.anonymous
      ? post.authorRefEncrypted &&
        this.options.identity.decrypt(post.authorRefEncrypted)
      : post.authorRef;
    if (author) {
      // a notification of its own, so no other recipient shares it
      await this.send(post, [author], title, description);
    }
  }

  /** Tells the post's voters, but the actor and the author (who hears of it apart). */
  async notifyVoters(post: StoredPost, actorRef: string, title: string) {
    const { identity } = this.options;
    const voters = (await this.options.store.listVoters(post.id)).filter(
      voter => voter !== actorRef && identity.hash(voter) !== post.authorHash,
    );
    await this.send(post, voters, title);
  }

  private async send(
    post: StoredPost,
    recipients: string[],
    title: string,
    description?: string,
  ) {
    if (!recipients.length) return;
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          title,
          description:
            description && description.length > 300
              ? `${description.slice(0, 299)}…`
              : description,
          link: postLink(post.productRef, post.id),
          topic: 'platform-product-feedback',
        },
      });
    } catch (error) {
      // never the recipients: one of them may be an anonymous author
      this.options.logger.warn(
        `Could not send a notification about feedback post ${post.id}: ${
          (error as Error).name
        }`,
      );
    }
  }
}
