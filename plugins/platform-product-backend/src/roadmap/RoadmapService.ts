import { AuditorService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  createRoadmapItemSchema,
  Roadmap,
  RoadmapHistoryAction,
  RoadmapHistoryEntry,
  RoadmapItem,
  RoadmapLinkResult,
  ROADMAP_ITEMS_MAX,
  ROADMAP_LINKED_POSTS_SHOWN,
  roadmapQuerySchema,
  updateRoadmapItemSchema,
} from '@platform-product/plugin-platform-product-common';
import { randomUUID } from 'node:crypto';
import { audited } from '../shared/audited';
import { RequestContext } from '../shared/caller';
import { clockOf } from '../shared/clock';
import { parseInput } from '../shared/validation';
import { RoadmapAccess } from './RoadmapAccess';
import { RoadmapNotifier } from './RoadmapNotifier';
import { RoadmapShipments } from './RoadmapShipments';
import {
  LinkOutcome,
  RoadmapStore,
  RoadmapWriter,
  StoredRoadmapItem,
} from './RoadmapStore';
import { historyView, itemView, roadmapView } from './views';
import { checkLink, planUpdate, requestedAction } from './workflow';

/** The audit event of each change to an item (moves, edits and reopening are updates). */
const AUDIT_EVENTS: Record<RoadmapHistoryAction, string> = {
  create: 'roadmap-item-create',
  update: 'roadmap-item-update',
  move: 'roadmap-item-update',
  reopen: 'roadmap-item-update',
  ship: 'roadmap-item-ship',
  drop: 'roadmap-item-drop',
  link: 'roadmap-item-link',
  unlink: 'roadmap-item-unlink',
};

export type RoadmapServiceOptions = {
  store: RoadmapStore;
  access: RoadmapAccess;
  notifier: RoadmapNotifier;
  shipments: RoadmapShipments;
  auditor: AuditorService;
  now?: () => number;
};

/**
 * Product roadmaps: every write takes the caller from their credentials, checks
 * `roadmap.manage` on the item's product (RoadmapAccess), validates, writes in one
 * transaction that decides on the item as it stands under the product's lock (workflow.ts),
 * records an audit event, then notifies. Reads need `product.read`.
 */
export class RoadmapService {
  static create(options: RoadmapServiceOptions) {
    return new RoadmapService(options);
  }

  private readonly now: () => number;

  private constructor(private readonly options: RoadmapServiceOptions) {
    this.now = clockOf(options.now);
  }

  private get store() {
    return this.options.store;
  }

  private get access() {
    return this.options.access;
  }

  async roadmap(query: unknown, ctx: RequestContext): Promise<Roadmap> {
    const { productRef } = parseInput(roadmapQuerySchema, query);
    const { showsPosts } = await this.access.readable(
      productRef,
      ctx.credentials,
    );
    const [items, lastUpdatedAt] = await Promise.all([
      this.store.listItems(productRef),
      this.store.lastUpdatedAt(productRef),
    ]);
    const linkedPosts =
      showsPosts && items.some(item => item.postCount > 0)
        ? await this.store.topLinkedPosts(
            items.filter(item => item.postCount > 0).map(item => item.id),
            ROADMAP_LINKED_POSTS_SHOWN,
          )
        : [];
    return roadmapView(productRef, items, linkedPosts, lastUpdatedAt);
  }

  async create(input: unknown, ctx: RequestContext): Promise<RoadmapItem> {
    const request = parseInput(createRoadmapItemSchema, input);
    const { productRef } = request;
    const { actor } = await this.access.manager(productRef, ctx.credentials);
    const id = randomUUID();
    const item = await this.audited(
      'create',
      { itemId: id, productRef },
      ctx,
      () =>
        this.store.createItem(
          {
            id,
            productRef,
            title: request.title,
            description: request.description,
            horizon: request.horizon,
            status: request.status,
            targetQuarter: request.targetQuarter,
            createdBy: actor,
          },
          itemCount => {
            if (itemCount >= ROADMAP_ITEMS_MAX) {
              throw new ConflictError(
                `'${productRef}' has ${itemCount} roadmap items, the most allowed: delete some first`,
              );
            }
          },
          { actor, at: this.now() },
        ),
    );
    return itemView(item, []);
  }

