import { useApi } from '@backstage/core-plugin-api';
import { ProductAdoption } from '@platform-product/plugin-platform-product-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformProductApiRef } from '../api/PlatformProductApi';

/**
 * Loads the adoption of a product (consumers grouped by team) from the backend.
 *
 * @param productRef - the full entity ref of the PlatformProduct
 * @public
 */
export function useProductAdoption(productRef: string): {
  adoption?: ProductAdoption;
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const api = useApi(platformProductApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getAdoption(productRef),
    [api, productRef],
  );
  return { adoption: value, loading, error, retry };
}
