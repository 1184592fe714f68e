import { useProductTabLink } from '../shared/productTabLink';

/**
 * Links to a product's Roadmap tab (mounted at `/roadmap` on the product page),
 * optionally to one item, which the tab shows highlighted.
 */
export function useRoadmapLink(): (
  productRef: string,
  itemId?: string,
) => string {
  return useProductTabLink('roadmap', 'item');
}
