import { useProductTabLink } from '../shared/productTabLink';

/**
 * Links to a product's Scorecard tab (mounted at `/scorecard` on the product page),
 * optionally to one check (`?check=<id>`), which the tab scrolls to.
 */
export function useScorecardLink(): (
  productRef: string,
  checkId?: string,
) => string {
  return useProductTabLink('scorecard', 'check');
}
