import { AuditorService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ACKNOWLEDGED_ANNOUNCEMENT_TYPES,
  Announcement,
  AnnouncementFields,
  AnnouncementList,
  AnnouncementReach,
  BANNER_ANNOUNCEMENT_TYPES,
  checkAnnouncementFields,
  createAnnouncementSchema,
  listAnnouncementsQuerySchema,
  optionalProductRefQuerySchema,
  platformProductReadPermission,
  updateAnnouncementSchema,
} from '@platform-product/plugin-platform-product-common';
import { randomUUID } from 'node:crypto';
import { audited } from '../shared/audited';
import { notAllowed } from '../shared/authorize';
import { RequestContext, requireUser, userRefOf } from '../shared/caller';
import { clockOf, iso } from '../shared/clock';
import { parseInput } from '../shared/validation';
import {
  AnnouncementAccess,
  AnnouncementPermissions,
} from './AnnouncementAccess';
import { AnnouncementPublisher } from './AnnouncementPublisher';
import { AnnouncementChange, AnnouncementStore } from './AnnouncementStore';
import {
  announcementFields,
  announcementView,
  epoch,
  storedChange,
} from './views';

/** Who is asking, and where: the request goes to the auditor. */
export type AnnouncementContext = RequestContext;

export type AnnouncementServiceOptions = {
  store: AnnouncementStore;
  access: AnnouncementAccess;
  /** delivers a post that is due once written */
  publisher: AnnouncementPublisher;
  auditor: AuditorService;
  now?: () => number;
};

/**
 * Announcements of products and global ones: write, list, read, reach and banners. The
 * caller comes from their credentials, the checks from AnnouncementAccess, the answers from
 * views.ts; a post due on writing is delivered by the publisher. Services (search
 * collators) read published posts.
 */
export class AnnouncementService {
  static create(options: AnnouncementServiceOptions) {
    return new AnnouncementService(options);
  }

  private readonly access: AnnouncementAccess;
  private readonly now: () => number;

  private constructor(private readonly options: AnnouncementServiceOptions) {
    this.access = options.access;
    this.now = clockOf(options.now);
  }

  private get store() {
    return this.options.store;
  }

  async create(
    input: unknown,
    ctx: AnnouncementContext,
  ): Promise<Announcement> {
    const userRef = requireUser(ctx.credentials);
    const request = parseInput(createAnnouncementSchema, input);
    const productRef = request.productRef ?? null;
    if (productRef) await this.access.product(productRef);
    await this.access.manageOrThrow({ productRef }, ctx.credentials);
    const now = this.now();
    this.checkFields(request, request.expiresAt, now);
    if (request.onBehalfOf) {
      await this.access.checkOnBehalfOf(
        request.onBehalfOf,
        userRef,
        ctx.credentials,
      );
    }

    const publishAt = request.draft
      ? epoch(request.publishAt)
      : epoch(request.publishAt) ?? now;
    const due = !request.draft && publishAt !== null && publishAt <= now;
    const id = randomUUID();
    const stored = await this.audited(
      'announcement-create',
      { announcementId: id, productRef: productRef ?? 'global' },
      ctx,
      () =>
        this.store.create({
          ...(storedChange(request) as Required<AnnouncementChange>),
          id,
          productRef,
          authorRef: userRef,
          publishAt,
          publishedAt: due ? now : null,
          createdAt: now,
        }),
    );
    if (due) this.options.publisher.deliverSoon(id);
    return announcementView(stored, true, now);
  }

  async list(
    query: unknown,
    ctx: AnnouncementContext,
  ): Promise<AnnouncementList> {
    const q = parseInput(listAnnouncementsQuerySchema, query);
    if (q.productRef && q.entityRef) {
      throw new InputError('give productRef or entityRef, not both');
    }
    const { credentials } = ctx;
    const viewerRef = userRefOf(credentials);
    const drafts = q.drafts && !!viewerRef;
    const global = !q.productRef && !q.entityRef;
    // the products in scope, readable and (for drafts) editable; undefined: every product
    let readable: string[] | undefined;
    let editable: string[] | undefined;
    let globalManage = false;
    // whether the caller may edit what ends up on the page
    let canOn: (productRefs: string[]) => Promise<AnnouncementPermissions>;
    if (global) {
      ({ readable, editable, globalManage, canOn } =
        await this.access.everyProduct(credentials, { drafts, edits: true }));
    } else {
      const candidates = q.productRef
        ? (await this.access.product(q.productRef), [q.productRef])
        : await this.access.productsOf(q.entityRef!, credentials);
      const can = await this.access.permissionsOn(
        candidates,
        credentials,
        false,
      );
      if (q.productRef && !can.read.has(q.productRef)) {
        throw notAllowed(q.productRef, platformProductReadPermission);
      }
      readable = candidates.filter(ref => can.read.has(ref));
      editable = readable.filter(ref => can.manage.has(ref));
      canOn = async () => can;
    }
    const now = this.now();
    const page = await this.store.list({
      productRefs: readable,
      global,
      type: q.type,
      tag: q.tag,
      q: q.q,
      upcoming: q.upcoming,
      unread: q.unread,
      viewerRef,
      editable: drafts
        ? { productRefs: editable, global: globalManage }
        : undefined,
      now,
      limit: q.limit,
      cursor: q.cursor,
    });
    const can = await canOn([
      ...new Set(
        page.items
          .map(post => post.productRef)
          .filter((ref): ref is string => ref !== null),
      ),
    ]);
    return {
      ...page,
      items: page.items.map(post =>
        announcementView(post, this.access.canManage(post, can), now),
      ),
    };
  }

