import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { AuthorIdentity } from '../feedback/AuthorIdentity';
import { StoredPost } from '../feedback/FeedbackStore';
import { chunks } from '../shared/chunks';
import { ProductResolver } from '../shared/ProductResolver';
import { PostPeople, StoredRoadmapItem } from './RoadmapStore';

export const ROADMAP_TOPIC = 'platform-product-roadmap';

/** Where the frontend shows an item: the Roadmap tab of the product's page. */
export function roadmapItemLink(productRef: string, itemId: string): string {
  const { namespace, name } = parseEntityRef(productRef);
  return `/catalog/${namespace}/platformproduct/${name}/roadmap?item=${encodeURIComponent(
    itemId,
  )}`;
}

export type RoadmapNotifierOptions = {
  identity: AuthorIdentity;
  products: ProductResolver;
  notifications: NotificationService;
  logger: LoggerService;
  /** recipients per notification; default 500 */
  chunkSize?: number;
  /** notifications in flight at once; default 4 */
  parallelChunks?: number;
};

/**
 * Tells the people behind posts what became of their requests: their authors (anonymous ones
 * through their encrypted ref) and voters, each person once, the actor excepted. Named people
 * go in chunks; each anonymous author gets a notification of their own, so their ref shares a
 * send with nobody's. A failed send is logged without recipients and never fails the write.
 */
export class RoadmapNotifier {
  static create(options: RoadmapNotifierOptions) {
    return new RoadmapNotifier(options);
  }

  private constructor(private readonly options: RoadmapNotifierOptions) {}

  /** A post is now carried by the item: its author and voters hear which. */
  async linked(
    item: StoredRoadmapItem,
    post: StoredPost,
    people: PostPeople,
    actorRef: string,
  ) {
    const product = await this.productTitle(item.productRef);
    const where = [item.horizon, item.targetQuarter].filter(Boolean).join(', ');
    await this.deliver(item, people, actorRef, {
      title: `On the roadmap: ${item.title}`,
      description: `"${post.title}" is now carried by "${item.title}" (${where}) on the roadmap of ${product}.`,
      link: roadmapItemLink(item.productRef, item.id),
      topic: ROADMAP_TOPIC,
    });
  }

  /**
   * "You asked, we shipped": every author and voter of the item's posts, once each. The
   * notification `scope` makes a resent one update the first rather than duplicate it, so a
   * delivery that failed part-way can be run again (`RoadmapShipments`). Resolves to whether
   * every send went through.
   */
  async shipped(
    item: StoredRoadmapItem,
    people: PostPeople,
    actorRef: string,
  ): Promise<boolean> {
    const product = await this.productTitle(item.productRef);
    return this.deliver(item, people, actorRef, {
      title: `You asked, we shipped: ${item.title}`,
      description: `${product} has shipped "${item.title}", which you asked for or voted for. Thank you!`,
      link: roadmapItemLink(item.productRef, item.id),
      topic: ROADMAP_TOPIC,
      scope: `platform-product:roadmap:${item.id}:shipped`,
    });
  }

  private async productTitle(productRef: string) {
    const product = await this.options.products.product(productRef);
    return product?.metadata.title ?? product?.metadata.name ?? productRef;
  }

  /**
   * Sends the payload to each person once: the named ones in chunks, each anonymous author
   * alone (unless they are among the named ones anyway), a few sends in flight at once.
   * Resolves to whether every send went through.
   */
  private async deliver(
    item: StoredRoadmapItem,
    people: PostPeople,
    actorRef: string,
    payload: NotificationPayload,
  ): Promise<boolean> {
    const named = new Set(people.named);
    const alone = new Set<string>();
    for (const encrypted of people.anonymousAuthors) {
      const ref = this.options.identity.decrypt(encrypted);
      if (ref && !named.has(ref)) alone.add(ref);
    }
    named.delete(actorRef);
    alone.delete(actorRef);
    const sends = [
      ...chunks([...named], this.options.chunkSize ?? 500),
      ...[...alone].map(ref => [ref]),
    ];
    let failed = false;
    const worker = async () => {
      for (
        let recipients = sends.shift();
        recipients;
        recipients = sends.shift()
      ) {
        try {
          await this.options.notifications.send({
            recipients: { type: 'entity', entityRef: recipients },
            payload,
          });
        } catch (error) {
          failed = true;
          // never the recipients: one of them may be an anonymous author
          this.options.logger.warn(
            `Could not send a notification about roadmap item ${item.id}: ${
              (error as Error).name
            }`,
          );
        }
      }
    };
    await Promise.all(
      Array.from({ length: this.options.parallelChunks ?? 4 }, worker),
    );
    return !failed;
  }
}
