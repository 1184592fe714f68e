import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isPlatformProductEntity,
  PLATFORM_PRODUCT_KIND,
  PlatformProductEntityV1alpha1,
} from '@platform-product/plugin-platform-product-common';
import { lower } from '../shared/caller';
import { ProductInfo } from './ScorecardStore';

/** What the portfolio keeps of a product entity: refs in full, lower-cased. */
export function productInfoOf(
  product: PlatformProductEntityV1alpha1,
): ProductInfo {
  const fullRef = (ref: string | undefined, defaultKind: string) => {
    if (!ref) return null;
    try {
      return lower(
        stringifyEntityRef(
          parseEntityRef(ref, {
            defaultKind,
            defaultNamespace: product.metadata.namespace ?? 'default',
          }),
        ),
      );
    } catch {
      return lower(ref);
    }
  };
  return {
    productRef: lower(stringifyEntityRef(product)),
    title: product.metadata.title ?? product.metadata.name,
    productManager: fullRef(product.spec.productManager, 'user'),
    owner: fullRef(product.spec.owner, 'group'),
    lifecycle: product.spec.lifecycle ?? null,
  };
}

/**
 * Every PlatformProduct of the catalog, a page at a time (the catalog's cursor), read with the
 * plugin's own credentials: the scheduled run sees every product, whoever may read it.
 */
export async function* productPages(
  catalog: CatalogService,
  auth: AuthService,
  pageSize: number,
): AsyncGenerator<PlatformProductEntityV1alpha1[]> {
  const credentials = await auth.getOwnServiceCredentials();
  for await (const page of catalog.streamEntities(
    {
      filter: { kind: PLATFORM_PRODUCT_KIND },
      orderFields: { field: 'metadata.name', order: 'asc' },
      pageSize,
    },
    { credentials },
  )) {
    yield page.filter(isPlatformProductEntity);
  }
}

/** The product entity as the catalog has it now (not cached): a refresh evaluates what is there. */
export async function currentProduct(
  catalog: CatalogService,
  auth: AuthService,
  productRef: string,
): Promise<PlatformProductEntityV1alpha1 | undefined> {
  const entity = await catalog.getEntityByRef(productRef, {
    credentials: await auth.getOwnServiceCredentials(),
  });
  return entity && isPlatformProductEntity(entity) ? entity : undefined;
}
