// The feedback operations, one method each (views, access checks and notifications live beside it);
// a little over ~500 lines because each operation reads as identity -> authorize -> validate -> write
// -> audit -> notify in one place.
import {
  AuditorService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  CustomErrorBase,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  canTransition,
  createFeedbackSchema,
  createReplySchema,
  FEEDBACK_TRANSITIONS,
  feedbackCreatePermission,
  feedbackExportQuerySchema,
  FeedbackItem,
  FeedbackItemWithReplies,
  FeedbackList,
  feedbackModeratePermission,
  feedbackReadPermission,
  FeedbackReply,
  feedbackRespondPermission,
  FeedbackStats,
  feedbackStatsQuerySchema,
  FeedbackVote,
  lastMonths,
  listFeedbackQuerySchema,
  updateFeedbackSchema,
} from '@platform-product/plugin-platform-product-common';
import { randomUUID } from 'node:crypto';
import { audited, AuditEvent } from '../shared/audited';
import { ApplyConditions, notAllowed } from '../shared/authorize';
import { requireUser, RequestContext, userRefOf } from '../shared/caller';
import { clockOf } from '../shared/clock';
import { ProductResolver } from '../shared/ProductResolver';
import { parseInput } from '../shared/validation';
import { AuthorIdentity } from './AuthorIdentity';
import { FeedbackAccess } from './FeedbackAccess';
import { FeedbackNotifier } from './FeedbackNotifier';
import {
  FeedbackStore,
  StoredPost,
  StoredRating,
  StoredReply,
  WriteLimitReached,
} from './FeedbackStore';
import {
  feedbackCsv,
  postView,
  ratingView,
  replyView,
  statsView,
} from './views';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UNTRIAGED_AFTER_DAYS = 14;

/** Too much feedback from one user in a day: answered with 429. */
export class FeedbackLimitError extends CustomErrorBase {
  name = 'FeedbackLimitError' as const;
}

/** A new rating or post, refused with FeedbackLimitError when its author reached the limit. */
async function limited<T>(limit: number, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (!(error instanceof WriteLimitReached)) throw error;
    throw new FeedbackLimitError(
      `You have given ${limit} pieces of feedback in the last 24 hours, the most allowed; try again later`,
    );
  }
}

export type FeedbackServiceOptions = {
  store: FeedbackStore;
  identity: AuthorIdentity;
  /** entity -> product, and the product entities conditions are evaluated on (cached) */
  products: ProductResolver;
  permissions: PermissionsService;
  /** evaluates a conditional decision on a product (the plugin's permission rules) */
  applyConditions: ApplyConditions;
  auditor: AuditorService;
  notifications: NotificationService;
  logger: LoggerService;
  /** ratings and posts per user per 24 hours */
  dailyLimit?: number;
  now?: () => number;
};

/**
 * Feedback on products: every mutation takes the caller from their credentials, checks
 * the permission on the product, validates, writes in one transaction, records an audit
 * event where the issue asks for one, then notifies. The author of anonymous feedback
 * appears in no answer, export, notification or log line.
 */
export class FeedbackService {
  static create(options: FeedbackServiceOptions) {
    return new FeedbackService(options);
  }

  private readonly access: FeedbackAccess;
  private readonly notifier: FeedbackNotifier;
  private readonly now: () => number;

  private constructor(private readonly options: FeedbackServiceOptions) {
    this.access = new FeedbackAccess(options.store, options);
    this.notifier = FeedbackNotifier.create(options);
    this.now = clockOf(options.now);
  }

  private get store() {
    return this.options.store;
  }

  /** The roadmap items that carry these posts: one read, none when no post is carried. */
  private async roadmapItemsOf(posts: StoredPost[]) {
    const ids = posts.flatMap(post =>
      post.roadmapItemId ? [post.roadmapItemId] : [],
    );
    return ids.length ? this.store.roadmapItems(ids) : new Map();
  }

  /** The caller's author hash, or undefined for a service. */
  private viewerHash(credentials: BackstageCredentials) {
    const ref = userRefOf(credentials);
    return ref === undefined ? undefined : this.options.identity.hash(ref);
  }

