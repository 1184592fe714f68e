import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  isPlatformProductEntity,
  PLATFORM_PRODUCT_KIND,
  PlatformProductEntityV1alpha1,
} from '@platform-product/plugin-platform-product-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { displayNameOf } from './entities';

/**
 * The PlatformProducts with a relation of the given type to the given entity,
 * e.g. `relations.productManagedBy = user:default/jane.doe`, sorted by title.
 */
export function useCatalogProducts(relationType: string, targetRef: string) {
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const { items } = await catalogApi.getEntities({
      filter: {
        kind: PLATFORM_PRODUCT_KIND,
        [`relations.${relationType}`]: targetRef,
      },
    });
    return items
      .filter(isPlatformProductEntity)
      .sort((a, b) => displayNameOf(a).localeCompare(displayNameOf(b)));
  }, [catalogApi, relationType, targetRef]);
  return {
    products: value as PlatformProductEntityV1alpha1[] | undefined,
    loading,
    error,
    retry,
  };
}
