import {
  AuditorService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  CustomErrorBase,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  canTransition,
  computeNps,
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
import { Request } from 'express';
import { allowedOnProduct, ApplyConditions } from '../shared/authorize';
import { parseInput } from '../shared/validation';
import { AuthorIdentity } from './AuthorIdentity';
import { toCsv } from './csv';
import {
  FeedbackStore,
  StoredPost,
  StoredRating,
  StoredReply,
} from './FeedbackStore';
import { ProductResolver } from '../shared/ProductResolver';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UNTRIAGED_AFTER_DAYS = 14;

/** Too much feedback from one user in a day: answered with 429. */
export class FeedbackLimitError extends CustomErrorBase {
  name = 'FeedbackLimitError' as const;
}

type AuditEvent = { eventId: string; meta: Record<string, string> };

/** Who is asking, and where: the request goes to the auditor. */
export interface FeedbackContext {
  credentials: BackstageCredentials;
  request?: Request;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
const iso = (time: number) => new Date(time).toISOString();

/** Where the frontend shows a post: the Feedback tab of the product's page. */
export function postLink(productRef: string, postId: string): string {
  const { namespace, name } = parseEntityRef(productRef);
  return `/catalog/${namespace}/platformproduct/${name}/feedback?post=${encodeURIComponent(
    postId,
  )}`;
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

  private constructor(private readonly options: FeedbackServiceOptions) {}

  private get store() {
    return this.options.store;
  }

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  /**
   * The signed-in user's entity ref, straight from their verified credentials: no round
   * trip to the user-info service, which only adds ownership refs we don't need here.
   */
  private async userRef(credentials: BackstageCredentials): Promise<string> {
    const principal = credentials.principal as {
      type?: string;
      userEntityRef?: string;
    };
    if (principal.type !== 'user' || !principal.userEntityRef) {
      throw new NotAllowedError('Only a signed-in user can do this');
    }
    return lower(principal.userEntityRef);
  }

  /** The caller's author hash, or undefined for a service. */
  private async viewerHash(credentials: BackstageCredentials) {
    if ((credentials.principal as { type?: string }).type === 'user') {
      return this.options.identity.hash(await this.userRef(credentials));
    }
    return undefined;
  }

  /** Several permissions on one product in one round trip (see allowedOnProduct). */
  private allowed<T extends string>(
    productRef: string,
    permissions: Record<T, ResourcePermission<'platform-product'>>,
    credentials: BackstageCredentials,
  ): Promise<Record<T, boolean>> {
    return allowedOnProduct(this.options, productRef, permissions, credentials);
  }

  /** Throws a 403 unless the caller has the permission on the product. */
  private async require(
    productRef: string,
    permission: ResourcePermission<'platform-product'>,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const { granted } = await this.allowed(
      productRef,
      { granted: permission },
      credentials,
    );
    if (!granted) throw this.denied(productRef, permission);
  }

  private denied(
    productRef: string,
    permission: ResourcePermission<'platform-product'>,
  ) {
    return new NotAllowedError(
      `You are not allowed to ${permission.attributes.action} '${productRef}' (${permission.name})`,
    );
  }

  private postView(
    post: StoredPost,
    viewerHash: string | undefined,
    votedByMe = false,
  ): FeedbackItem {
    return {
      id: post.id,
      productRef: post.productRef,
      entityRef: post.entityRef,
      type: post.type,
      score: null,
      title: post.title,
      body: post.body,
      status: post.status,
      duplicateOf: post.duplicateOf,
      anonymous: post.anonymous,
      author: post.anonymous ? null : post.authorRef,
      mine: viewerHash === post.authorHash,
      voteCount: post.voteCount,
      votedByMe,
      replyCount: post.replyCount,
      hasOfficialReply: post.firstTeamReplyAt !== null,
      hidden: post.hidden,
      createdAt: iso(post.createdAt),
      updatedAt: iso(post.updatedAt),
    };
  }

  private ratingView(
    rating: StoredRating,
    viewerHash: string | undefined,
  ): FeedbackItem {
    return {
      id: rating.id,
      productRef: rating.productRef,
      entityRef: rating.entityRef,
      type: 'rating',
      score: rating.score,
      title: null,
      body: rating.comment,
      status: null,
      duplicateOf: null,
      anonymous: rating.anonymous,
      author: rating.anonymous ? null : rating.authorRef,
      mine: viewerHash === rating.authorHash,
      voteCount: 0,
      votedByMe: false,
      replyCount: 0,
      hasOfficialReply: false,
      hidden: false,
      createdAt: iso(rating.createdAt),
      updatedAt: iso(rating.createdAt),
    };
  }

  private replyView(
    reply: StoredReply,
    viewerHash: string | undefined,
  ): FeedbackReply {
    return {
      id: reply.id,
      postId: reply.postId,
      author: reply.authorRef,
      byPostAuthor: reply.byPostAuthor,
      official: reply.official,
      mine: viewerHash === reply.authorHash,
      body: reply.body,
      createdAt: iso(reply.createdAt),
    };
  }

  async create(input: unknown, ctx: FeedbackContext): Promise<FeedbackItem> {
    const userRef = await this.userRef(ctx.credentials);
    const request = parseInput(createFeedbackSchema, input);
    const productRef = await this.options.products.productOf(
      request.entityRef,
      ctx.credentials,
    );
    const { identity } = this.options;
    const authorHash = identity.hash(userRef);
    const now = this.now();
    const limit = this.options.dailyLimit ?? 50;
    // the permission round trip and the count overlap; a denied caller learns nothing
    const [, recent] = await Promise.all([
      this.require(productRef, feedbackCreatePermission, ctx.credentials),
      this.store.countByAuthorSince(authorHash, now - DAY, limit),
    ]);
    if (recent >= limit) {
      throw new FeedbackLimitError(
        `You have given ${limit} pieces of feedback in the last 24 hours, the most allowed; try again later`,
      );
    }

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
      await this.store.addRating(rating);
      return this.ratingView(rating, authorHash);
    }
    const post = await this.store.addPost({
      id: randomUUID(),
      productRef,
      entityRef: request.entityRef,
      type: request.type,
      title: request.title!,
      body: request.body ?? null,
      // kept encrypted only to address notifications to the anonymous author
      authorRefEncrypted: request.anonymous ? identity.encrypt(userRef) : null,
      createdAt: now,
      ...author,
    });
    return this.postView(post, authorHash);
  }

  async list(query: unknown, ctx: FeedbackContext): Promise<FeedbackList> {
    const q = parseInput(listFeedbackQuerySchema, query);
    const can = await this.allowed(
      q.productRef,
      { read: feedbackReadPermission, moderate: feedbackModeratePermission },
      ctx.credentials,
    );
    if (!can.read) throw this.denied(q.productRef, feedbackReadPermission);
    const viewerHash = await this.viewerHash(ctx.credentials);
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
        items: page.items.map(rating => this.ratingView(rating, viewerHash)),
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
      voterRef: viewerHash ? await this.userRef(ctx.credentials) : undefined,
    });
    return {
      ...page,
      items: page.items.map(post =>
        this.postView(post, viewerHash, post.votedByMe),
      ),
    };
  }

  /** A visible post the caller may read, with what else they may do on its product. */
  private async visiblePost(id: string, ctx: FeedbackContext) {
    const post = await this.store.getPost(id);
    if (!post) {
      if (await this.store.getRating(id)) {
        throw new InputError(
          `'${id}' is a rating: only posts have a status, replies and votes`,
        );
      }
      throw new NotFoundError(`No feedback post '${id}'`);
    }
    const can = await this.allowed(
      post.productRef,
      {
        read: feedbackReadPermission,
        create: feedbackCreatePermission,
        respond: feedbackRespondPermission,
        moderate: feedbackModeratePermission,
      },
      ctx.credentials,
    );
    if (!can.read) throw this.denied(post.productRef, feedbackReadPermission);
    if (post.hidden && !can.moderate) {
      throw new NotFoundError(`No feedback post '${id}'`);
    }
    return { post, can };
  }

  async get(
    id: string,
    ctx: FeedbackContext,
  ): Promise<FeedbackItemWithReplies> {
    const viewerHash = await this.viewerHash(ctx.credentials);
    const rating = await this.store.getRating(id);
    if (rating) {
      await this.require(
        rating.productRef,
        feedbackReadPermission,
        ctx.credentials,
      );
      return { ...this.ratingView(rating, viewerHash), replies: [] };
    }
    const { post } = await this.visiblePost(id, ctx);
    const [replies, voted] = await Promise.all([
      this.store.listReplies(id),
      viewerHash
        ? this.store.votedBy([id], await this.userRef(ctx.credentials))
        : new Set<string>(),
    ]);
    return {
      ...this.postView(post, viewerHash, voted.has(id)),
      replies: replies.map(reply => this.replyView(reply, viewerHash)),
    };
  }

  async update(
    id: string,
    input: unknown,
    ctx: FeedbackContext,
  ): Promise<FeedbackItem> {
    const userRef = await this.userRef(ctx.credentials);
    const viewerHash = this.options.identity.hash(userRef);
    const change = parseInput(updateFeedbackSchema, input);
    const { post, can } = await this.visiblePost(id, ctx);
    const { productRef } = post;

    if (change.status !== undefined) {
      if (!can.respond)
        throw this.denied(productRef, feedbackRespondPermission);
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
      throw this.denied(productRef, feedbackModeratePermission);
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
    const updated = await this.audited(events, ctx, async () => {
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
    });

    if (change.status !== undefined) {
      const title = `Your feedback "${updated.title}" is now ${updated.status}`;
      await this.notifyAuthor(updated, viewerHash, title);
      if (updated.status === 'done') {
        await this.notifyVoters(
          updated,
          userRef,
          `Feedback you voted for is done: "${updated.title}"`,
        );
      }
    }
    const voted = await this.store.votedBy([id], userRef);
    return this.postView(updated, viewerHash, voted.has(id));
  }

  async reply(
    id: string,
    input: unknown,
    ctx: FeedbackContext,
  ): Promise<FeedbackReply> {
    const userRef = await this.userRef(ctx.credentials);
    const viewerHash = this.options.identity.hash(userRef);
    const { body } = parseInput(createReplySchema, input);
    const { post, can } = await this.visiblePost(id, ctx);
    if (!can.respond && !can.create) {
      throw this.denied(post.productRef, feedbackCreatePermission);
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
    await this.audited(events, ctx, () => this.store.addReply(reply));
    await this.notifyAuthor(
      post,
      viewerHash,
      reply.official
        ? `The product team replied to your feedback "${post.title}"`
        : `New reply to your feedback "${post.title}"`,
      body,
    );
    return this.replyView(reply, viewerHash);
  }

  async deletePost(id: string, ctx: FeedbackContext): Promise<void> {
    await this.userRef(ctx.credentials);
    const { post, can } = await this.visiblePost(id, ctx);
    if (!can.moderate) {
      throw this.denied(post.productRef, feedbackModeratePermission);
    }
    await this.audited(
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
    ctx: FeedbackContext,
  ): Promise<void> {
    await this.userRef(ctx.credentials);
    const { post, can } = await this.visiblePost(id, ctx);
    if (!can.moderate) {
      throw this.denied(post.productRef, feedbackModeratePermission);
    }
    const reply = await this.store.getReply(replyId);
    if (!reply || reply.postId !== id) {
      throw new NotFoundError(`No reply '${replyId}' on feedback post '${id}'`);
    }
    await this.audited(
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

  async vote(
    id: string,
    voted: boolean,
    ctx: FeedbackContext,
  ): Promise<FeedbackVote> {
    const userRef = await this.userRef(ctx.credentials);
    const { post, can } = await this.visiblePost(id, ctx);
    if (!can.create) {
      throw this.denied(post.productRef, feedbackCreatePermission);
    }
    const voteCount = await this.store.setVote(id, userRef, voted);
    return { voteCount, votedByMe: voted };
  }

  async stats(query: unknown, ctx: FeedbackContext): Promise<FeedbackStats> {
    const { productRef, months } = parseInput(feedbackStatsQuerySchema, query);
    await this.require(productRef, feedbackReadPermission, ctx.credentials);
    const now = this.now();
    const window = lastMonths(now, months);
    const [byMonth, metrics] = await Promise.all([
      this.store.npsByMonth(productRef, window),
      this.store.postMetrics(productRef, {
        months: window,
        untriagedBefore: now - UNTRIAGED_AFTER_DAYS * DAY,
      }),
    ]);
    const totals = byMonth.reduce(
      (sum, month) => ({
        promoters: sum.promoters + month.promoters,
        passives: sum.passives + month.passives,
        detractors: sum.detractors + month.detractors,
      }),
      { promoters: 0, passives: 0, detractors: 0 },
    );
    return {
      productRef,
      months,
      nps: computeNps(totals),
      responses: totals.promoters + totals.passives + totals.detractors,
      ...totals,
      trend: byMonth.map(month => ({
        month: month.month,
        nps: computeNps(month),
        responses: month.promoters + month.passives + month.detractors,
      })),
      medianFirstResponseHours:
        metrics.medianFirstResponseMs === null
          ? null
          : Math.round((metrics.medianFirstResponseMs / HOUR) * 10) / 10,
      untriagedOver14Days: metrics.untriaged,
      replyRate: metrics.posts
        ? Math.round((metrics.postsWithTeamReply / metrics.posts) * 1000) / 1000
        : null,
    };
  }

  /** All of a product's feedback as CSV, for the product team; anonymous authors stay blank. */
  async exportCsv(query: unknown, ctx: FeedbackContext): Promise<string> {
    const { productRef } = parseInput(feedbackExportQuerySchema, query);
    await this.require(productRef, feedbackRespondPermission, ctx.credentials);
    const { ratings, posts } = await this.store.exportItems(productRef);
    const author = (item: { anonymous: boolean; authorRef: string | null }) =>
      item.anonymous ? 'anonymous' : item.authorRef;
    return toCsv(
      [
        'id',
        'type',
        'created_at',
        'entity_ref',
        'author',
        'score',
        'title',
        'body',
        'status',
        'duplicate_of',
        'votes',
        'replies',
        'hidden',
      ],
      [
        ...ratings.map(r => [
          r.id,
          'rating',
          iso(r.createdAt),
          r.entityRef,
          author(r),
          r.score,
          null,
          r.comment,
          null,
          null,
          null,
          null,
          null,
        ]),
        ...posts.map(p => [
          p.id,
          p.type,
          iso(p.createdAt),
          p.entityRef,
          author(p),
          null,
          p.title,
          p.body,
          p.status,
          p.duplicateOf,
          p.voteCount,
          p.replyCount,
          p.hidden,
        ]),
      ],
    );
  }

  /** Runs the write between an audit event's start and its success or failure. */
  private async audited<T>(
    events: AuditEvent[],
    ctx: FeedbackContext,
    write: () => Promise<T>,
  ): Promise<T> {
    const started = await Promise.all(
      events.map(event =>
        this.options.auditor.createEvent({
          eventId: event.eventId,
          severityLevel: 'medium',
          request: ctx.request,
          meta: event.meta,
        }),
      ),
    );
    try {
      const result = await write();
      await Promise.all(started.map(event => event.success()));
      return result;
    } catch (error) {
      await Promise.all(
        started.map(event => event.fail({ error: error as Error })),
      );
      throw error;
    }
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

  /** Tells the post's author, unless the actor is the author; anonymous authors through their encrypted ref. */
  private async notifyAuthor(
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

  private async notifyVoters(
    post: StoredPost,
    actorRef: string,
    title: string,
  ) {
    const { identity } = this.options;
    const voters = (await this.store.listVoters(post.id)).filter(
      voter => voter !== actorRef && identity.hash(voter) !== post.authorHash,
    );
    await this.send(post, voters, title);
  }
}