  async update(
    id: string,
    input: unknown,
    ctx: RequestContext,
  ): Promise<RoadmapItem> {
    const change = parseInput(updateRoadmapItemSchema, input);
    const { item, actor, showsPosts } = await this.access.managedItem(
      id,
      ctx.credentials,
    );
    const action = requestedAction(item, change);
    const updated = await this.audited(
      action,
      {
        itemId: id,
        productRef: item.productRef,
        action,
        ...(change.status && { from: item.status, to: change.status }),
      },
      ctx,
      async () =>
        this.found(
          id,
          await this.store.updateItem(
            id,
            (current, sizes) => planUpdate(current, change, sizes),
            { actor, at: this.now() },
          ),
        ),
    );
    if (updated.status === 'shipped' && item.status !== 'shipped') {
      this.options.shipments.tellSoon(updated, actor);
    }
    return this.viewOf(updated, showsPosts);
  }

  async delete(id: string, ctx: RequestContext): Promise<void> {
    const { item, actor } = await this.access.managedItem(id, ctx.credentials);
    await this.audited(
      'delete',
      { itemId: id, productRef: item.productRef },
      ctx,
      async () =>
        this.found(
          id,
          (await this.store.deleteItem(id, { actor, at: this.now() })) ||
            undefined,
        ),
    );
  }

  /** Links a post to the item (moving it from another item); its people hear of it. */
  async link(
    id: string,
    postId: string,
    ctx: RequestContext,
  ): Promise<RoadmapLinkResult> {
    const { outcome, writer, showsPosts } = await this.writeLink(
      'link',
      id,
      postId,
      ctx,
      at => this.store.linkPost(id, postId, checkLink, at),
    );
    if (outcome.changed) {
      await this.options.notifier.linked(
        outcome.item,
        outcome.post,
        await this.store.peopleOfPost(postId),
        writer.actor,
      );
    }
    return this.linkResult(outcome, showsPosts);
  }

  async unlink(
    id: string,
    postId: string,
    ctx: RequestContext,
  ): Promise<RoadmapLinkResult> {
    const { outcome, showsPosts } = await this.writeLink(
      'unlink',
      id,
      postId,
      ctx,
      at => this.store.unlinkPost(id, postId, at),
    );
    return this.linkResult(outcome, showsPosts);
  }

  /** The checks of a link or unlink, then its write, audited; a 404 when a side went meanwhile. */
  private async writeLink(
    action: 'link' | 'unlink',
    id: string,
    postId: string,
    ctx: RequestContext,
    write: (writer: RoadmapWriter) => Promise<LinkOutcome | undefined>,
  ) {
    const { item, actor, showsPosts } = await this.access.managedItem(
      id,
      ctx.credentials,
    );
    await this.access.post(postId);
    const writer = { actor, at: this.now() };
    const outcome = await this.audited(
      action,
      { itemId: id, productRef: item.productRef, postId },
      ctx,
      async () => {
        const written = await write(writer);
        if (!written) {
          throw new NotFoundError(
            `No roadmap item '${id}' or feedback post '${postId}'`,
          );
        }
        return written;
      },
    );
    return { outcome, writer, showsPosts };
  }

  private async linkResult(
    outcome: LinkOutcome,
    showsPosts: boolean,
  ): Promise<RoadmapLinkResult> {
    return {
      item: await this.viewOf(outcome.item, showsPosts),
      postStatus: outcome.post.status,
    };
  }

  async history(
    id: string,
    ctx: RequestContext,
  ): Promise<{ entries: RoadmapHistoryEntry[] }> {
    await this.access.readableItem(id, ctx.credentials);
    const entries = await this.store.history(id);
    return { entries: entries.map(historyView) };
  }

  /** The item with its top linked posts, when the caller may see posts. */
  private async viewOf(item: StoredRoadmapItem, showsPosts: boolean) {
    const linkedPosts =
      showsPosts && item.postCount > 0
        ? await this.store.topLinkedPosts([item.id], ROADMAP_LINKED_POSTS_SHOWN)
        : [];
    return itemView(item, linkedPosts);
  }

  private found<T>(id: string, value: T | undefined): T {
    if (value === undefined) throw new NotFoundError(`No roadmap item '${id}'`);
    return value;
  }

  private audited<T>(
    action: RoadmapHistoryAction | 'delete',
    meta: Record<string, string>,
    ctx: RequestContext,
    write: () => Promise<T>,
  ): Promise<T> {
    const eventId =
      action === 'delete' ? 'roadmap-item-delete' : AUDIT_EVENTS[action];
    return audited(this.options.auditor, { eventId, meta }, ctx, write);
  }
}
