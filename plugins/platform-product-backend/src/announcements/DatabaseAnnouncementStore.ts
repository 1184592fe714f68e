import { Knex } from 'knex';
import { isPostgres } from '../shared/sql';
import { AnnouncementStore } from './AnnouncementStore';
import { DeliveryQueue } from './store/deliveryQueue';
import { AnnouncementPosts } from './store/posts';
import { reachOf } from './store/reach';
import { ReaderState } from './store/readerState';

/**
 * Announcements in the plugin's database, one part per concern: the posts (store/posts.ts),
 * what each reader did (store/readerState.ts), the reach of a post (store/reach.ts) and the
 * delivery queue (store/deliveryQueue.ts). This class only puts them behind one interface.
 */
export class DatabaseAnnouncementStore implements AnnouncementStore {
  static create(db: Knex) {
    return new DatabaseAnnouncementStore(db);
  }

  private readonly posts: AnnouncementPosts;
  private readonly readers: ReaderState;
  private readonly queue: DeliveryQueue;

  private constructor(private readonly db: Knex) {
    const postgres = isPostgres(db);
    this.posts = new AnnouncementPosts(db, postgres);
    this.readers = new ReaderState(db);
    this.queue = new DeliveryQueue(db, postgres);
  }

  // the posts
  create: AnnouncementStore['create'] = post => this.posts.create(post);
  get: AnnouncementStore['get'] = (id, viewerRef) =>
    this.posts.get(id, viewerRef);
  update: AnnouncementStore['update'] = (...args) => this.posts.update(...args);
  delete: AnnouncementStore['delete'] = id => this.posts.delete(id);
  list: AnnouncementStore['list'] = query => this.posts.list(query);
  productRefsWithPosts: AnnouncementStore['productRefsWithPosts'] =
    includeUnpublished => this.posts.productRefsWithPosts(includeUnpublished);
  banners: AnnouncementStore['banners'] = query => this.posts.banners(query);

  // what each reader did
  markRead: AnnouncementStore['markRead'] = (...args) =>
    this.readers.markRead(...args);
  acknowledge: AnnouncementStore['acknowledge'] = (...args) =>
    this.readers.acknowledge(...args);
  dismiss: AnnouncementStore['dismiss'] = (...args) =>
    this.readers.dismiss(...args);
  follow: AnnouncementStore['follow'] = (...args) =>
    this.readers.follow(...args);
  unfollow: AnnouncementStore['unfollow'] = (...args) =>
    this.readers.unfollow(...args);
  followState: AnnouncementStore['followState'] = (...args) =>
    this.readers.followState(...args);
  followers: AnnouncementStore['followers'] = productRef =>
    this.readers.followers(productRef);

  // the reach of a post
  reach: AnnouncementStore['reach'] = id => reachOf(this.db, id);

  // the delivery queue
  dueForDelivery: AnnouncementStore['dueForDelivery'] = (...args) =>
    this.queue.dueForDelivery(...args);
  claimDelivery: AnnouncementStore['claimDelivery'] = (...args) =>
    this.queue.claimDelivery(...args);
  recordAudience: AnnouncementStore['recordAudience'] = (...args) =>
    this.queue.recordAudience(...args);
  pendingRecipients: AnnouncementStore['pendingRecipients'] = (...args) =>
    this.queue.pendingRecipients(...args);
  markNotified: AnnouncementStore['markNotified'] = (...args) =>
    this.queue.markNotified(...args);
  finishDelivery: AnnouncementStore['finishDelivery'] = (...args) =>
    this.queue.finishDelivery(...args);
  releaseDelivery: AnnouncementStore['releaseDelivery'] = (...args) =>
    this.queue.releaseDelivery(...args);
}
