import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/**
 * Links to one tab of a product's page (mounted at `/<tab>`), optionally opening
 * one thing on it with `?<param>=<id>`, as the backend's notifications link.
 */
export function useProductTabLink(
  tab: string,
  param: string,
): (productRef: string, id?: string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return (productRef, id) => {
    const base = `${entityRoute(entityRouteParams(productRef))}/${tab}`;
    return id ? `${base}?${param}=${encodeURIComponent(id)}` : base;
  };
}
