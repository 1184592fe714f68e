import {
  isClosedRoadmapStatus,
  RoadmapFieldChange,
  RoadmapHistoryAction,
  RoadmapItemSummary,
} from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { StoredPost } from '../feedback/FeedbackStore';
import { PostRow, toPost } from '../feedback/store/rows';
import { setPostStatuses } from '../feedback/store/statuses';
import { forUpdate, isPostgres, transaction } from '../shared/sql';
import {
  CheckLink,
  PostPeople,
  LinkedPostsMove,
  LinkOutcome,
  NewRoadmapItem,
  PlanUpdate,
  RoadmapItemUpdate,
  RoadmapStore,
  RoadmapWriter,
  StoredHistoryEntry,
  StoredLinkedPost,
  StoredRoadmapItem,
} from './RoadmapStore';
import { movePostDemand, PersonKey } from './store/demand';
import { itemSummaries, peopleOf, topLinkedPosts } from './store/links';
import { OpenOrder } from './store/positions';
import {
  HistoryRow,
  ItemRow,
  itemFieldsRow,
  newItemRow,
  OPEN_STATUSES,
  toHistoryEntry,
  toItem,
} from './store/rows';

/** Shipments the delivery task takes on in one run; the next run takes the rest. */
const UNTOLD_SHIPMENTS_PER_RUN = 20;

/** The fields a history entry compares, in this order. */
const HISTORY_FIELDS = [
  'title',
  'description',
  'horizon',
  'position',
  'status',
  'targetQuarter',
] as const;

/** The fields that differ (all that are set, for a new item), from and to. */
function fieldChanges(
  before: StoredRoadmapItem | undefined,
  after: StoredRoadmapItem,
): RoadmapFieldChange[] {
  return HISTORY_FIELDS.filter(field =>
    before
      ? before[field] !== after[field]
      : ![null, ''].includes(after[field] as string),
  ).map(field =>
    before
      ? { field, from: before[field], to: after[field] }
      : { field, to: after[field] },
  );
}

/** The item with the update's fields and status applied (its position is the order's). */
function applied(
  item: StoredRoadmapItem,
  update: RoadmapItemUpdate,
  at: number,
): StoredRoadmapItem {
  const status = update.status ?? item.status;
  let closedAt = item.closedAt;
  if (status !== item.status) {
    closedAt = isClosedRoadmapStatus(status) ? at : null;
  }
  return {
    ...item,
    title: update.title ?? item.title,
    description: update.description ?? item.description,
    targetQuarter:
      update.targetQuarter === undefined
        ? item.targetQuarter
        : update.targetQuarter,
    horizon: update.horizon ?? item.horizon,
    status,
    closedAt,
  };
}

/**
 * Roadmap items in the plugin's database. Every write runs in one transaction that first
 * locks its product's row in `roadmap_products` (an upsert: a row lock on PostgreSQL; SQLite
 * runs one writer at a time), then reads what it changes, so writes of one product follow
 * each other and leave one dense order per horizon. Linked posts change status with their
 * feedback aggregates (feedback/store/statuses.ts) and the demand moves (store/demand.ts) in
 * the same transaction.
 */
export class DatabaseRoadmapStore implements RoadmapStore {
  static create(db: Knex, options: { personKey: PersonKey }) {
    return new DatabaseRoadmapStore(db, options.personKey);
  }

  private readonly isPostgres: boolean;

  private constructor(
    private readonly db: Knex,
    private readonly personKey: PersonKey,
  ) {
    this.isPostgres = isPostgres(db);
  }

  async listItems(productRef: string): Promise<StoredRoadmapItem[]> {
    const rows: ItemRow[] = await this.db('roadmap_items').where(
      'product_ref',
      productRef,
    );
    return rows.map(toItem);
  }

  async lastUpdatedAt(productRef: string): Promise<number | null> {
    const row = await this.db('roadmap_products')
      .where('product_ref', productRef)
      .first('updated_at');
    return row ? Number(row.updated_at) : null;
  }

  topLinkedPosts(
    itemIds: string[],
    perItem: number,
  ): Promise<StoredLinkedPost[]> {
    return topLinkedPosts(this.db, this.isPostgres, itemIds, perItem);
  }

  async getItem(id: string): Promise<StoredRoadmapItem | undefined> {
    const row: ItemRow | undefined = await this.db('roadmap_items')
      .where('id', id)
      .first();
    return row && toItem(row);
  }

  async history(itemId: string): Promise<StoredHistoryEntry[]> {
    const rows: HistoryRow[] = await this.db('roadmap_item_history')
      .where('item_id', itemId)
      .orderBy('id', 'desc');
    return rows.map(toHistoryEntry);
  }

  summaries(itemIds: string[]): Promise<Map<string, RoadmapItemSummary>> {
    return itemSummaries(this.db, itemIds);
  }

  peopleOf(itemId: string): Promise<PostPeople> {
    return peopleOf(this.db, { roadmap_item_id: itemId });
  }

