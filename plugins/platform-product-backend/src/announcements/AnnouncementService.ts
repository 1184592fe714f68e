import {
  AuditorService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_CONSUMES_API,
  RELATION_DEPENDS_ON,
  RELATION_MEMBER_OF,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  ACKNOWLEDGED_ANNOUNCEMENT_TYPES,
  Announcement,
  AnnouncementFields,
  announcementGlobalManagePermission,
  AnnouncementList,
  announcementManagePermission,
  AnnouncementReach,
  AnnouncementState,
  BANNER_ANNOUNCEMENT_TYPES,
  checkAnnouncementFields,
  createAnnouncementSchema,
  isPlatformProductEntity,
  listAnnouncementsQuerySchema,
  optionalProductRefQuerySchema,
  platformProductReadPermission,
  ProductFollow,
  productRefQuerySchema,
  updateAnnouncementSchema,
} from '@platform-product/plugin-platform-product-common';
import { randomUUID } from 'node:crypto';
import { audited } from '../shared/audited';
import {
  allowedOnProducts,
  allowedWhere,
  ApplyConditions,
  decisionsOn,
  notAllowed,
} from '../shared/authorize';
import {
  lower,
  RequestContext,
  requireUser,
  userRefOf,
} from '../shared/caller';
import { iso } from '../shared/clock';
import { ProductResolver } from '../shared/ProductResolver';
import { parseInput } from '../shared/validation';
import {
  announcementLink,
  AnnouncementPublisher,
} from './AnnouncementPublisher';
import {
  AnnouncementChange,
  AnnouncementStore,
  AnnouncementWithMarks,
  StoredAnnouncement,
} from './AnnouncementStore';
import { toAtom } from './atom';
import { toIcs } from './ics';

/** Who is asking, and where: the request goes to the auditor. */
export type AnnouncementContext = RequestContext;

const FEED_SIZE = 50;

const refOf = (entity: Entity) => lower(stringifyEntityRef(entity));
const epoch = (value: string | null) =>
  value === null ? null : Date.parse(value);

/** What the caller may do on the products in question, from one permission round trip. */
interface Permissions {
  read: Set<string>;
  manage: Set<string>;
  globalManage: boolean;
}

export type AnnouncementServiceOptions = {
  store: AnnouncementStore;
  publisher: AnnouncementPublisher;
  catalog: CatalogService;
  /** the product entities, cached; conditional decisions are evaluated on them */
  products: ProductResolver;
  permissions: PermissionsService;
  /** evaluates a conditional decision on a product (the plugin's permission rules) */
  applyConditions: ApplyConditions;
  auditor: AuditorService;
  logger: LoggerService;
  /** app.baseUrl, for the links of the feed and calendar entries */
  appBaseUrl: string;
  /** the plugin's own external url, for the feed's self link */
  backendBaseUrl: string;
  now?: () => number;
};

/**
 * Announcements of products and global ones. The caller comes from their credentials;
 * product posts are read with `platform-product.product.read` on the product and
 * managed with `platform-product.announcement.manage` on it (the policy decides, e.g.
 * conditionally for the PM and owning team); global posts are managed with
 * `platform-product.announcement.global.manage`. Services (search collators) read
 * published posts.
 */
export class AnnouncementService {
  static create(options: AnnouncementServiceOptions) {
    return new AnnouncementService(options);
  }

  private constructor(private readonly options: AnnouncementServiceOptions) {}

  private get store() {
    return this.options.store;
  }

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  /**
   * The product from the catalog (through the cache, as the permission conditions see it);
   * 404 when it is no PlatformProduct.
   */
  private async product(productRef: string) {
    const entity = await this.options.products.product(productRef);
    if (!entity) {
      throw new NotFoundError(
        `No PlatformProduct '${productRef}' in the catalog`,
      );
    }
    return entity;
  }

  /**
   * Read and manage decisions on these products (and global manage when `withGlobal`):
   * one `authorizeConditional` whose conditions are evaluated here on the cached products,
   * and the global permission beside it.
   */
  private async permissionsOn(
    productRefs: string[],
    credentials: BackstageCredentials,
    withGlobal: boolean,
  ): Promise<Permissions> {
    // services read, never edit
    const user = !!userRefOf(credentials);
    const asked: Record<string, ResourcePermission<'platform-product'>> = {
      read: platformProductReadPermission,
    };
    if (user) asked.manage = announcementManagePermission;
    const [can, globalManage] = await Promise.all([
      productRefs.length
        ? allowedOnProducts(this.options, productRefs, asked, credentials)
        : undefined,
      user && withGlobal ? this.globalManage(credentials) : false,
    ]);
    return {
      read: can?.read ?? new Set(),
      manage: can?.manage ?? new Set(),
      globalManage,
    };
  }

