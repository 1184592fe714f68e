import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/**
 * Links to a product's Feedback tab (mounted at `/feedback` on the product
 * page), optionally opening one post, like the backend's notifications do.
 */
export function useFeedbackLink(): (
  productRef: string,
  postId?: string,
) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return (productRef, postId) => {
    const base = `${entityRoute(entityRouteParams(productRef))}/feedback`;
    return postId ? `${base}?post=${encodeURIComponent(postId)}` : base;
  };
}