  async create(input: unknown, ctx: RequestContext): Promise<FeedbackItem> {
    const userRef = requireUser(ctx.credentials);
    const request = parseInput(createFeedbackSchema, input);
    const productRef = await this.options.products.productOf(
      request.entityRef,
      ctx.credentials,
    );
    const { identity } = this.options;
    const authorHash = identity.hash(userRef);
    const now = this.now();
    // the permission first: a denied caller learns nothing, not even that they reached the limit
    await this.access.require(
      productRef,
      feedbackCreatePermission,
      ctx.credentials,
    );
    const limit = this.options.dailyLimit ?? 50;
    const withinLimit = { since: now - DAY, atMost: limit };
    const author = {
      anonymous: request.anonymous,
      authorRef: request.anonymous ? null : userRef,
      authorHash,
    };
    if (request.type === 'rating') {
      const rating: StoredRating = {
        id: randomUUID(),
        productRef,
        entityRef: request.entityRef,
        score: request.score!,
        comment: request.body ?? null,
        createdAt: now,
        ...author,
      };
      await limited(limit, this.store.addRating(rating, withinLimit));
      return ratingView(rating, authorHash);
    }
    const post = await limited(
      limit,
      this.store.addPost(
        {
          id: randomUUID(),
          productRef,
          entityRef: request.entityRef,
          type: request.type,
          title: request.title!,
          body: request.body ?? null,
          // kept encrypted only to address notifications to the anonymous author
          authorRefEncrypted: request.anonymous
            ? identity.encrypt(userRef)
            : null,
          createdAt: now,
          ...author,
        },
        withinLimit,
      ),
    );
    return postView(post, authorHash, false, new Map());
  }

  async list(query: unknown, ctx: RequestContext): Promise<FeedbackList> {
    const q = parseInput(listFeedbackQuerySchema, query);
    await this.options.products.existing(q.productRef);
    const can = await this.access.allowed(
      q.productRef,
      { read: feedbackReadPermission, moderate: feedbackModeratePermission },
      ctx.credentials,
    );
    if (!can.read) throw notAllowed(q.productRef, feedbackReadPermission);
    const viewerHash = this.viewerHash(ctx.credentials);
    if (q.mine && !viewerHash) {
      throw new InputError('mine needs a signed-in user');
    }
    const authorHash = q.mine ? viewerHash : undefined;

    if (q.type === 'rating') {
      const page = await this.store.listRatings({
        productRef: q.productRef,
        q: q.q,
        limit: q.limit,
        cursor: q.cursor,
        authorHash,
      });
      return {
        ...page,
        items: page.items.map(rating => ratingView(rating, viewerHash)),
      };
    }
    const page = await this.store.listPosts({
      productRef: q.productRef,
      type: q.type,
      status: q.status,
      q: q.q,
      sort: q.sort,
      limit: q.limit,
      cursor: q.cursor,
      authorHash,
      includeHidden: can.moderate,
      voterRef: viewerHash ? requireUser(ctx.credentials) : undefined,
    });
    // a vote usually follows a list: it then needs no read of the post
    this.access.remember(page.items);
    const roadmapItems = await this.roadmapItemsOf(page.items);
    return {
      ...page,
      items: page.items.map(post =>
        postView(post, viewerHash, post.votedByMe, roadmapItems),
      ),
    };
  }

  async get(id: string, ctx: RequestContext): Promise<FeedbackItemWithReplies> {
    const viewerHash = this.viewerHash(ctx.credentials);
    const rating = await this.store.getRating(id);
    if (rating) {
      await this.access.require(
        rating.productRef,
        feedbackReadPermission,
        ctx.credentials,
      );
      return { ...ratingView(rating, viewerHash), replies: [] };
    }
    const { post } = await this.access.visiblePost(id, ctx.credentials);
    const [replies, voted, roadmapItems] = await Promise.all([
      this.store.listReplies(id),
      viewerHash
        ? this.store.votedBy([id], requireUser(ctx.credentials))
        : new Set<string>(),
      this.roadmapItemsOf([post]),
    ]);
    return {
      ...postView(post, viewerHash, voted.has(id), roadmapItems),
      replies: replies.map(reply => replyView(reply, viewerHash)),
    };
  }