  private async globalManage(credentials: BackstageCredentials) {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: announcementGlobalManagePermission }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  private canRead(post: StoredAnnouncement, can: Permissions) {
    return post.productRef === null || can.read.has(post.productRef);
  }

  private canManage(post: { productRef: string | null }, can: Permissions) {
    return post.productRef === null
      ? can.globalManage
      : can.manage.has(post.productRef);
  }

  private state(post: StoredAnnouncement, now: number): AnnouncementState {
    if (post.publishedAt === null) return post.draft ? 'draft' : 'scheduled';
    if (post.expiresAt !== null && post.expiresAt <= now) return 'expired';
    return 'published';
  }

  private view(
    post: AnnouncementWithMarks | StoredAnnouncement,
    canEdit: boolean,
    now: number,
  ): Announcement {
    const marks = post as Partial<AnnouncementWithMarks>;
    return {
      id: post.id,
      productRef: post.productRef,
      type: post.type,
      title: post.title,
      summary: post.summary,
      body: post.body,
      tags: post.tags,
      pinned: post.pinned,
      author: post.authorRef,
      onBehalfOf: post.onBehalfOf,
      state: this.state(post, now),
      publishAt: iso(post.publishAt),
      publishedAt: iso(post.publishedAt),
      expiresAt: iso(post.expiresAt),
      effectiveAt: iso(post.effectiveAt),
      event: post.event && {
        kind: post.event.kind,
        start: iso(post.event.start)!,
        end: iso(post.event.end)!,
        ...(post.event.location !== null && {
          location: post.event.location,
        }),
      },
      requiresAcknowledgement: ACKNOWLEDGED_ANNOUNCEMENT_TYPES.includes(
        post.type,
      ),
      readByMe: !!marks.readAt,
      acknowledgedByMe: !!marks.acknowledgedAt,
      canEdit,
      createdAt: iso(post.createdAt)!,
      updatedAt: iso(post.updatedAt)!,
    };
  }

  private fields(post: StoredAnnouncement): AnnouncementFields {
    return {
      type: post.type,
      title: post.title,
      summary: post.summary,
      body: post.body,
      tags: post.tags,
      pinned: post.pinned,
      onBehalfOf: post.onBehalfOf,
      publishAt: iso(post.publishAt),
      expiresAt: iso(post.expiresAt),
      effectiveAt: iso(post.effectiveAt),
      event: post.event && {
        kind: post.event.kind,
        start: iso(post.event.start)!,
        end: iso(post.event.end)!,
        location: post.event.location ?? undefined,
      },
      draft: post.draft,
    };
  }

  private storedFields(
    fields: Partial<AnnouncementFields>,
  ): AnnouncementChange {
    const change: AnnouncementChange = {
      type: fields.type,
      title: fields.title,
      summary: fields.summary,
      body: fields.body,
      tags: fields.tags,
      pinned: fields.pinned,
      draft: fields.draft,
      onBehalfOf: fields.onBehalfOf,
    };
    if (fields.publishAt !== undefined) {
      change.publishAt = epoch(fields.publishAt);
    }
    if (fields.expiresAt !== undefined) {
      change.expiresAt = epoch(fields.expiresAt);
    }
    if (fields.effectiveAt !== undefined) {
      change.effectiveAt = epoch(fields.effectiveAt);
    }
    if (fields.event !== undefined) {
      change.event = fields.event && {
        kind: fields.event.kind,
        start: Date.parse(fields.event.start),
        end: Date.parse(fields.event.end),
        location: fields.event.location ?? null,
      };
    }
    return change;
  }

