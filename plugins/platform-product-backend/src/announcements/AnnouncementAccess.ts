import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_CONSUMES_API,
  RELATION_DEPENDS_ON,
  RELATION_MEMBER_OF,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  announcementGlobalManagePermission,
  announcementManagePermission,
  isPlatformProductEntity,
  platformProductReadPermission,
} from '@platform-product/plugin-platform-product-common';
import {
  allowedGlobally,
  allowedOnProducts,
  allowedWhere,
  AuthorizeDeps,
  decisionsOn,
  notAllowed,
  notAllowedTo,
} from '../shared/authorize';
import { lower, RequestContext, userRefOf } from '../shared/caller';
import { AnnouncementStore, StoredAnnouncement } from './AnnouncementStore';

const refOf = (entity: Entity) => lower(stringifyEntityRef(entity));

/** What the caller may do on the products in question, from one permission round trip. */
export interface AnnouncementPermissions {
  read: Set<string>;
  manage: Set<string>;
  globalManage: boolean;
}

export type AnnouncementAccessOptions = AuthorizeDeps & {
  store: AnnouncementStore;
  catalog: CatalogService;
};

/**
 * The access checks of announcements: product posts are read with
 * `platform-product.product.read` on the product and managed with
 * `platform-product.announcement.manage` on it (conditions evaluated on the cached product,
 * shared/authorize.ts); global posts are managed with
 * `platform-product.announcement.global.manage`. Services read, never edit.
 */
export class AnnouncementAccess {
  constructor(private readonly options: AnnouncementAccessOptions) {}

  /**
   * The product from the catalog (through the cache, as the permission conditions see it);
   * 404 when it is no PlatformProduct.
   */
  product(productRef: string) {
    return this.options.products.existing(productRef);
  }

  /**
   * Read and manage decisions on these products (and global manage when `withGlobal`):
   * one `authorizeConditional` whose conditions are evaluated here on the cached products,
   * and the global permission beside it.
   */
  async permissionsOn(
    productRefs: string[],
    credentials: BackstageCredentials,
    withGlobal: boolean,
  ): Promise<AnnouncementPermissions> {
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

  async globalManage(credentials: BackstageCredentials) {
    return allowedGlobally(
      this.options,
      announcementGlobalManagePermission,
      credentials,
    );
  }

  canRead(post: StoredAnnouncement, can: AnnouncementPermissions) {
    return post.productRef === null || can.read.has(post.productRef);
  }

  canManage(post: { productRef: string | null }, can: AnnouncementPermissions) {
    return post.productRef === null
      ? can.globalManage
      : can.manage.has(post.productRef);
  }

  /** onBehalfOf must be a group the caller is a member of (their memberOf relations in the catalog). */
  async checkOnBehalfOf(
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

  async manageOrThrow(
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
        ? notAllowedTo(
            `manage the announcements of '${post.productRef}'`,
            announcementManagePermission,
          )
        : notAllowedTo(
            'manage global announcements',
            announcementGlobalManagePermission,
          );
    }
    return can;
  }

  /**
   * "Every product" for this caller, from one conditional decision on read and manage (and
   * the global manage permission beside it). When read (and, for drafts, manage) is decided
   * outright, no product needs listing: all of them or none. A conditional decision is
   * evaluated on each product with posts, and later on the products of the page.
   */
  async everyProduct(
    credentials: BackstageCredentials,
    { drafts, edits }: { drafts: boolean; edits: boolean },
  ): Promise<{
    readable?: string[];
    editable?: string[];
    globalManage: boolean;
    canOn: (productRefs: string[]) => Promise<AnnouncementPermissions>;
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
    const canOn = async (
      productRefs: string[],
    ): Promise<AnnouncementPermissions> => {
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
    const candidates = await this.options.store.productRefsWithPosts(drafts);
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
  async visible(id: string, ctx: RequestContext) {
    const post = await this.options.store.get(id, userRefOf(ctx.credentials));
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

  /** 404 for no product, 403 when the caller may not read it. */
  async readableProduct(productRef: string, credentials: BackstageCredentials) {
    const product = await this.product(productRef);
    const can = await this.permissionsOn([productRef], credentials, false);
    if (!can.read.has(productRef)) {
      throw notAllowed(productRef, platformProductReadPermission);
    }
    return { product, can };
  }

  /** The products an entity is part of or uses (dependsOn / consumesApi, directly or through a part). */
  async productsOf(
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
}
