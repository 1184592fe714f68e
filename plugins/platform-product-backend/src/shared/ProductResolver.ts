import {
  AuthService,
  BackstageCredentials,
  CacheService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isPlatformProductEntity,
  PlatformProductEntityV1alpha1,
} from '@platform-product/plugin-platform-product-common';
import { lower } from './caller';
import { KeptValues } from './KeptValues';

type CacheValue = Parameters<CacheService['set']>[1];

const refOf = (entity: Entity) => lower(stringifyEntityRef(entity));

/** How long an answer of the catalog is reused. */
export const PRODUCT_CACHE_TTL = { seconds: 60 };

/**
 * How long this process keeps an entity's product without asking the cache service again:
 * every feedback write asks, and the cache service is a deserialization, or with Redis a
 * round trip, per write. Short, so the minute above still bounds how late a move is seen.
 */
const RECENT_TTL_MS = 5_000;

/**
 * Which product an entity belongs to, and the product entities the permission conditions
 * are evaluated on, from the catalog through the cache: every feedback write names an
 * entity, and the catalog round trip (with its own permission check) cost more than the
 * write itself. A part moved to another product is seen here up to a minute later; catalog
 * processing delays such a change by minutes anyway. Misses and errors are not cached.
 */
export class ProductResolver {
  static create(options: {
    catalog: CatalogService;
    cache: CacheService;
    auth: AuthService;
  }) {
    return new ProductResolver(options.catalog, options.cache, options.auth);
  }

  private readonly recent = new KeptValues<string>({
    max: 10_000,
    ttlMs: RECENT_TTL_MS,
  });

  private constructor(
    private readonly catalog: CatalogService,
    private readonly cache: CacheService,
    private readonly auth: AuthService,
  ) {}

  /**
   * The product an entity belongs to: the product itself, or the product it is partOf
   * (the first by ref when several). A miss reads the entity with the caller's credentials.
   */
  async productOf(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const key = `product-of:${lower(entityRef)}`;
    const recent = this.recent.get(key);
    if (recent) return recent;
    const cached = await this.cache.get<string>(key);
    if (typeof cached === 'string') {
      return this.recent.set(key, cached);
    }
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity '${entityRef}' in the catalog`);
    }
    let productRef: string;
    if (isPlatformProductEntity(entity)) {
      productRef = refOf(entity);
    } else {
      const products = (entity.relations ?? [])
        .filter(relation => relation.type === RELATION_PART_OF)
        .map(relation => lower(relation.targetRef))
        .filter(ref => ref.startsWith('platformproduct:'))
        .sort();
      if (!products.length) {
        // a 404 as for a product that is not there: every route answers so for what is no product
        throw new NotFoundError(
          `entityRef '${entityRef}' is not part of any PlatformProduct`,
        );
      }
      productRef = products[0];
    }
    await this.cache.set(key, productRef, { ttl: PRODUCT_CACHE_TTL });
    return this.recent.set(key, productRef);
  }

  /** The product entity, read with the plugin's own credentials, as the permission system does. */
  async product(
    productRef: string,
  ): Promise<PlatformProductEntityV1alpha1 | undefined> {
    const cached = await this.cached(productRef);
    if (cached) return cached;
    const entity = await this.catalog.getEntityByRef(productRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    return this.remember(productRef, entity);
  }

  /** The product entity, as `product` reads it; a 404 when the catalog has no such PlatformProduct. */
  async existing(productRef: string): Promise<PlatformProductEntityV1alpha1> {
    const entity = await this.product(productRef);
    if (!entity) {
      throw new NotFoundError(
        `No PlatformProduct '${productRef}' in the catalog`,
      );
    }
    return entity;
  }

  /**
   * The product entities of these refs, in order (undefined for other kinds and missing
   * refs): the permission framework's `getResources`. The misses in one catalog query.
   */
  async products(
    productRefs: string[],
  ): Promise<Array<PlatformProductEntityV1alpha1 | undefined>> {
    const found = await Promise.all(productRefs.map(ref => this.cached(ref)));
    const missing = productRefs.filter((_, i) => !found[i]);
    if (!missing.length) return found;
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: missing },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const loaded = new Map(
      await Promise.all(
        missing.map(
          async (ref, i) => [ref, await this.remember(ref, items[i])] as const,
        ),
      ),
    );
    return productRefs.map((ref, i) => found[i] ?? loaded.get(ref));
  }

  private async cached(productRef: string) {
    const cached = await this.cache.get<Entity>(`product:${lower(productRef)}`);
    return cached && isPlatformProductEntity(cached) ? cached : undefined;
  }

  private async remember(productRef: string, entity: Entity | undefined) {
    if (!entity || !isPlatformProductEntity(entity)) {
      return undefined;
    }
    await this.cache.set(
      `product:${lower(productRef)}`,
      entity as unknown as CacheValue,
      { ttl: PRODUCT_CACHE_TTL },
    );
    return entity;
  }
}