  async get(id: string, ctx: AnnouncementContext): Promise<Announcement> {
    const { post, canEdit } = await this.access.visible(id, ctx);
    return announcementView(post, canEdit, this.now());
  }

  async update(
    id: string,
    input: unknown,
    ctx: AnnouncementContext,
  ): Promise<Announcement> {
    const userRef = requireUser(ctx.credentials);
    const change = parseInput(updateAnnouncementSchema, input);
    const post = await this.store.get(id);
    if (!post) throw new NotFoundError(`No announcement '${id}'`);
    await this.access.manageOrThrow(post, ctx.credentials);

    const now = this.now();
    const before = announcementFields(post);
    const merged: AnnouncementFields = { ...before, ...change };
    if (post.publishedAt !== null) {
      if (change.draft === true) {
        throw new InputError(
          `draft cannot be set: the post was published at ${iso(
            post.publishedAt,
          )}`,
        );
      }
      if (
        change.publishAt !== undefined &&
        change.publishAt !== before.publishAt
      ) {
        throw new InputError(
          `publishAt cannot change: the post was published at ${iso(
            post.publishedAt,
          )}`,
        );
      }
    }
    this.checkFields(merged, change.expiresAt, now);
    if (change.onBehalfOf && change.onBehalfOf !== post.onBehalfOf) {
      await this.access.checkOnBehalfOf(
        change.onBehalfOf,
        userRef,
        ctx.credentials,
      );
    }

    const stored: AnnouncementChange & { publishedAt?: number } =
      storedChange(change);
    let due = false;
    if (post.publishedAt === null && !merged.draft) {
      const publishAt = epoch(merged.publishAt) ?? now;
      due = publishAt <= now;
      if (merged.publishAt === null) stored.publishAt = publishAt;
      if (due) stored.publishedAt = now;
    }
    const meta = {
      announcementId: id,
      productRef: post.productRef ?? 'global',
    };
    const updated = await this.audited(
      'announcement-update',
      meta,
      ctx,
      async () => {
        const result = await this.store.update(id, stored, post.updatedAt, now);
        if (!result) {
          throw new ConflictError(
            `Announcement '${id}' changed meanwhile; reload it and try again`,
          );
        }
        return result;
      },
    );
    if (due) this.options.publisher.deliverSoon(id);
    const marks = await this.store.get(id, userRef);
    return announcementView(marks ?? updated, true, now);
  }

  async delete(id: string, ctx: AnnouncementContext): Promise<void> {
    requireUser(ctx.credentials);
    const post = await this.store.get(id);
    if (!post) throw new NotFoundError(`No announcement '${id}'`);
    await this.access.manageOrThrow(post, ctx.credentials);
    await this.audited(
      'announcement-delete',
      { announcementId: id, productRef: post.productRef ?? 'global' },
      ctx,
      () => this.store.delete(id),
    );
  }

  async reach(
    id: string,
    ctx: AnnouncementContext,
  ): Promise<AnnouncementReach> {
    requireUser(ctx.credentials);
    const post = await this.store.get(id);
    if (!post) throw new NotFoundError(`No announcement '${id}'`);
    await this.access.manageOrThrow(post, ctx.credentials);
    const reach = await this.store.reach(id);
    return {
      ...reach,
      pendingAcknowledgement: ACKNOWLEDGED_ANNOUNCEMENT_TYPES.includes(
        post.type,
      )
        ? reach.pendingAcknowledgement
        : [],
    };
  }

  /**
   * Pinned maintenance and incident posts, published and unexpired, that the caller has
   * not dismissed: of the product with `productRef`, the global ones without.
   */
  async banners(
    query: unknown,
    ctx: AnnouncementContext,
  ): Promise<Announcement[]> {
    const { productRef } = parseInput(optionalProductRefQuerySchema, query);
    const can = productRef
      ? (await this.access.readableProduct(productRef, ctx.credentials)).can
      : await this.access.permissionsOn([], ctx.credentials, true);
    const now = this.now();
    const posts = await this.store.banners({
      productRef: productRef ?? null,
      types: BANNER_ANNOUNCEMENT_TYPES,
      viewerRef: userRefOf(ctx.credentials),
      now,
    });
    return posts.map(post =>
      announcementView(post, this.access.canManage(post, can), now),
    );
  }

  /** The rules across fields; a new expiry must lie ahead (an expired post may be edited otherwise). */
  private checkFields(
    fields: AnnouncementFields,
    newExpiresAt: string | null | undefined,
    now: number,
  ) {
    const problems = checkAnnouncementFields(fields);
    if (newExpiresAt && Date.parse(newExpiresAt) <= now) {
      problems.push([
        'expiresAt',
        `must be in the future, got ${newExpiresAt}`,
      ]);
    }
    if (problems.length) {
      throw new InputError(
        problems.map(([field, message]) => `${field} ${message}`).join('; '),
      );
    }
  }

  /** Runs the write between an audit event's start and its success or failure. */
  private async audited<T>(
    eventId: string,
    meta: Record<string, string>,
    ctx: AnnouncementContext,
    write: () => Promise<T>,
  ): Promise<T> {
    return audited(this.options.auditor, { eventId, meta }, ctx, write);
  }
}