  async update(
    id: string,
    input: unknown,
    ctx: RequestContext,
  ): Promise<FeedbackItem> {
    const userRef = requireUser(ctx.credentials);
    const viewerHash = this.options.identity.hash(userRef);
    const change = parseInput(updateFeedbackSchema, input);
    const { post, can } = await this.access.visiblePost(id, ctx.credentials);
    const { productRef } = post;

    if (change.status !== undefined) {
      if (!can.respond) throw notAllowed(productRef, feedbackRespondPermission);
      if (change.status === post.status) {
        throw new InputError(`status is already '${post.status}'`);
      }
      if (!canTransition(post.status, change.status)) {
        throw new InputError(
          `status cannot go from '${post.status}' to '${
            change.status
          }'; from '${post.status}' it can go to ${FEEDBACK_TRANSITIONS[
            post.status
          ]
            .map(s => `'${s}'`)
            .join(', ')}`,
        );
      }
      if (change.duplicateOf !== undefined) {
        if (change.duplicateOf === id) {
          throw new InputError(
            'duplicateOf must be another post, not the post itself',
          );
        }
        const original = await this.store.getPost(change.duplicateOf);
        if (!original || original.productRef !== productRef) {
          throw new InputError(
            `duplicateOf '${change.duplicateOf}' is no post of '${productRef}'`,
          );
        }
      }
    }
    if (change.hidden !== undefined && !can.moderate) {
      throw notAllowed(productRef, feedbackModeratePermission);
    }
    if (
      (change.title !== undefined || change.body !== undefined) &&
      viewerHash !== post.authorHash
    ) {
      throw new NotAllowedError('Only the author can edit a post');
    }

    const events: AuditEvent[] = [];
    if (change.status !== undefined) {
      events.push({
        eventId: 'feedback-status-change',
        meta: {
          postId: id,
          productRef,
          from: post.status,
          to: change.status,
          ...(change.duplicateOf && { duplicateOf: change.duplicateOf }),
        },
      });
    }
    if (change.hidden !== undefined) {
      events.push({
        eventId: 'feedback-moderate',
        meta: {
          postId: id,
          productRef,
          action: change.hidden ? 'hide' : 'unhide',
        },
      });
    }
    const updated = await audited(
      this.options.auditor,
      events,
      ctx,
      async () => {
        const result = await this.store.updatePost(id, {
          ...(change.status && {
            status: {
              from: post.status,
              to: change.status,
              duplicateOf: change.duplicateOf,
            },
          }),
          title: change.title,
          body: change.body,
          hidden: change.hidden,
          updatedAt: this.now(),
        });
        if (!result) {
          throw new ConflictError(
            `Feedback post '${id}' changed meanwhile; reload it and try again`,
          );
        }
        return result;
      },
    );

    if (change.status !== undefined) {
      const title = `Your feedback "${updated.title}" is now ${updated.status}`;
      await this.notifier.notifyAuthor(updated, viewerHash, title);
      if (updated.status === 'done') {
        await this.notifier.notifyVoters(
          updated,
          userRef,
          `Feedback you voted for is done: "${updated.title}"`,
        );
      }
    }
    const [voted, roadmapItems] = await Promise.all([
      this.store.votedBy([id], userRef),
      this.roadmapItemsOf([updated]),
    ]);
    return postView(updated, viewerHash, voted.has(id), roadmapItems);
  }

  async reply(
    id: string,
    input: unknown,
    ctx: RequestContext,
  ): Promise<FeedbackReply> {
    const userRef = requireUser(ctx.credentials);
    const viewerHash = this.options.identity.hash(userRef);
    const { body } = parseInput(createReplySchema, input);
    const { post, can } = await this.access.visiblePost(id, ctx.credentials);
    if (!can.respond && !can.create) {
      throw notAllowed(post.productRef, feedbackCreatePermission);
    }
    const byPostAuthor = viewerHash === post.authorHash;
    // the anonymous author stays anonymous in the thread, and an official mark would tell
    const anonymousAuthor = byPostAuthor && post.anonymous;
    const reply: StoredReply = {
      id: randomUUID(),
      postId: id,
      authorRef: anonymousAuthor ? null : userRef,
      authorHash: viewerHash,
      byPostAuthor,
      official: can.respond && !anonymousAuthor,
      body,
      createdAt: this.now(),
    };
    const events = reply.official
      ? [
          {
            eventId: 'feedback-official-reply',
            meta: {
              postId: id,
              productRef: post.productRef,
              replyId: reply.id,
            },
          },
        ]
      : [];
    await audited(this.options.auditor, events, ctx, () =>
      this.store.addReply(reply),
    );
    await this.notifier.notifyAuthor(
      post,
      viewerHash,
      reply.official
        ? `The product team replied to your feedback "${post.title}"`
        : `New reply to your feedback "${post.title}"`,
      body,
    );
    return replyView(reply, viewerHash);
  }