  peopleOfPost(postId: string): Promise<PostPeople> {
    return peopleOf(this.db, { id: postId });
  }

  async untoldShipments(shippedBefore: number): Promise<StoredRoadmapItem[]> {
    const rows: ItemRow[] = await this.db('roadmap_items')
      .where({ status: 'shipped' })
      .whereNull('ship_notified_at')
      .where('closed_at', '<', shippedBefore)
      .orderBy('closed_at')
      .limit(UNTOLD_SHIPMENTS_PER_RUN);
    return rows.map(toItem);
  }

  async markShipmentTold(itemId: string, at: number): Promise<void> {
    await this.db('roadmap_items')
      .where({ id: itemId })
      .update({ ship_notified_at: at });
  }

  async createItem(
    item: NewRoadmapItem,
    check: (itemCount: number) => void,
    writer: RoadmapWriter,
  ): Promise<StoredRoadmapItem> {
    return transaction(this.db, async tx => {
      await this.lockProduct(tx, item.productRef, writer.at);
      const rows: Array<Pick<ItemRow, 'horizon' | 'status'>> = await tx(
        'roadmap_items',
      )
        .where('product_ref', item.productRef)
        .select('horizon', 'status');
      check(rows.length);
      const stored: StoredRoadmapItem = {
        ...item,
        position: rows.filter(
          row =>
            row.horizon === item.horizon &&
            OPEN_STATUSES.includes(row.status as StoredRoadmapItem['status']),
        ).length,
        createdAt: writer.at,
        updatedAt: writer.at,
        closedAt: null,
        postCount: 0,
        voteCount: 0,
        peopleCount: 0,
      };
      await tx('roadmap_items').insert(newItemRow(stored));
      await this.record(
        tx,
        stored.id,
        'create',
        writer,
        fieldChanges(undefined, stored),
      );
      await this.touchProduct(tx, item.productRef, writer.at);
      return stored;
    });
  }

  async updateItem(
    id: string,
    plan: PlanUpdate,
    writer: RoadmapWriter,
  ): Promise<StoredRoadmapItem | undefined> {
    return this.withLockedItem(id, writer.at, async (tx, before) => {
      const order = await OpenOrder.read(tx, before.productRef);
      const update = plan(before, order.sizes());
      const after = applied(before, update, writer.at);

      const stayingPut =
        update.position === undefined && after.horizon === before.horizon;
      const index = order.indexOf(id, before.horizon);
      order.remove(id, before.horizon);
      if (!isClosedRoadmapStatus(after.status)) {
        after.position = order.insert(
          id,
          after.horizon,
          stayingPut && index >= 0 ? index : update.position,
        );
      }
      const changes = fieldChanges(before, after);
      if (!changes.length && !update.linkedPosts) return before;

      after.updatedAt = writer.at;
      await order.write(tx);
      await tx('roadmap_items').where('id', id).update(itemFieldsRow(after));
      if (update.linkedPosts) {
        await this.moveLinkedPosts(tx, id, update.linkedPosts, writer.at);
      }
      await this.record(tx, id, update.action, writer, changes);
      await this.touchProduct(tx, before.productRef, writer.at);
      return after;
    });
  }

  async deleteItem(id: string, writer: RoadmapWriter): Promise<boolean> {
    const deleted = await this.withLockedItem(
      id,
      writer.at,
      async (tx, item) => {
        const order = await OpenOrder.read(tx, item.productRef);
        order.remove(id, item.horizon);
        await order.write(tx);
        await this.moveLinkedPosts(
          tx,
          id,
          { from: ['planned'], to: 'acknowledged' },
          writer.at,
        );
        await tx('feedback_posts')
          .where('roadmap_item_id', id)
          .update({ roadmap_item_id: null });
        await tx('roadmap_item_people').where('item_id', id).delete();
        await tx('roadmap_item_history').where('item_id', id).delete();
        await tx('roadmap_items').where('id', id).delete();
        await this.touchProduct(tx, item.productRef, writer.at);
        return true;
      },
    );
    return deleted ?? false;
  }

  async linkPost(
    itemId: string,
    postId: string,
    check: CheckLink,
    writer: RoadmapWriter,
  ): Promise<LinkOutcome | undefined> {
    return this.withLockedItem(itemId, writer.at, async (tx, item) => {
      const post = await this.lockedPost(tx, postId);
      if (!post) return undefined;
      check(item, post);
      if (post.roadmapItemId === itemId) {
        return { item, post, previousItemId: null, changed: false };
      }
      const previousItemId = post.roadmapItemId;
      if (previousItemId) {
        // a move between items: the post keeps its status
        await this.takeOff(tx, previousItemId, post, writer);
      }
      await movePostDemand(tx, itemId, post, this.personKey, 1);
      await tx('feedback_posts')
        .where('id', postId)
        .update({ roadmap_item_id: itemId });
      const [moved] = ['new', 'acknowledged'].includes(post.status)
        ? await setPostStatuses(tx, [post], 'planned', writer.at)
        : [post];
      await this.changed(tx, itemId, 'link', writer, [
        { field: 'link', to: postId },
      ]);
      await this.touchProduct(tx, item.productRef, writer.at);
      return {
        item: (await this.itemIn(tx, itemId))!,
        post: { ...moved, roadmapItemId: itemId },
        previousItemId,
        changed: true,
      };
    });
  }

