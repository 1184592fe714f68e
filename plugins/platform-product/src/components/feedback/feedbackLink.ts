import { useProductTabLink } from '../shared/productTabLink';

/**
 * Links to a product's Feedback tab (mounted at `/feedback` on the product
 * page), optionally opening one post, like the backend's notifications do.
 */
export function useFeedbackLink(): (
  productRef: string,
  postId?: string,
) => string {
  return useProductTabLink('feedback', 'post');
}