  async deletePost(id: string, ctx: RequestContext): Promise<void> {
    requireUser(ctx.credentials);
    const { post, can } = await this.access.visiblePost(id, ctx.credentials);
    if (!can.moderate) {
      throw notAllowed(post.productRef, feedbackModeratePermission);
    }
    await audited(
      this.options.auditor,
      [
        {
          eventId: 'feedback-moderate',
          meta: { postId: id, productRef: post.productRef, action: 'delete' },
        },
      ],
      ctx,
      () => this.store.deletePost(id),
    );
  }

  async deleteReply(
    id: string,
    replyId: string,
    ctx: RequestContext,
  ): Promise<void> {
    requireUser(ctx.credentials);
    const { post, can } = await this.access.visiblePost(id, ctx.credentials);
    if (!can.moderate) {
      throw notAllowed(post.productRef, feedbackModeratePermission);
    }
    const reply = await this.store.getReply(replyId);
    if (!reply || reply.postId !== id) {
      throw new NotFoundError(`No reply '${replyId}' on feedback post '${id}'`);
    }
    await audited(
      this.options.auditor,
      [
        {
          eventId: 'feedback-moderate',
          meta: {
            postId: id,
            productRef: post.productRef,
            replyId,
            action: 'delete-reply',
          },
        },
      ],
      ctx,
      () => this.store.deleteReply(replyId),
    );
  }

  /** Adds the caller's vote for a post (idempotent). */
  async vote(id: string, ctx: RequestContext): Promise<FeedbackVote> {
    return this.moveVote(id, 1, ctx);
  }

  /** Takes the caller's vote for a post back (idempotent). */
  async unvote(id: string, ctx: RequestContext): Promise<FeedbackVote> {
    return this.moveVote(id, -1, ctx);
  }

  /**
   * Adds (1) or takes back (-1) the caller's vote. When this process knows the post's product
   * (it never changes), the permission decision needs no read of the post, and the vote is one
   * statement that lands only on a post the caller may see. Otherwise, or when that found no
   * post, the post is read first, for the answers every route gives (404, 403).
   */
  private async moveVote(
    id: string,
    sign: 1 | -1,
    ctx: RequestContext,
  ): Promise<FeedbackVote> {
    const voterRef = requireUser(ctx.credentials);
    const move = (includeHidden: boolean) =>
      sign > 0
        ? this.store.addVote(id, voterRef, { includeHidden })
        : this.store.removeVote(id, voterRef, { includeHidden });
    const votedByMe = sign > 0;

    const known = await this.access.knownPost(id, ctx.credentials);
    if (known?.can.read && known.can.create) {
      const voteCount = await move(known.can.moderate);
      if (voteCount !== undefined) return { voteCount, votedByMe };
    }
    const { post, can } = await this.access.visiblePost(id, ctx.credentials);
    if (!can.create) {
      throw notAllowed(post.productRef, feedbackCreatePermission);
    }
    const voteCount = await move(can.moderate);
    // deleted or hidden since it was read
    if (voteCount === undefined) {
      throw new NotFoundError(`No feedback post '${id}'`);
    }
    return { voteCount, votedByMe };
  }

  async stats(query: unknown, ctx: RequestContext): Promise<FeedbackStats> {
    const { productRef, months } = parseInput(feedbackStatsQuerySchema, query);
    await this.options.products.existing(productRef);
    await this.access.require(
      productRef,
      feedbackReadPermission,
      ctx.credentials,
    );
    const now = this.now();
    const window = lastMonths(now, months);
    const [byMonth, metrics] = await Promise.all([
      this.store.npsByMonth(productRef, window),
      this.store.postMetrics(productRef, {
        months: window,
        untriagedBefore: now - UNTRIAGED_AFTER_DAYS * DAY,
      }),
    ]);
    return statsView(productRef, months, byMonth, metrics);
  }

  /** All of a product's feedback as CSV, for the product team; anonymous authors stay blank. */
  async exportCsv(query: unknown, ctx: RequestContext): Promise<string> {
    const { productRef } = parseInput(feedbackExportQuerySchema, query);
    await this.options.products.existing(productRef);
    await this.access.require(
      productRef,
      feedbackRespondPermission,
      ctx.credentials,
    );
    return feedbackCsv(await this.store.exportItems(productRef));
  }
}