  async unlinkPost(
    itemId: string,
    postId: string,
    writer: RoadmapWriter,
  ): Promise<LinkOutcome | undefined> {
    return this.withLockedItem(itemId, writer.at, async (tx, item) => {
      const post = await this.lockedPost(tx, postId);
      if (!post) return undefined;
      if (post.roadmapItemId !== itemId) {
        return { item, post, previousItemId: null, changed: false };
      }
      await this.takeOff(tx, itemId, post, writer);
      const [moved] =
        post.status === 'planned'
          ? await setPostStatuses(tx, [post], 'acknowledged', writer.at)
          : [post];
      await this.touchProduct(tx, item.productRef, writer.at);
      return {
        item: (await this.itemIn(tx, itemId))!,
        post: { ...moved, roadmapItemId: null },
        previousItemId: itemId,
        changed: true,
      };
    });
  }

  /** Takes a (locked) post off an item: its demand, its link and the item's history. */
  private async takeOff(
    tx: Knex.Transaction,
    itemId: string,
    post: StoredPost,
    writer: RoadmapWriter,
  ) {
    await movePostDemand(tx, itemId, post, this.personKey, -1);
    await tx('feedback_posts')
      .where('id', post.id)
      .update({ roadmap_item_id: null });
    await this.changed(tx, itemId, 'unlink', writer, [
      { field: 'unlink', from: post.id },
    ]);
  }

  /**
   * Runs a write in one transaction, on the item read under its product's lock; undefined
   * when the item is gone.
   */
  private withLockedItem<T>(
    id: string,
    at: number,
    write: (tx: Knex.Transaction, item: StoredRoadmapItem) => Promise<T>,
  ): Promise<T | undefined> {
    return transaction(this.db, async tx => {
      const found = await tx('roadmap_items')
        .where('id', id)
        .first('product_ref');
      if (!found) return undefined;
      await this.lockProduct(tx, found.product_ref, at);
      return write(tx, (await this.itemIn(tx, id))!);
    });
  }

  private async itemIn(tx: Knex.Transaction, id: string) {
    const row: ItemRow | undefined = await tx('roadmap_items')
      .where('id', id)
      .first();
    return row && toItem(row);
  }

  /**
   * Locks the product's roadmap: its row in roadmap_products (made on its first write), upserted
   * unchanged, which takes the row's lock on PostgreSQL until the transaction ends.
   */
  private async lockProduct(
    tx: Knex.Transaction,
    productRef: string,
    at: number,
  ) {
    await tx('roadmap_products')
      .insert({ product_ref: productRef, updated_at: at })
      .onConflict('product_ref')
      .merge({ updated_at: tx.raw('roadmap_products.updated_at') });
  }

  /** The roadmap's last change: its lastUpdatedAt. */
  private async touchProduct(
    tx: Knex.Transaction,
    productRef: string,
    at: number,
  ) {
    await tx('roadmap_products')
      .where('product_ref', productRef)
      .update({ updated_at: at });
  }

  private async lockedPost(tx: Knex.Transaction, postId: string) {
    const row: PostRow | undefined = await forUpdate(
      this.isPostgres,
      tx('feedback_posts').where('id', postId).first(),
    );
    return row && toPost(row);
  }

  private async moveLinkedPosts(
    tx: Knex.Transaction,
    itemId: string,
    move: LinkedPostsMove,
    at: number,
  ) {
    const rows: PostRow[] = await forUpdate(
      this.isPostgres,
      tx('feedback_posts')
        .where('roadmap_item_id', itemId)
        .whereIn('status', move.from),
    );
    await setPostStatuses(tx, rows.map(toPost), move.to, at);
  }

  /** A change to an item that is not one of its fields (a link): its time and history. */
  private async changed(
    tx: Knex.Transaction,
    itemId: string,
    action: RoadmapHistoryAction,
    writer: RoadmapWriter,
    changes: RoadmapFieldChange[],
  ) {
    await tx('roadmap_items')
      .where('id', itemId)
      .update({ updated_at: writer.at });
    await this.record(tx, itemId, action, writer, changes);
  }

  private async record(
    tx: Knex.Transaction,
    itemId: string,
    action: RoadmapHistoryAction,
    writer: RoadmapWriter,
    changes: RoadmapFieldChange[],
  ) {
    await tx('roadmap_item_history').insert({
      item_id: itemId,
      action,
      actor: writer.actor,
      at: writer.at,
      changes: JSON.stringify(changes),
    });
  }
}