  /** onBehalfOf must be a group the caller is a member of (their memberOf relations in the catalog). */
  private async checkOnBehalfOf(
    group: string,
    userRef: string,
    credentials: BackstageCredentials,
  ) {
    if (parseEntityRef(group).kind !== 'group') {
      throw new InputError(
        `onBehalfOf must be a group, like 'group:default/platform-team', got '${group}'`,
      );
    }
    const user = await this.options.catalog.getEntityByRef(userRef, {
      credentials,
    });
    const groups = (user?.relations ?? [])
      .filter(relation => relation.type === RELATION_MEMBER_OF)
      .map(relation => lower(relation.targetRef));
    if (!groups.includes(group)) {
      throw new NotAllowedError(
        `onBehalfOf '${group}' is not a group you are a member of`,
      );
    }
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

  private async manageOrThrow(
    post: { productRef: string | null },
    credentials: BackstageCredentials,
  ) {
    const can = await this.permissionsOn(
      post.productRef ? [post.productRef] : [],
      credentials,
      !post.productRef,
    );
    if (!this.canManage(post, can)) {
      throw post.productRef
        ? new NotAllowedError(
            `You are not allowed to manage the announcements of '${post.productRef}' (${announcementManagePermission.name})`,
          )
        : new NotAllowedError(
            `You are not allowed to manage global announcements (${announcementGlobalManagePermission.name})`,
          );
    }
    return can;
  }

  async create(
    input: unknown,
    ctx: AnnouncementContext,
  ): Promise<Announcement> {
    const userRef = requireUser(ctx.credentials);
    const request = parseInput(createAnnouncementSchema, input);
    const productRef = request.productRef ?? null;
    if (productRef) await this.product(productRef);
    await this.manageOrThrow({ productRef }, ctx.credentials);
    const now = this.now();
    this.checkFields(request, request.expiresAt, now);
    if (request.onBehalfOf) {
      await this.checkOnBehalfOf(request.onBehalfOf, userRef, ctx.credentials);
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
          ...(this.storedFields(request) as Required<AnnouncementChange>),
          id,
          productRef,
          authorRef: userRef,
          publishAt,
          publishedAt: due ? now : null,
          createdAt: now,
        }),
    );
    if (due) this.deliverInBackground(id);
    return this.view(stored, true, now);
  }

  /**
   * Starts the delivery without waiting for it: to thousands of recipients it takes longer
   * than a request may. A failure, or a process that dies meanwhile, is left to the publish
   * task: it takes over the unfinished delivery once its claim timed out and resumes it.
   */
  private deliverInBackground(id: string) {
    this.options.publisher.deliver(id).catch(error => {
      this.options.logger.warn(
        `Could not deliver announcement ${id} now, the publish task will retry: ${error}`,
      );
    });
  }

  /** The products an entity is part of or uses (dependsOn / consumesApi, directly or through a part). */
  private async productsOf(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const { catalog } = this.options;
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity '${entityRef}' in the catalog`);
    }
    if (isPlatformProductEntity(entity)) return [refOf(entity)];
    const targets = (types: string[], of: Entity) =>
      (of.relations ?? [])
        .filter(relation => types.includes(relation.type))
        .map(relation => lower(relation.targetRef));
    const products = new Set<string>();
    const addProducts = (refs: string[]) =>
      refs
        .filter(ref => ref.startsWith('platformproduct:'))
        .forEach(ref => products.add(ref));
    addProducts(targets([RELATION_PART_OF], entity));
    const used = [
      ...new Set(targets([RELATION_DEPENDS_ON, RELATION_CONSUMES_API], entity)),
    ];
    addProducts(used);
    const usedParts = used.filter(ref => !ref.startsWith('platformproduct:'));
    if (usedParts.length) {
      const { items } = await catalog.getEntitiesByRefs(
        {
          entityRefs: usedParts,
          fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
        },
        { credentials },
      );
      for (const part of items) {
        if (part) addProducts(targets([RELATION_PART_OF], part));
      }
    }
    return [...products].sort();
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
    let canOn: (productRefs: string[]) => Promise<Permissions>;
    if (global) {
      ({ readable, editable, globalManage, canOn } = await this.everyProduct(
        credentials,
        { drafts, edits: true },
      ));
    } else {
      const candidates = q.productRef
        ? (await this.product(q.productRef), [q.productRef])
        : await this.productsOf(q.entityRef!, credentials);
      const can = await this.permissionsOn(candidates, credentials, false);
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
        this.view(post, this.canManage(post, can), now),
      ),
    };
  }

  /**
   * "Every product" for this caller, from one conditional decision on read and manage (and
   * the global manage permission beside it). When read (and, for drafts, manage) is decided
   * outright, no product needs listing: all of them or none. A conditional decision is
   * evaluated on each product with posts, and later on the products of the page.
   */
  private async everyProduct(
    credentials: BackstageCredentials,
    { drafts, edits }: { drafts: boolean; edits: boolean },
  ): Promise<{
    readable?: string[];
    editable?: string[];
    globalManage: boolean;
    canOn: (productRefs: string[]) => Promise<Permissions>;
  }> {
    // services read, never edit
    const asksManage = !!userRefOf(credentials) && (edits || drafts);
    const asked: Record<string, ResourcePermission<'platform-product'>> = {
      read: platformProductReadPermission,
    };
    if (asksManage) asked.manage = announcementManagePermission;
    const [decided, globalManage] = await Promise.all([
      decisionsOn(this.options, asked, credentials),
      asksManage ? this.globalManage(credentials) : false,
    ]);
    const canOn = async (productRefs: string[]): Promise<Permissions> => {
      const allowed = await allowedWhere(this.options, decided, productRefs);
      return {
        read: allowed.read,
        manage: allowed.manage ?? new Set(),
        globalManage,
      };
    };
    const { read, manage } = decided;
    const outright = (decision: PolicyDecision | undefined) =>
      decision?.result !== AuthorizeResult.CONDITIONAL;
    if (outright(read) && (!drafts || outright(manage))) {
      const allRead = read.result === AuthorizeResult.ALLOW;
      const allManaged = allRead && manage?.result === AuthorizeResult.ALLOW;
      return {
        readable: allRead ? undefined : [],
        editable: allManaged ? undefined : [],
        globalManage,
        canOn,
      };
    }
    const candidates = await this.store.productRefsWithPosts(drafts);
    const can = await canOn(candidates);
    const readable = candidates.filter(ref => can.read.has(ref));
    return {
      readable,
      editable: readable.filter(ref => can.manage.has(ref)),
      globalManage,
      canOn,
    };
  }

  /** A post the caller may see: published for readers, any state for its editors. */
  private async visible(id: string, ctx: AnnouncementContext) {
    const post = await this.store.get(id, userRefOf(ctx.credentials));
    if (!post) throw new NotFoundError(`No announcement '${id}'`);
    const can = await this.permissionsOn(
      post.productRef ? [post.productRef] : [],
      ctx.credentials,
      !post.productRef,
    );
    if (!this.canRead(post, can)) {
      throw notAllowed(post.productRef!, platformProductReadPermission);
    }
    const canEdit = this.canManage(post, can);
    if (post.publishedAt === null && !canEdit) {
      throw new NotFoundError(`No announcement '${id}'`);
    }
    return { post, canEdit };
  }

  async get(id: string, ctx: AnnouncementContext): Promise<Announcement> {
    const { post, canEdit } = await this.visible(id, ctx);
    return this.view(post, canEdit, this.now());
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
    await this.manageOrThrow(post, ctx.credentials);

    const now = this.now();
    const before = this.fields(post);
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
      await this.checkOnBehalfOf(change.onBehalfOf, userRef, ctx.credentials);
    }

    const stored: AnnouncementChange & { publishedAt?: number } =
      this.storedFields(change);
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
    if (due) this.deliverInBackground(id);
    const marks = await this.store.get(id, userRef);
    return this.view(marks ?? updated, true, now);
  }

  async delete(id: string, ctx: AnnouncementContext): Promise<void> {
    requireUser(ctx.credentials);
    const post = await this.store.get(id);
    if (!post) throw new NotFoundError(`No announcement '${id}'`);
    await this.manageOrThrow(post, ctx.credentials);
    await this.audited(
      'announcement-delete',
      { announcementId: id, productRef: post.productRef ?? 'global' },
      ctx,
      () => this.store.delete(id),
    );
  }

  /** Marks a published post read (and acknowledged, for deprecations) by the caller. */
  async markRead(
    id: string,
    acknowledge: boolean,
    ctx: AnnouncementContext,
  ): Promise<Announcement> {
    const userRef = requireUser(ctx.credentials);
    const { post, canEdit } = await this.visible(id, ctx);
    if (post.publishedAt === null) {
      throw new InputError(`Announcement '${id}' is not published yet`);
    }
    if (acknowledge && !ACKNOWLEDGED_ANNOUNCEMENT_TYPES.includes(post.type)) {
      throw new InputError(
        `Announcement '${id}' is a ${
          post.type
        }: only ${ACKNOWLEDGED_ANNOUNCEMENT_TYPES.join(
          ', ',
        )} posts ask for an acknowledgement`,
      );
    }
    const now = this.now();
    await this.store.markRead(id, userRef, now, acknowledge);
    const marked = await this.store.get(id, userRef);
    return this.view(marked ?? post, canEdit, now);
  }

  async dismiss(id: string, ctx: AnnouncementContext): Promise<void> {
    const userRef = requireUser(ctx.credentials);
    const { post } = await this.visible(id, ctx);
    if (!BANNER_ANNOUNCEMENT_TYPES.includes(post.type) || !post.pinned) {
      throw new InputError(
        `Announcement '${id}' is no banner: only pinned ${BANNER_ANNOUNCEMENT_TYPES.join(
          ' and ',
        )} posts show as banners`,
      );
    }
    await this.store.dismiss(id, userRef, this.now());
  }

  async reach(
    id: string,
    ctx: AnnouncementContext,
  ): Promise<AnnouncementReach> {
    requireUser(ctx.credentials);
    const post = await this.store.get(id);
    if (!post) throw new NotFoundError(`No announcement '${id}'`);
    await this.manageOrThrow(post, ctx.credentials);
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

  /** GET (following undefined), PUT (true) or DELETE (false) the caller's follow of a product. */
  async follow(
    query: unknown,
    following: boolean | undefined,
    ctx: AnnouncementContext,
  ): Promise<ProductFollow> {
    const userRef =
      following === undefined
        ? userRefOf(ctx.credentials)
        : requireUser(ctx.credentials);
    const { productRef } = parseInput(productRefQuerySchema, query);
    await this.readableProduct(productRef, ctx.credentials);
    if (following !== undefined) {
      await this.store.setFollow(productRef, userRef!, following, this.now());
    }
    return { productRef, ...(await this.store.follow(productRef, userRef)) };
  }

  /** 404 for no product, 403 when the caller may not read it. */
  private async readableProduct(
    productRef: string,
    credentials: BackstageCredentials,
  ) {
    const product = await this.product(productRef);
    const can = await this.permissionsOn([productRef], credentials, false);
    if (!can.read.has(productRef)) {
      throw notAllowed(productRef, platformProductReadPermission);
    }
    return { product, can };
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
      ? (await this.readableProduct(productRef, ctx.credentials)).can
      : await this.permissionsOn([], ctx.credentials, true);
    const now = this.now();
    const posts = await this.store.banners({
      productRef: productRef ?? null,
      types: BANNER_ANNOUNCEMENT_TYPES,
      viewerRef: userRefOf(ctx.credentials),
      now,
    });
    return posts.map(post => this.view(post, this.canManage(post, can), now));
  }

  /**
   * An Atom feed of the latest published posts: of the product with `productRef`, or,
   * without, of every product the caller may read and the global ones (as the list).
   */
  async feed(query: unknown, ctx: AnnouncementContext): Promise<string> {
    const { productRef } = parseInput(optionalProductRefQuerySchema, query);
    let title = 'Platform news';
    let productRefs: string[] | undefined;
    if (productRef) {
      const { product } = await this.readableProduct(
        productRef,
        ctx.credentials,
      );
      title = `${product.metadata.title ?? product.metadata.name} news`;
      productRefs = [productRef];
    } else {
      productRefs = (
        await this.everyProduct(ctx.credentials, {
          drafts: false,
          edits: false,
        })
      ).readable;
    }
    const now = this.now();
    const { items } = await this.store.list({
      productRefs,
      global: !productRef,
      upcoming: false,
      unread: false,
      now,
      limit: FEED_SIZE,
    });
    const { appBaseUrl, backendBaseUrl } = this.options;
    const scope = productRef
      ? `?productRef=${encodeURIComponent(productRef)}`
      : '';
    return toAtom({
      id: `${appBaseUrl}/platform-news${scope}`,
      title,
      selfUrl: `${backendBaseUrl}/announcements/feed${scope}`,
      alternateUrl: `${appBaseUrl}/platform-news${scope}`,
      fallbackUpdated: new Date(0).toISOString(),
      entries: items
        // newest first, as feed readers expect; pinned posts lead the lists only
        .sort(
          (a, b) => b.publishedAt! - a.publishedAt! || (a.id < b.id ? 1 : -1),
        )
        .map(post => ({
          id: `urn:uuid:${post.id}`,
          title: post.title,
          summary: post.summary,
          url: `${appBaseUrl}${announcementLink(post.id)}`,
          published: iso(post.publishedAt)!,
          updated: iso(Math.max(post.publishedAt!, post.updatedAt))!,
          author: post.onBehalfOf ?? post.authorRef,
          categories: [post.type, ...post.tags],
        })),
    });
  }

  /** The event of an event post as an iCalendar document. */
  async eventIcs(id: string, ctx: AnnouncementContext): Promise<string> {
    const { post } = await this.visible(id, ctx);
    if (!post.event) {
      throw new InputError(
        `Announcement '${id}' is a ${post.type}, not an event: it has no calendar entry`,
      );
    }
    const url = `${this.options.appBaseUrl}${announcementLink(post.id)}`;
    return toIcs({
      uid: `${post.id}@platform-product`,
      stamp: post.updatedAt,
      start: post.event.start,
      end: post.event.end,
      summary: post.title,
      description: `${post.summary}\n\n${url}`,
      location: post.event.location ?? undefined,
      url,
    });
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
